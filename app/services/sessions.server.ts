// Group sessions (issue #6): a facilitator starts one for an open consultation; participants join with
// its code at /join; a shared tablet (kiosk) goes back to the start after each child; the live board
// shows the session's finished responses. Rules: app/domain/{join-code,kiosk,live-board}.ts; SQL:
// app/models/session.server.ts.
import { data, redirect } from '@remix-run/node'
import { z } from 'zod'
import type { SessionSetting } from '../../db/schema'
import { generateJoinCode, matchJoinCode, normaliseJoinCode } from '~/domain/join-code'
import { sessionSettings, type StartFormValues } from '~/domain/session-settings'
import { type GroupDevice, kioskResumeAllowed, NO_JS_RESET_SECONDS } from '~/domain/kiosk'
import { boardGroupEvidence } from '~/services/group-results.server'
import { type BoardData, type BoardGroupResult, boardQuestions, boardVersion } from '~/domain/live-board'
import { type Bucket, FixedWindowCounter, giveBackToAll, takeFromAll, type WindowRule } from '~/domain/rate-limit'
import { getSuppressionThreshold, listConsultations, listConsultationTitles } from '~/models/consultation.server'
import {
  closeSessionRow,
  countSessionBases,
  countSessionOptionAnswers,
  countSessionResponses,
  findSession,
  insertSession,
  joinCodeInUse,
  listOpenSessionCodes,
  listSessions,
  type SessionRow,
  setResponseSession,
} from '~/models/session.server'
import { recordAudit } from '~/services/audit.server'
import { commitParticipantSession, currentResponse, finishResponse, getParticipantSession } from '~/services/participation.server'
import { screenResponse } from '~/services/safeguarding.server'
import { qrSvg } from '~/services/consultations.server'
import { loadSurvey, type Consultation } from '~/services/survey.server'
import { randomToken } from '~/utils/crypto.server'
import { type DB, getDb } from '~/utils/db.server'
import { displayCookie } from '~/utils/display-cookie.server'
import { readForm } from '~/utils/form.server'
import { getT } from '~/utils/i18n.server'
import { clearGroupDevice, readGroupDevice, serializeGroupDevice } from '~/utils/group-cookie.server'
import { rateLimitBrowserId, retryAfterSeconds, wholeServer } from '~/utils/rate-limit.server'
import { participantSessions } from '~/utils/session.server'

export { blankStartValues, sessionSettings } from '~/domain/session-settings'

// ---- Facilitator: start, list, show, close ----------------------------------------------------------

const startSchema = z.object({
  consultation: z.string({ message: 'consultation' }).min(1, 'consultation'),
  setting: z.enum(sessionSettings, { message: 'setting' }),
  groupType: z.string({ message: 'groupType' }).trim().min(1, 'groupType').max(80, 'groupTypeLong'),
  expected: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : Number(v)))
    .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 500), 'expected'),
  kiosk: z.literal('on').optional(),
})

export type StartResult = { ok: true; id: string } | { ok: false; errors: Record<string, string>; values: StartFormValues }


export async function startSessionFromForm(db: DB, form: FormData, userId: string | null): Promise<StartResult> {
  const text = (name: string) => (typeof form.get(name) === 'string' ? String(form.get(name)) : '')
  const values: StartFormValues = { consultation: text('consultation'), setting: text('setting'), groupType: text('groupType'), expected: text('expected'), kiosk: form.get('kiosk') === 'on' }
  const parsed = startSchema.safeParse({ consultation: values.consultation, setting: values.setting, groupType: values.groupType, expected: values.expected, kiosk: form.get('kiosk') ?? undefined })
  const errors: Record<string, string> = {}
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message
  // Only an open consultation can be run in a room.
  const open = (await listConsultations(db, 'open')).find((c) => c.slug === values.consultation)
  if (!open && !errors.consultation) errors.consultation = 'consultation'
  if (!parsed.success || !open || Object.keys(errors).length) return { ok: false, errors, values }
  const id = await createSession(db, {
    consultationId: open.id,
    setting: parsed.data.setting,
    groupType: parsed.data.groupType,
    expectedParticipants: parsed.data.expected,
    kiosk: parsed.data.kiosk === 'on',
    createdBy: userId,
  })
  return { ok: true, id }
}

