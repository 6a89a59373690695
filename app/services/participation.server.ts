// A participant's journey: start (anonymously, tied to this device only), save each page, finish.
import { type Answer, answerToRows, rowsToAnswer } from '~/domain/answers'
import { demographicEntry, mergeDemographics } from '~/domain/demographics'
import { firstUnanswered } from '~/domain/progress'
import { generateReceiptCode } from '~/domain/receipt-code'
import type { Survey, SurveyQuestion } from '~/domain/survey'
import { createResponse, findResponseByResumeHash, listAnswerRows, replaceAnswer, submitResponse } from '~/models/response.server'
import { recordResponseSupports } from '~/models/participation-record.server'
import { storyAnswers } from '~/services/stories.server'
import { randomToken, sha256 } from '~/utils/crypto.server'
import type { DB } from '~/utils/db.server'
import { participantSessions } from '~/utils/session.server'

type Session = Awaited<ReturnType<ReturnType<typeof participantSessions>['getSession']>>

export async function getParticipantSession(request: Request): Promise<Session> {
  return participantSessions().getSession(request.headers.get('Cookie'))
}

export async function commitParticipantSession(session: Session): Promise<string> {
  return participantSessions().commitSession(session)
}

/** The response this device is filling in for a consultation, if any. */
export async function currentResponse(db: DB, session: Session, consultationId: string) {
  const token = session.get('tokens')?.[consultationId]
  if (!token) return undefined
  return findResponseByResumeHash(db, consultationId, sha256(token))
}

export async function startResponse(db: DB, session: Session, consultationId: string, locale: string) {
  const token = randomToken()
  const id = await createResponse(db, { consultationId, resumeHash: sha256(token), locale, now: new Date().toISOString() })
  session.set('tokens', { ...(session.get('tokens') ?? {}), [consultationId]: token })
  return id
}

/** Saves one page's answer. False, with nothing saved, when the response is already finished. */
export async function saveAnswer(db: DB, responseId: number, question: SurveyQuestion, answer: Answer): Promise<boolean> {
  // A demographic answer is also kept with the response as given now (response.demographics).
  const entry = demographicEntry(question, answer)
  return replaceAnswer(db, responseId, question.id, answerToRows(question, answer), entry ? (current) => mergeDemographics(current, entry) : undefined)
}

/** Every saved answer by question key, so pages show what was given before. */
export async function savedAnswers(db: DB, responseId: number, survey: Survey): Promise<Map<string, Answer>> {
  const rows = await listAnswerRows(db, responseId)
  // A story's words and consents are in the story table (issue 5); its answer row only marks it answered.
  const stories = survey.questions.some((q) => q.type === 'story') ? await storyAnswers(db, responseId) : new Map<string, Answer>()
  const result = new Map<string, Answer>()
  for (const question of survey.questions) {
    const answer = rowsToAnswer(question, rows.filter((r) => r.questionId === question.id).map((r) => r.row))
    if (answer) result.set(question.key, answer.kind === 'story' ? (stories.get(question.id) ?? answer) : answer)
  }
  return result
}

/**
 * Where a participant coming back to this device carries on: the first question with no saved
 * answer ("I don't want to say" is an answer), with how many are saved. None when this device has
 * no unfinished response to the consultation (never started, finished, or the cookie is gone).
 */
export async function resumePoint(db: DB, session: Session, consultationId: string, survey: Survey): Promise<{ responseId: number; position: number; answered: number } | undefined> {
  const response = await currentResponse(db, session, consultationId)
  if (!response || response.status !== 'in_progress') return undefined
  const saved = await savedAnswers(db, response.id, survey)
  return { responseId: response.id, position: firstUnanswered(survey.questions.map((q) => q.key), saved), answered: saved.size }
}

export type ResponseSupports = { locale: string; symbols: boolean; easyRead: boolean }

/** Marks the response finished and returns a receipt code, shown once and stored only as a hash. */
export async function finishResponse(db: DB, session: Session, consultationId: string, responseId: number, supports?: ResponseSupports): Promise<string> {
  const code = generateReceiptCode()
  await submitResponse(db, responseId, sha256(code), new Date().toISOString())
  // The participation record counts which language, symbols and Easy Read children finished with.
  if (supports) await recordResponseSupports(db, responseId, supports)
  const tokens = { ...(session.get('tokens') ?? {}) }
  delete tokens[consultationId]
  session.set('tokens', tokens)
  session.flash('receipt', code)
  return code
}
