import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { isLocale } from '~/i18n/config'
import { safeRedirectPath } from '~/domain/safe-redirect'
import { localeCookie } from '~/utils/session.server'
import { readForm } from '~/utils/form.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const lng = form.get('lng')
  const to = safeRedirectPath(form.get('redirectTo'))
  if (!isLocale(lng)) return redirect(to)
  return redirect(to, { headers: { 'Set-Cookie': await localeCookie().serialize(lng) } })
}