/** Makes the session with a join code no open session has. The partial unique index is the last word when two start at once. */
export async function createSession(
  db: DB,
  input: { consultationId: string; setting: SessionSetting; groupType: string; expectedParticipants: number | null; kiosk: boolean; createdBy: string | null },
  newCode: () => string = generateJoinCode,
): Promise<string> {
  const id = randomToken(12)
  for (let attempt = 0; attempt < 8; attempt++) {
    const joinCode = newCode()
    if (await joinCodeInUse(db, joinCode)) continue
    try {
      await insertSession(db, { id, joinCode, ...input, now: new Date().toISOString() })
    } catch (error) {
      if (await joinCodeInUse(db, joinCode)) continue // taken by a session started at the same moment
      throw error
    }
    await recordAudit(db, { userId: input.createdBy, action: 'session.start', subject: id, details: { consultationId: input.consultationId, kiosk: input.kiosk } })
    return id
  }
  throw new Error('Could not find a free join code')
}

export async function sessionList(db: DB, locale: string) {
  const [sessions, open] = await Promise.all([listSessions(db), listConsultations(db, 'open')])
  const titles = await listConsultationTitles(db, [...new Set([...sessions.map((s) => s.consultation_id), ...open.map((c) => c.id)])])
  const titleOf = (id: string) => titleIn(titles, id, locale)
  return {
    consultations: open.map((c) => ({ slug: c.slug, title: titleOf(c.id) ?? c.slug })),
    sessions: sessions.map((s) => ({
      id: s.id,
      title: titleOf(s.consultation_id) ?? s.consultation_id,
      code: s.join_code,
      setting: s.setting,
      groupType: s.group_type,
      kiosk: s.kiosk === 1,
      status: s.status,
      createdAt: s.created_at,
      finished: s.finished,
      expected: s.expected_participants,
    })),
  }
}

type Titles = Awaited<ReturnType<typeof listConsultationTitles>>
function titleIn(titles: Titles, consultationId: string, locale: string): string | undefined {
  const mine = titles.filter((t) => t.entity_id === consultationId && t.register === 'plain')
  return (mine.find((t) => t.locale === locale) ?? mine.find((t) => t.locale === 'en') ?? mine[0])?.value
}

export async function requireSession(db: DB, id: string | undefined): Promise<SessionRow> {
  const session = id ? await findSession(db, id) : undefined
  if (!session) throw new Response('Not found', { status: 404 })
  return session
}

/** The link a participant opens: /join with the code filled in. */
export function sessionJoinUrl(request: Request, code: string): string {
  return `${new URL(request.url).origin}/join?code=${encodeURIComponent(code)}`
}

export async function sessionView(db: DB, request: Request, session: SessionRow, locale: string, qrName: (url: string) => string) {
  const [titles, counts] = await Promise.all([listConsultationTitles(db, [session.consultation_id]), countSessionResponses(db, session.id)])
  const url = sessionJoinUrl(request, session.join_code)
  return {
    id: session.id,
    title: titleIn(titles, session.consultation_id, locale) ?? session.consultation_id,
    code: session.join_code,
    setting: session.setting,
    groupType: session.group_type,
    expected: session.expected_participants,
    kiosk: session.kiosk === 1,
    open: session.status === 'open',
    createdAt: session.created_at,
    closedAt: session.closed_at,
    url,
    svg: session.status === 'open' ? await qrSvg(url, qrName(url)) : null,
    ...counts,
  }
}

export async function closeSession(db: DB, session: SessionRow, userId: string | null): Promise<void> {
  if (await closeSessionRow(db, session.id, new Date().toISOString())) {
    await recordAudit(db, { userId, action: 'session.close', subject: session.id })
  }
}

