// POST /join/finish: "I'm finished" on a shared device (kiosk). What was answered so far is kept and the
// response is finished; the thank-you page then clears the device for the next person.
import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { finishKioskResponse } from '~/services/sessions.server'
import { getDb } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'

export const loader = () => redirect('/join')

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  return finishKioskResponse(getDb(), request, form.get('slug'))
}
