// Safeguarding: screening free text as it is saved, and the safeguarding lead's queue.
//
// Screening (participants): every free-text answer is checked against the shipped phrase lists and the
// phrases added by the safeguarding lead (app/domain/safeguarding.ts). A match raises one flag per answer;
// the answer is saved as usual and the participant is never blocked. `screenSubmission` is the one door:
// text questions call it through `screenAnswer`, and story submissions (issue 5, later) should call it
// with their own reference and text.
//
// The queue (staff): only the 'safeguarding:handle' permission (the safeguarding role, not even an admin).
// Every look at the queue or a flag, and every change, is written to the audit log. The flagged words
// appear only on the flag page: summaries, findings and suppressed exports never include free text
// (raw exports, for 'responses:raw', do include every answer's text as they always have).
import crypto from 'node:crypto'
import type { SurveyQuestion } from '~/domain/survey'
import { createTextLookup } from '~/domain/content'
import { listTexts } from '~/models/consultation.server'
import type { Answer } from '~/domain/answers'
import {
  checkPhrase,
  compareFlags,
  compileScreen,
  type CompiledScreen,
  defaultPhrases,
  type FlagStatus,
  isPhraseLocale,
  isSafeguardingCategory,
  type PhraseLocale,
  type SafeguardingCategory,
  type SafeguardingMatch,
  type SafeguardingPhrase,
  screenText,
} from '~/domain/safeguarding'
import {
  changeFlagStatus,
  countFlagsByStatus,
  deletePhrase,
  findFlag,
  findFlaggedText,
  insertPhrase,
  listFlags,
  listNotes,
  listPhrases,
  listTextAnswers,
  phrasesVersion,
  upsertFlag,
} from '~/models/safeguarding.server'
import { listStoriesOfResponse } from '~/models/story.server'
import type { StaffUser } from '~/services/auth.server'
import { recordAudit } from '~/services/audit.server'
import { sha256 } from '~/utils/crypto.server'
import type { DB } from '~/utils/db.server'

// ---- The lists ----------------------------------------------------------------------------------

/** Compiled lists per database, rebuilt when the phrase table changes. */
const screens = new WeakMap<DB, { version: string; screen: CompiledScreen }>()

export async function currentScreen(db: DB): Promise<CompiledScreen> {
  const version = await phrasesVersion(db)
  const cached = screens.get(db)
  if (cached && cached.version === version) return cached.screen
  const added: SafeguardingPhrase[] = (await listPhrases(db)).flatMap((p) =>
    isPhraseLocale(p.locale) && isSafeguardingCategory(p.category) ? [{ locale: p.locale, category: p.category, phrase: p.phrase }] : [],
  )
  const screen = compileScreen([...defaultPhrases, ...added])
  screens.set(db, { version, screen })
  return screen
}

// ---- Screening ----------------------------------------------------------------------------------

/** What a flag points at: the answer (response and question). Stories will add their own reference. */
export interface SubmissionRef {
  consultationId: string
  responseId: number
  questionId: string
}

/** Screens one piece of free text; a match raises (or refreshes) the flag for it. Returns the match, or null. */
export async function screenSubmission(db: DB, ref: SubmissionRef, text: string): Promise<SafeguardingMatch | null> {
  const match = screenText(text, await currentScreen(db))
  if (!match) return null
  await upsertFlag(db, {
    ...ref,
    categories: JSON.stringify(match.categories),
    phrases: JSON.stringify(match.phrases),
    textHash: sha256(text),
    now: new Date().toISOString(),
  })
  return match
}

/** Screens a saved answer when it is free text (a text question); other answers are never screened. */
export async function screenAnswer(db: DB, consultationId: string, responseId: number, question: SurveyQuestion, answer: Answer): Promise<SafeguardingMatch | null> {
  if (question.type !== 'text' || answer.kind !== 'text') return null
  return screenSubmission(db, { consultationId, responseId, questionId: question.id }, answer.text)
}

/** At finish: every text answer of the response again (phrases may have been added since a page was saved). */
export async function screenResponse(db: DB, consultationId: string, responseId: number): Promise<boolean> {
  let flagged = false
  for (const { questionId, text } of await listTextAnswers(db, responseId)) {
    if (await screenSubmission(db, { consultationId, responseId, questionId }, text)) flagged = true
  }
  // Stories' words are in the story table (issue 5).
  for (const { question_id: questionId, text } of await listStoriesOfResponse(db, responseId)) {
    if (questionId && text && (await screenSubmission(db, { consultationId, responseId, questionId }, text))) flagged = true
  }
  return flagged
}

// ---- The queue ----------------------------------------------------------------------------------

export interface FlagSummary {
  id: number
  consultationSlug: string
  questionKey: string | null
  categories: SafeguardingCategory[]
  status: FlagStatus
  createdAt: string
  updatedAt: string
}

function categoriesOf(json: string): SafeguardingCategory[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter(isSafeguardingCategory) : []
  } catch {
    return []
  }
}

function phrasesOf(json: string): SafeguardingPhrase[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? (value as SafeguardingPhrase[]).filter((p) => p && typeof p.phrase === 'string' && isPhraseLocale(p.locale) && isSafeguardingCategory(p.category)) : []
  } catch {
    return []
  }
}