// ---- The live board -----------------------------------------------------------------------------------

/**
 * H6 (group activities): the session's group results for the board — diamond 9, dot voting, group
 * ranking — each already safe to show in a room (type BoardGroupResult in app/domain/live-board.ts).
 * The board shows whatever this returns in its group section (GroupResultsSlot in app/components/live-board.tsx).
 */
export async function boardGroupResults(db: DB, session: SessionRow, locale: string): Promise<BoardGroupResult[]> {
  return boardGroupEvidence(db, session, locale)
}

export async function boardData(db: DB, session: SessionRow, locale: string): Promise<BoardData> {
  const consultation = (await db.selectFrom('consultation').selectAll().where('id', '=', session.consultation_id).executeTakeFirstOrThrow()) as Consultation
  const [survey, counts, bases, totals, threshold, groupResults] = await Promise.all([
    loadSurvey(db, consultation, locale),
    countSessionOptionAnswers(db, session.id),
    countSessionBases(db, session.id),
    countSessionResponses(db, session.id),
    getSuppressionThreshold(db, consultation.organisation_id),
    boardGroupResults(db, session, locale),
  ])
  const questions = boardQuestions(survey.questions, counts, bases, threshold)
  return {
    sessionId: session.id,
    title: survey.title,
    code: session.join_code,
    open: session.status === 'open',
    finished: totals.finished,
    expected: session.expected_participants,
    threshold,
    questions,
    groupResults,
    version: `${boardVersion(totals.finished, questions)}|${groupResults.length}:${groupResults.map((g) => g.rows.map((r) => r.value).join(',')).join(';')}|${session.status}`,
    at: new Date().toISOString(),
  }
}

// ---- Participants: joining with a code ----------------------------------------------------------------

// Guessing a code. A code is 6 of 25 characters (25^6 ≈ 2.4 × 10^8); with 20 sessions open at once a
// guess finds one with odds of 1 in 12 million. Only FAILED tries count:
// - perBrowser: 10 a minute, in the same random, short-lived cookie id as /receipt uses (no IP address):
//   tells a child who keeps mistyping to wait, and slows a casual guesser;
// - everyone: 300 a minute per server, which no caller can multiply: at most 432,000 guesses a day,
//   about one lucky guess a month with 20 sessions open. Joining a session by luck only adds a
//   response to it, which the session's facilitator can see.
export const JOIN_LIMITS = {
  everyone: { limit: 300, windowMs: 60_000 },
  perBrowser: { limit: 10, windowMs: 60_000 },
} satisfies Record<string, WindowRule>

interface JoinLimiter {
  everyone: FixedWindowCounter
  perBrowser: FixedWindowCounter
}
declare global {
  var __joinLimiter: JoinLimiter | undefined
}
function joinLimiter(): JoinLimiter {
  globalThis.__joinLimiter ??= { everyone: new FixedWindowCounter(wholeServer(JOIN_LIMITS.everyone), 1), perBrowser: new FixedWindowCounter(JOIN_LIMITS.perBrowser, 10_000) }
  return globalThis.__joinLimiter
}
/** Tests only: start the limits afresh. */
export function resetJoinLimits(limits: { everyone: WindowRule; perBrowser: WindowRule } = JOIN_LIMITS) {
  globalThis.__joinLimiter = { everyone: new FixedWindowCounter(wholeServer(limits.everyone), 1), perBrowser: new FixedWindowCounter(limits.perBrowser, 10_000) }
}

export type JoinActionData = { error: 'notFound' | 'slowDown'; code: string; seconds?: number }

/**
 * POST /join: the same answer for a mistyped, unknown, closed or finished session's code (nothing to
 * learn from the difference), a 429 with Retry-After when this browser or the server has failed too
 * often. On success the device joins: its group cookie says which session, and it goes to the start page.
 */
