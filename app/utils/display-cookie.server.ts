// The participant's display settings (symbols, Easy Read): a signed, httpOnly, SameSite=Lax
// cookie holding two yes/no values. Nothing personal, and nothing stored on the server.
import { createCookie } from '@remix-run/node'
import { type DisplayChoice, parseDisplayChoice } from '~/domain/display'
import { getEnv } from './env.server'

let instance: ReturnType<typeof createCookie> | undefined
export function displayCookie() {
  const env = getEnv()
  instance ??= createCookie('display', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.COOKIE_SECURE,
    path: '/',
    secrets: [env.SESSION_SECRET],
    maxAge: 60 * 60 * 24 * 365,
  })
  return instance
}

export async function readDisplayChoice(request: Request): Promise<DisplayChoice> {
  return parseDisplayChoice(await displayCookie().parse(request.headers.get('Cookie')))
}

export async function serializeDisplayChoice(choice: DisplayChoice): Promise<string> {
  return displayCookie().serialize(choice)
}
