// Reading a posted form. The platform's request.formData() throws a TypeError for a body that is not a
// form (no or another Content-Type, a multipart body without a boundary or cut short); that would be
// a 500. Here it is a plain 400 instead, which every action gets by reading its form through this.
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch (error) {
    if (error instanceof TypeError) throw new Response('Bad Request: the form could not be read', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    throw error
  }
}