export async function joinSession(db: DB, request: Request) {
  const form = await readForm(request)
  const typed = typeof form.get('code') === 'string' ? String(form.get('code')).slice(0, 40) : ''
  const browser = await rateLimitBrowserId(request)
  const headers = new Headers()
  if (browser.setCookie) headers.append('Set-Cookie', browser.setCookie)
  const limiter = joinLimiter()
  const buckets: Bucket[] = [
    { counter: limiter.everyone, key: 'join' },
    { counter: limiter.perBrowser, key: browser.id },
  ]
  const now = Date.now()
  const allowed = takeFromAll(buckets, now)
  if (!allowed.allowed) {
    const seconds = retryAfterSeconds(allowed.retryAfterMs)
    headers.set('Retry-After', String(seconds))
    return data<JoinActionData>({ error: 'slowDown', code: typed, seconds }, { status: 429, headers })
  }
  const candidates = await listOpenSessionCodes(db)
  const found = matchJoinCode(normaliseJoinCode(typed), candidates)
  if (!found || !found.consultationOpen) return data<JoinActionData>({ error: 'notFound', code: typed }, { status: 400, headers })
  giveBackToAll(buckets, now)
  // A new device in the session: nothing of anyone before it (a kiosk starts clean too).
  headers.append('Set-Cookie', await serializeGroupDevice(found.kiosk ? { sessionId: found.id, kiosk: true, seenAt: Date.now() } : { sessionId: found.id, kiosk: false }))
  if (found.kiosk) for (const cookie of await clearChildCookies()) headers.append('Set-Cookie', cookie)
  return redirect(`/c/${found.slug}`, { headers })
}

// ---- A device in a session ------------------------------------------------------------------------------

export interface GroupContext {
  device: GroupDevice
  session: SessionRow
}

/** The session this device joined, when it is open and for this consultation. */
export async function groupContext(db: DB, request: Request, consultationId: string): Promise<GroupContext | null> {
  const device = await readGroupDevice(request)
  if (!device) return null
  const session = await findSession(db, device.sessionId)
  if (!session || session.consultation_id !== consultationId) return null
  // A closed session records no more responses, but a kiosk stays a kiosk until its cookie goes.
  if (session.status !== 'open' && !device.kiosk) return null
  return { device, session }
}

/** A response just started on this device: record the session it was given in (an open one only). */
export async function recordResponseSession(db: DB, group: GroupContext | null, responseId: number): Promise<void> {
  if (group && group.session.status === 'open') await setResponseSession(db, responseId, group.session.id)
}

/** Set-Cookie values that remove what a child leaves on a shared device: their answers' token, their display choices. */
export async function clearChildCookies(): Promise<string[]> {
  const storage = participantSessions()
  return [await storage.destroySession(await storage.getSession()), await displayCookie().serialize('', { maxAge: 0, expires: new Date(0) })]
}

/** A kiosk page has just been served to the current child: the device is in use. */
export async function touchKiosk(device: GroupDevice): Promise<string> {
  return serializeGroupDevice({ ...device, seenAt: Date.now() })
}

/**
 * A question page on a kiosk: carry on only while the device is in use. Left alone too long, or
 * reached again through Back after the child left, the page goes to the session's start with the
 * last child's cookie cleared (the server refuses a stale resume).
 */
export async function guardKioskPage(group: GroupContext | null, slug: string): Promise<void> {
  if (!group?.device.kiosk) return
  if (kioskResumeAllowed(group.device.seenAt, Date.now())) return
  const headers = new Headers()
  for (const cookie of await clearChildCookies()) headers.append('Set-Cookie', cookie)
  headers.append('Set-Cookie', await serializeGroupDevice({ sessionId: group.device.sessionId, kiosk: true }))
  headers.set('Cache-Control', 'no-store')
  throw redirect(`/c/${slug}`, { headers })
}

/** Leaves the session on this device (a non-kiosk device, or the facilitator taking the tablet back). */
export async function leaveSession(): Promise<string> {
  return clearGroupDevice()
}

// ---- Kiosk: one child after another on a shared device ------------------------------------------------

