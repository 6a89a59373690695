// The staff preview: a consultation (draft, open or closed) exactly as a participant sees it, in a
// chosen language, with or without symbols and Easy Read. Moving through it checks each page's answer
// as the participant page does, and saves nothing: no response, no answer, no cookie.
import { data, redirect } from '@remix-run/node'
import { type Answer, type FieldError, parseAnswer } from '~/domain/answers'
import { parsePreviewView, previewHref, type PreviewView } from '~/domain/preview'
import { parsePosition } from '~/domain/progress'
import { participantNamespaces } from '~/i18n/config'
import { pageResources } from '~/i18n/resources.server'
import { requireConsultation } from '~/services/consultations.server'
import { loadSurvey } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import { getLocale, getT } from '~/utils/i18n.server'

async function previewOf(request: Request, slug: string | undefined) {
  const db = getDb()
  const consultation = await requireConsultation(db, slug)
  const view = parsePreviewView(new URL(request.url).searchParams, await getLocale(request))
  const survey = await loadSurvey(db, consultation, view.lang, view.easyRead ? 'easy' : 'plain')
  return { consultation, view, survey }
}

function frame(slug: string, status: string, view: PreviewView) {
  const base = `/staff/consultations/${slug}`
  return {
    slug,
    status,
    view,
    resources: pageResources(view.lang, participantNamespaces),
    editorHref: `${base}/questions`,
    settingsHref: `${base}/settings`,
  }
}

/** The start page: title, description and the notice, and a link to question 1 in place of the Start button's post. */
export async function loadPreviewStart(request: Request, slug: string | undefined) {
  const { consultation, view, survey } = await previewOf(request, slug)
  const { t } = await getT(request)
  return {
    ...frame(consultation.slug, consultation.status, view),
    path: `/staff/consultations/${consultation.slug}/preview`,
    pageTitle: t('staffadmin:preview.title', { title: survey.title }),
    title: survey.title,
    titleLang: survey.lang?.title,
    description: survey.description,
    descriptionLang: survey.lang?.description,
    identified: consultation.anonymity === 'identified',
    questionCount: survey.questions.length,
    firstHref: survey.questions.length ? previewHref(consultation.slug, 1, view) : null,
    ended: new URL(request.url).searchParams.get('done') === '1',
  }
}

async function previewPage(request: Request, slug: string | undefined, rawPosition: string | undefined) {
  const preview = await previewOf(request, slug)
  const position = parsePosition(rawPosition, preview.survey.questions.length)
  if (position === null) throw new Response('Not found', { status: 404 })
  return { ...preview, position, question: preview.survey.questions[position - 1] }
}

export async function loadPreviewQuestion(request: Request, slug: string | undefined, rawPosition: string | undefined) {
  const { consultation, view, survey, position, question } = await previewPage(request, slug, rawPosition)
  const { t } = await getT(request)
  const slugNow = consultation.slug
  return {
    ...frame(slugNow, consultation.status, view),
    path: `/staff/consultations/${slugNow}/preview/q/${position}`,
    pageTitle: `${t('staffadmin:preview.title', { title: question.prompt })} – ${survey.title}`,
    position,
    total: survey.questions.length,
    question,
    backHref: previewHref(slugNow, position > 1 ? position - 1 : null, view),
    audioHref: `/staff/consultations/${slugNow}/questions/${question.id}/audio`,
  }
}

export type PreviewActionData = { errors: FieldError[]; draft: Answer | null }

/** Checks the answer as the participant page would, keeps nothing, and goes on (or says what is wrong). */
export async function submitPreviewQuestion(request: Request, slug: string | undefined, rawPosition: string | undefined) {
  const { consultation, view, survey, position, question } = await previewPage(request, slug, rawPosition)
  const parsed = parseAnswer(question, await readForm(request))
  if (!parsed.ok) return data<PreviewActionData>({ errors: parsed.errors, draft: parsed.draft }, { status: 400 })
  if (position < survey.questions.length) return redirect(previewHref(consultation.slug, position + 1, view))
  return redirect(`${previewHref(consultation.slug, null, view)}&done=1`)
}
