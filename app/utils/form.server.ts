// Reading a posted form. The platform's request.formData() throws a TypeError for a body that is not a
// form (no or another Content-Type, a multipart body without a boundary or cut short); that would be
// a 500. Here it is a plain 400 instead, which every action gets by reading its form through this.
//
// A body can be read once; the form read from a request is kept for it, so a second reader (the "not
// saved" page after a failed save) gets the same form without the request being copied up front.
const forms = new WeakMap<Request, Promise<FormData>>()

export function readForm(request: Request): Promise<FormData> {
  let form = forms.get(request)
  if (!form) {
    form = parseForm(request)
    forms.set(request, form)
  }
  return form
}

async function parseForm(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch (error) {
    if (error instanceof TypeError) throw new Response('Bad Request: the form could not be read', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    throw error
  }
}
