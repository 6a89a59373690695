// The /receipt page: a participant types the code they got at the end, sees their own answers, and
// can take them back (delete them). Nothing else identifies them, so the code is sent again with
// every POST (a hidden field) and never put in a URL (URLs end up in history and logs).
//
// A wrong code, a code that was never given, a withdrawn one and one that is not even the right shape
// all get exactly the same answer (status 200, the same message), and all go through the same
// look-up by hash, so nothing tells them apart.
import { data } from '@remix-run/node'
import type { FormFields } from '~/domain/answers'
import type { Register } from '~/domain/content'
import { type AnsweredQuestion, answersInWords } from '~/domain/answer-summary'
import { normaliseReceiptCode } from '~/domain/receipt-code'
import { readReceiptForm } from '~/domain/receipt-form'
import { deleteResponseByReceipt, findResponseByReceiptHash } from '~/models/withdrawal.server'
import { getRegister } from '~/services/display.server'
import { savedAnswers } from '~/services/participation.server'
import { loadSurvey } from '~/services/survey.server'
import { sha256 } from '~/utils/crypto.server'
import { type DB, getDb } from '~/utils/db.server'
import { getLocale } from '~/utils/i18n.server'
import { type LookupAttempt, rateLimitBrowserId, receiptLookupLimiter, retryAfterSeconds } from '~/utils/rate-limit.server'
import { readForm } from '~/utils/form.server'

export type ReceiptError = 'required' | 'notFound' | 'tooMany'

export type ReceiptStep =
  /** the form to type the code; `typed` is shown again in the box after a problem */
  | { step: 'enter'; error: ReceiptError | null; typed: string }
  | { step: 'answers'; code: string; title: string; answers: AnsweredQuestion[]; slug: string }
  | { step: 'confirm'; code: string; title: string }
  | { step: 'withdrawn' }

export interface ReceiptOutcome {
  status: number
  body: ReceiptStep
  retryAfterMs?: number
}

export interface FoundReceipt {
  code: string
  responseId: number
  receiptHash: string
  title: string
  answers: AnsweredQuestion[]
  /** The consultation's link, for its "You said, we did" page */
  slug: string
}

/**
 * The finished response for a typed code, with its answers in words in `locale` (Easy Read when
 * `register` says so), or null.
 * Whatever was typed is hashed and looked up (a malformed code too: it can never match), so every
 * wrong code costs the same one indexed look-up of a hash.
 */
export async function findReceipt(db: DB, typed: string, locale: string, register: Register = 'plain'): Promise<FoundReceipt | null> {
  const code = normaliseReceiptCode(typed)
  const receiptHash = sha256(code ?? typed)
  const response = await findResponseByReceiptHash(db, receiptHash)
  if (!response || !code) return null
  const survey = await loadSurvey(db, response.consultation, locale, register)
  const answers = answersInWords(survey, await savedAnswers(db, response.id, survey))
  return { code, responseId: response.id, receiptHash, title: survey.title, answers, slug: response.consultation.slug }
}

const notFound = (typed: string): ReceiptOutcome => ({ status: 200, body: { step: 'enter', error: 'notFound', typed } })

/**
 * One POST to /receipt. `intent`: "show" (the default: see the answers), "confirm" (the "are you
 * sure?" step), "withdraw" (delete). Every intent checks the code again, under the rate limit.
 */
export async function handleReceiptForm(db: DB, form: FormFields, locale: string, attempt: LookupAttempt, register: Register = 'plain'): Promise<ReceiptOutcome> {
  const { typed, intent } = readReceiptForm(form)
  if (!typed) return { status: 400, body: { step: 'enter', error: 'required', typed: '' } }
  const allowed = attempt.begin()
  if (!allowed.allowed) return { status: 429, body: { step: 'enter', error: 'tooMany', typed }, retryAfterMs: allowed.retryAfterMs }

  const found = await findReceipt(db, typed, locale, register)
  if (!found) return notFound(typed)
  if (intent === 'withdraw') {
    // Deleted by someone else a moment ago (the same code sent twice): nothing to find any more.
    if (!(await deleteResponseByReceipt(db, found.responseId, found.receiptHash))) return notFound(typed)
    attempt.succeeded()
    return { status: 200, body: { step: 'withdrawn' } }
  }
  attempt.succeeded()
  if (intent === 'confirm') return { status: 200, body: { step: 'confirm', code: found.code, title: found.title } }
  return { status: 200, body: { step: 'answers', code: found.code, title: found.title, answers: found.answers, slug: found.slug } }
}

/** The route's action: the form, this browser's rate-limit id, and headers that keep answers out of caches. */
export async function submitReceiptForm(request: Request) {
  const [form, locale, register, browser] = await Promise.all([readForm(request), getLocale(request), getRegister(request), rateLimitBrowserId(request)])
  const outcome = await handleReceiptForm(getDb(), form, locale, receiptLookupLimiter().attempt(browser.id), register)
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  if (browser.setCookie) headers.append('Set-Cookie', browser.setCookie)
  if (outcome.retryAfterMs !== undefined) headers.set('Retry-After', String(retryAfterSeconds(outcome.retryAfterMs)))
  return data(outcome.body, { status: outcome.status, headers })
}
