// Loading and submitting one question page of a participant's journey.
import { data, redirect } from '@remix-run/node'
import { type Answer, type FieldError, firstField, parseAnswer } from '~/domain/answers'
import { parsePosition } from '~/domain/progress'
import { commitParticipantSession, currentResponse, finishResponse, getParticipantSession, saveAnswer, savedAnswers } from '~/services/participation.server'
import { getDisplay, getRegister } from '~/services/display.server'
import { pageAfterAnswer, screenAnswer, screenResponse } from '~/services/safeguarding.server'
import { removeStoryAnswer, saveStoryAnswer } from '~/services/stories.server'
import { loadSurvey, requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getLocale, getT } from '~/utils/i18n.server'
import { participantLimiter, retryAfterSeconds } from '~/utils/rate-limit.server'
import { readForm } from '~/utils/form.server'

async function resolvePage(request: Request, slug: string | undefined, rawPosition: string | undefined) {
  const db = getDb()
  const consultation = await requireConsultation(db, slug)
  const locale = await getLocale(request)
  // Easy Read when the participant chose it (plain text where a question has no Easy Read version).
  const survey = await loadSurvey(db, consultation, locale, await getRegister(request))
  const position = parsePosition(rawPosition, survey.questions.length)
  if (position === null) throw new Response('Not found', { status: 404 })
  const session = await getParticipantSession(request)
  const response = await currentResponse(db, session, consultation.id)
  // No response on this device (new device, cookie cleared, or already finished): start properly.
  if (!response || response.status !== 'in_progress') throw redirect(`/c/${consultation.slug}`)
  return { db, consultation, survey, position, question: survey.questions[position - 1], session, response }
}

/** refused: the form on this page was just refused (no-JS post in the same request), so the title says "Error:". */
export async function loadQuestionPage(request: Request, slug?: string, rawPosition?: string, refused = false) {
  const { db, consultation, survey, position, question, response } = await resolvePage(request, slug, rawPosition)
  const saved = await savedAnswers(db, response.id, survey)
  const { t } = await getT(request)
  const documentTitle = `${question.prompt} – ${survey.title}`
  return {
    slug: consultation.slug,
    title: survey.title,
    documentTitle,
    errorTitle: `${t('participant:errors.titlePrefix')} ${documentTitle}`,
    refused,
    position,
    total: survey.questions.length,
    question,
    answer: saved.get(question.key) ?? null,
    backHref: position > 1 ? `/c/${consultation.slug}/q/${position - 1}` : `/c/${consultation.slug}`,
  }
}

export type QuestionActionData = { errors: FieldError[]; draft: Answer | null }

export async function submitQuestionPage(request: Request, slug?: string, rawPosition?: string) {
  const { db, consultation, survey, position, question, session, response } = await resolvePage(request, slug, rawPosition)
  const form = await readForm(request)
  const parsed = parseAnswer(question, form)
  // Too many saves for this response in a minute: nothing is saved, what was typed is shown again.
  const allowed = participantLimiter().save(response.id)
  if (!allowed.allowed) {
    const seconds = retryAfterSeconds(allowed.retryAfterMs)
    const errors = [{ field: firstField(question), messageKey: 'errors.slowDown', values: { seconds } }]
    return data<QuestionActionData>({ errors, draft: parsed.ok ? parsed.answer : parsed.draft }, { status: 429, headers: { 'Retry-After': String(seconds) } })
  }
  if (!parsed.ok) return data<QuestionActionData>({ errors: parsed.errors, draft: parsed.draft }, { status: 400 })
  let flagged: unknown
  if (question.type === 'story' && parsed.answer.kind === 'story') {
    // A story: words and consents in the story table, the picture checked and re-made first (issue 5).
    const saved = await saveStoryAnswer(db, { consultationId: consultation.id, responseId: response.id }, question, parsed.answer, form.get('picture'))
    if (!saved.ok) return data<QuestionActionData>({ errors: saved.errors, draft: saved.draft }, { status: 400 })
    flagged = saved.flagged
  } else {
    if (question.type === 'story') await removeStoryAnswer(db, response.id, question.id)
    await saveAnswer(db, response.id, question, parsed.answer)
    // Safeguarding: a worrying free-text answer is saved as usual, and a support page comes before the next one.
    flagged = await screenAnswer(db, consultation.id, response.id, question, parsed.answer)
  }
  if (position < survey.questions.length) return redirect(pageAfterAnswer(consultation.slug, position + 1, flagged))
  const display = await getDisplay(request, consultation.slug, db)
  await screenResponse(db, consultation.id, response.id)
  await finishResponse(db, session, consultation.id, response.id, { locale: await getLocale(request), symbols: display.symbols, easyRead: display.easyRead })
  return redirect(pageAfterAnswer(consultation.slug, 'thanks', flagged), { headers: { 'Set-Cookie': await commitParticipantSession(session) } })
}

/**
 * The save failed on the server (issue #6, flaky connections): say plainly that the answer was not
 * saved, and give back what was typed so nothing has to be typed again. `request` is a copy of the
 * submitted one (its form not yet read).
 */
export async function notSavedOutcome(request: Request, slug?: string, rawPosition?: string) {
  const { question } = await resolvePage(request, slug, rawPosition)
  const parsed = parseAnswer(question, await readForm(request))
  const errors = [{ field: firstField(question), messageKey: 'errors.notSaved' }]
  return data<QuestionActionData>({ errors, draft: parsed.ok ? parsed.answer : parsed.draft }, { status: 503 })
}
