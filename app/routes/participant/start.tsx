import { type ActionFunctionArgs, data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StartNotice } from '~/components/start-notice'
import { registerFor } from '~/domain/display'
import { getDisplay } from '~/services/display.server'
import { commitParticipantSession, getParticipantSession, resumePoint, startResponse } from '~/services/participation.server'
import { participantGroup, recordResponseSession, touchKiosk } from '~/services/sessions.server'
import { loadSurvey, requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getLocale, getT } from '~/utils/i18n.server'
import { participantLimiter, retryAfterSeconds } from '~/utils/rate-limit.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

// A shared tablet's pages are never kept by the browser (issue #6); a busy server says when to try again.
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const headers = new Headers()
  const cacheControl = loaderHeaders.get('Cache-Control')
  if (cacheControl) headers.set('Cache-Control', cacheControl)
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const locale = await getLocale(request)
  const display = await getDisplay(request)
  const survey = await loadSurvey(db, consultation, locale, registerFor(display))
  // A device in a group session (issue #6); a shared tablet never offers to carry on someone else's answers.
  const { group, kiosk, headers } = await participantGroup(db, request, consultation.id)
  const { t } = await getT(request)
  // Back on the same device with an unfinished response: say so, and where it carries on.
  const resume = kiosk ? undefined : await resumePoint(db, await getParticipantSession(request), consultation.id, survey)
  return data({
    groupNote: group ? t(kiosk ? 'sessions:kiosk.shared' : 'sessions:group.joined') : null,
    easyRead: display.easyRead,
    title: survey.title,
    description: survey.description,
    // Marked with their own language when they fall back to another (screen readers pronounce them right).
    titleLang: survey.lang?.title,
    descriptionLang: survey.lang?.description,
    questionCount: survey.questions.length,
    identified: consultation.anonymity === 'identified',
    resume: resume ? { position: resume.position, answered: resume.answered } : null,
  }, { headers })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const locale = await getLocale(request)
  const session = await getParticipantSession(request)
  const survey = await loadSurvey(db, consultation, locale)
  const { group, kiosk } = await participantGroup(db, request, consultation.id)
  // A shared tablet: each Start is a new person, never the last one's unfinished answers.
  if (kiosk) session.set('tokens', Object.fromEntries(Object.entries(session.get('tokens') ?? {}).filter(([id]) => id !== consultation.id)))
  // An unfinished response on this device carries on at its first unanswered question, answers kept.
  const resume = await resumePoint(db, session, consultation.id, survey)
  const position = resume ? resume.position : 1
  if (!resume) {
    // Very many starts on this server in one minute: ask to wait (a kind message, no response made).
    const allowed = participantLimiter().start()
    if (!allowed.allowed) {
      const seconds = retryAfterSeconds(allowed.retryAfterMs)
      return data({ busy: { seconds } }, { status: 429, headers: { 'Retry-After': String(seconds) } })
    }
    // In a group session, the response records the session.
    await recordResponseSession(db, group, await startResponse(db, session, consultation.id, locale))
  }
  const headers = new Headers({ 'Set-Cookie': await commitParticipantSession(session) })
  if (kiosk && group) headers.append('Set-Cookie', await touchKiosk(group.device))
  return redirect(`/c/${consultation.slug}/q/${position}`, { headers })
}

export default function Start() {
  const data = useLoaderData<typeof loader>()
  const busy = useActionData<typeof action>()?.busy
  const { t } = useTranslation('participant')
  return (
    <div className="stack">
      <h1 lang={data.titleLang}>{data.title}</h1>
      {data.groupNote ? <p className="group-note">{data.groupNote}</p> : null}
      {busy ? (
        <div className="notice" role="alert">
          <h2>{t('busy.title')}</h2>
          <p>{t('busy.body')}</p>
        </div>
      ) : null}
      {data.description ? (
        <p className="lead" lang={data.descriptionLang}>
          {data.description}
        </p>
      ) : null}
      {data.resume ? (
        <section className="resume-panel" aria-labelledby="resume-title">
          <h2 id="resume-title">{t('start.resumeTitle')}</h2>
          <p>{t('start.resume', { position: data.resume.position, total: data.questionCount })}</p>
        </section>
      ) : null}
      <StartNotice easyRead={data.easyRead} identified={data.identified} questionCount={data.questionCount} />
      <Form method="post">
        <button type="submit" className="button button--primary">
          {data.resume ? t('start.continue') : t('start.start')}
        </button>
      </Form>
    </div>
  )
}
