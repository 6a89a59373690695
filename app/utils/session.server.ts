// Cookies: httpOnly, SameSite=Lax, Secure in production. They hold no personal data:
// a random token per consultation (stored server-side only as a hash) and the chosen language.
import { createCookie, createCookieSessionStorage } from '@remix-run/node'
import { getEnv } from './env.server'

function cookieBase() {
  const env = getEnv()
  return { httpOnly: true, sameSite: 'lax' as const, secure: env.COOKIE_SECURE, path: '/', secrets: [env.SESSION_SECRET] }
}

let localeCookieInstance: ReturnType<typeof createCookie> | undefined
export function localeCookie() {
  localeCookieInstance ??= createCookie('lng', { ...cookieBase(), maxAge: 60 * 60 * 24 * 365 })
  return localeCookieInstance
}

type ParticipantData = { tokens: Record<string, string> }
type ParticipantFlash = { receipt: string }

let participantStorage: ReturnType<typeof createCookieSessionStorage<ParticipantData, ParticipantFlash>> | undefined
export function participantSessions() {
  participantStorage ??= createCookieSessionStorage<ParticipantData, ParticipantFlash>({
    // Kept for 30 days so a child can pause and come back on the same device.
    cookie: { name: '__participant', ...cookieBase(), maxAge: 60 * 60 * 24 * 30 },
  })
  return participantStorage
}

let staffCookieInstance: ReturnType<typeof createCookie> | undefined
/**
 * The staff sign-in cookie: a random token (the database holds only its sha-256, see
 * app/services/auth.server.ts). Signed, httpOnly, SameSite=Lax, Secure in production; it lasts no
 * longer than the session it points to.
 */
export function staffSessionCookie() {
  staffCookieInstance ??= createCookie('__staff', { ...cookieBase(), maxAge: 12 * 60 * 60 })
  return staffCookieInstance
}
