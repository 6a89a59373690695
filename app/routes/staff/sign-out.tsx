import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import type { RouteAccess } from '~/domain/permissions'
import { endSession, SIGN_IN_PATH } from '~/services/auth.server'
import { getDb } from '~/utils/db.server'

/** Signing out needs no permission: with no session it just clears the cookie. POST only (a link cannot sign you out). */
export const access: RouteAccess = 'public'

export async function loader() {
  return redirect('/staff')
}

export async function action({ request }: ActionFunctionArgs) {
  const setCookie = await endSession(getDb(), request)
  return redirect(`${SIGN_IN_PATH}?signedOut=1`, { headers: { 'Set-Cookie': setCookie, 'Cache-Control': 'no-store' } })
}