/** For a participant page of this consultation: the device's group, and on a kiosk the headers every page gets. */
export async function participantGroup(db: DB, request: Request, consultationId: string) {
  const group = await groupContext(db, request, consultationId)
  const kiosk = group?.device.kiosk === true
  const headers = new Headers()
  if (kiosk) headers.set('Cache-Control', 'no-store')
  return { group, kiosk, headers }
}

/** The words a kiosk question page needs, translated here so no other participant page carries them. */
export function kioskView(t: (key: string, values?: Record<string, unknown>) => string, slug: string) {
  return {
    slug,
    resetHref: `/join/reset?slug=${encodeURIComponent(slug)}`,
    resetSeconds: NO_JS_RESET_SECONDS,
    finish: t('sessions:kiosk.finish'),
    finishHint: t('sessions:kiosk.finishHint'),
    idleTitle: t('sessions:kiosk.idleTitle'),
    idleBody: t('sessions:kiosk.idleBody'),
    stillHere: t('sessions:kiosk.stillHere'),
  }
}
export type KioskView = ReturnType<typeof kioskView>

async function consultationForSlug(db: DB, slug: unknown) {
  if (typeof slug !== 'string' || !/^[\w-]{1,100}$/.test(slug)) return undefined
  return db.selectFrom('consultation').selectAll().where('slug', '=', slug).executeTakeFirst()
}

/** "I'm finished": keep what was answered, finish the response, and show the thank-you page (which clears the device). */
export async function finishKioskResponse(db: DB, request: Request, slug: unknown): Promise<Response> {
  const consultation = await consultationForSlug(db, slug)
  if (!consultation) return redirect('/join')
  const group = await groupContext(db, request, consultation.id)
  const session = await getParticipantSession(request)
  const response = await currentResponse(db, session, consultation.id)
  if (!group?.device.kiosk || !response || response.status !== 'in_progress') return redirect(`/c/${consultation.slug}`, { headers: { 'Cache-Control': 'no-store' } })
  await screenResponse(db, consultation.id, response.id)
  await finishResponse(db, session, consultation.id, response.id)
  return redirect(`/c/${consultation.slug}/thanks`, { headers: { 'Set-Cookie': await commitParticipantSession(session), 'Cache-Control': 'no-store' } })
}

/** A kiosk left alone: clear the last child's cookies and go back to the start. */
export async function resetKiosk(db: DB, request: Request, slug: unknown): Promise<Response> {
  const consultation = await consultationForSlug(db, slug)
  const device = await readGroupDevice(request)
  const to = consultation ? `/c/${consultation.slug}` : '/join'
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  if (device?.kiosk) {
    for (const cookie of await clearChildCookies()) headers.append('Set-Cookie', cookie)
    headers.append('Set-Cookie', await serializeGroupDevice({ sessionId: device.sessionId, kiosk: true }))
  }
  return redirect(to, { headers })
}

/** The thank-you page on a kiosk: the receipt is shown once, and everything of the child's is cleared now. */
export async function kioskThanksHeaders(): Promise<Headers> {
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  for (const cookie of await clearChildCookies()) headers.append('Set-Cookie', cookie)
  return headers
}

/**
 * A question page of this consultation on a kiosk: refuses a stale resume (redirect to the start, the
 * last child's cookies cleared), marks the device as in use, and gives the page its kiosk controls.
 * Null on any other device.
 */
export async function kioskQuestionPage(request: Request, slug: string | undefined, { touch = true } = {}): Promise<{ headers: Headers; view: KioskView } | null> {
  // Most devices are not kiosks: decided from the cookie alone, with no database work.
  if (!(await readGroupDevice(request))?.kiosk) return null
  const db = getDb()
  const consultation = await consultationForSlug(db, slug)
  if (!consultation) return null
  const { group, kiosk, headers } = await participantGroup(db, request, consultation.id)
  if (!kiosk || !group) return null
  await guardKioskPage(group, consultation.slug)
  if (touch) headers.append('Set-Cookie', await touchKiosk(group.device))
  const { t } = await getT(request)
  return { headers, view: kioskView(t, consultation.slug) }
}