/** The queue: new flags first, then the rest by status, newest first in each. Recorded in the audit log. */
export async function viewQueue(db: DB, user: StaffUser, status?: FlagStatus) {
  const flags = await listFlags(db, status)
  flags.sort(compareFlags)
  const counts = await countFlagsByStatus(db)
  await recordAudit(db, { userId: user.id, action: 'safeguarding.queue-view', subject: 'safeguarding_flag:*', details: { status: status ?? 'all', shown: flags.length } })
  return {
    counts,
    flags: flags.map<FlagSummary>((f) => ({
      id: f.id,
      consultationSlug: f.consultationSlug,
      questionKey: f.questionKey,
      categories: categoriesOf(f.categories),
      status: f.status,
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
    })),
  }
}

/** One flag with the answer's words, as they are now. Every view is recorded in the audit log. */
export async function viewFlag(db: DB, user: StaffUser, id: number) {
  const flag = await findFlag(db, id)
  if (!flag) return undefined
  const text = await findFlaggedText(db, flag.responseId, flag.questionId)
  await recordAudit(db, { userId: user.id, action: 'safeguarding.flag-view', subject: `safeguarding_flag:${id}` })
  return {
    id: flag.id,
    consultationId: flag.consultationId,
    consultationSlug: flag.consultationSlug,
    responseId: flag.responseId,
    questionId: flag.questionId,
    questionKey: flag.questionKey,
    categories: categoriesOf(flag.categories),
    phrases: phrasesOf(flag.phrases),
    status: flag.status,
    createdAt: flag.createdAt,
    updatedAt: flag.updatedAt,
    /** undefined: the answer was withdrawn (or the response deleted) */
    text,
    /** The participant changed the answer after it was flagged (and the new words match nothing). */
    changedSince: text !== undefined && sha256(text) !== flag.textHash,
    notes: await listNotes(db, flag.id),
  }
}

export type StatusChange = { ok: true } | { ok: false; reason: 'notFound' | 'stale' }

/** Moves a flag to another status with a note; audited. 'stale': someone changed it first (the form showed an old status). */
export async function changeStatus(db: DB, user: StaffUser, input: { flagId: number; from: FlagStatus; to: FlagStatus; note: string }): Promise<StatusChange> {
  const flag = await findFlag(db, input.flagId)
  if (!flag) return { ok: false, reason: 'notFound' }
  const changed = await changeFlagStatus(db, { ...input, userId: user.id, now: new Date().toISOString() })
  if (!changed) return { ok: false, reason: 'stale' }
  // The note itself stays with the flag (it may say things about a child); the audit log says that it changed.
  await recordAudit(db, { userId: user.id, action: 'safeguarding.flag-status', subject: `safeguarding_flag:${input.flagId}`, details: { from: input.from, to: input.to } })
  return { ok: true }
}

// ---- Phrases ------------------------------------------------------------------------------------

export async function phraseLists(db: DB) {
  return { defaults: defaultPhrases, added: await listPhrases(db) }
}

export type AddPhraseResult = { ok: true } | { ok: false; reason: 'empty' | 'tooLong' | 'tooShort' | 'duplicate' }

export async function addPhrase(db: DB, user: StaffUser, input: { locale: PhraseLocale; category: SafeguardingCategory; phrase: string }): Promise<AddPhraseResult> {
  const checked = checkPhrase(input.phrase)
  if (!checked.ok) return checked
  const isDefault = defaultPhrases.some((p) => p.locale === input.locale && p.category === input.category && p.phrase.toLowerCase() === checked.phrase.toLowerCase())
  const id = crypto.randomUUID()
  if (isDefault || !(await insertPhrase(db, { id, locale: input.locale, category: input.category, phrase: checked.phrase, addedBy: user.id, createdAt: new Date().toISOString() }))) {
    return { ok: false, reason: 'duplicate' }
  }
  await recordAudit(db, { userId: user.id, action: 'safeguarding.phrase-add', subject: `safeguarding_phrase:${id}`, details: { locale: input.locale, category: input.category, phrase: checked.phrase } })
  return { ok: true }
}

export async function removePhrase(db: DB, user: StaffUser, id: string): Promise<boolean> {
  const removed = await deletePhrase(db, id)
  if (!removed) return false
  await recordAudit(db, { userId: user.id, action: 'safeguarding.phrase-remove', subject: `safeguarding_phrase:${id}`, details: { locale: removed.locale, category: removed.category, phrase: removed.phrase } })
  return true
}

// ---- The participant's next page ----------------------------------------------------------------

/** Where a participant goes after saving an answer: the next question (or thanks), through the support page when flagged. */
export function pageAfterAnswer(slug: string, next: number | 'thanks', flagged: unknown): string {
  if (flagged) return `/c/${slug}/support?next=${next}`
  return next === 'thanks' ? `/c/${slug}/thanks` : `/c/${slug}/q/${next}`
}

/** The support page's "carry on" link, from its ?next= (a question number or "thanks"; anything else: the start). */
export function carryOnPath(slug: string, next: string | null, questionCount: number): string {
  if (next === 'thanks') return `/c/${slug}/thanks`
  const position = next && /^\d{1,4}$/.test(next) ? Number(next) : NaN
  return position >= 1 && position <= questionCount ? `/c/${slug}/q/${position}` : `/c/${slug}`
}

/** An identified consultation's promise of who will get in touch and when: its 'safeguardingContact' text, or null. */
export async function supportContact(db: DB, consultation: { id: string; default_locale: string }, locale: string): Promise<string | null> {
  const text = createTextLookup(await listTexts(db, consultation.id), { locale, defaultLocale: consultation.default_locale, register: 'plain' })
  return text('consultation', consultation.id, 'safeguardingContact')
}
