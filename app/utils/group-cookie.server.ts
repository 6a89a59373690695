// The group-session cookie (issue #6): which session this device joined, whether it is a shared
// kiosk, and (kiosk only) when it last served a question page. Signed, httpOnly, SameSite=Lax; nothing
// about the child. A kiosk keeps it from one child to the next; everything else is cleared between them.
import { createCookie } from '@remix-run/node'
import { type GroupDevice, parseGroupDevice } from '~/domain/kiosk'
import { getEnv } from './env.server'

let instance: ReturnType<typeof createCookie> | undefined
function groupCookie() {
  const env = getEnv()
  // Twelve hours: a school day or an evening session; the device leaves the session after that.
  instance ??= createCookie('__group', { httpOnly: true, sameSite: 'lax', secure: env.COOKIE_SECURE, path: '/', secrets: [env.SESSION_SECRET], maxAge: 12 * 60 * 60 })
  return instance
}

export async function readGroupDevice(request: Request): Promise<GroupDevice | null> {
  return parseGroupDevice(await groupCookie().parse(request.headers.get('Cookie')))
}

export async function serializeGroupDevice(device: GroupDevice): Promise<string> {
  return groupCookie().serialize(device)
}

export async function clearGroupDevice(): Promise<string> {
  return groupCookie().serialize('', { maxAge: 0, expires: new Date(0) })
}
