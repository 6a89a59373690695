import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EasyReadNotice } from '~/components/easy-read-notice'
import { registerFor } from '~/domain/display'
import { getDisplay } from '~/services/display.server'
import { commitParticipantSession, getParticipantSession, resumePoint, startResponse } from '~/services/participation.server'
import { loadSurvey, requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getLocale } from '~/utils/i18n.server'
import { participantLimiter, retryAfterSeconds } from '~/utils/rate-limit.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const locale = await getLocale(request)
  const display = await getDisplay(request)
  const survey = await loadSurvey(db, consultation, locale, registerFor(display))
  // Back on the same device with an unfinished response: say so, and where it carries on.
  const resume = await resumePoint(db, await getParticipantSession(request), consultation.id, survey)
  return {
    easyRead: display.easyRead,
    title: survey.title,
    description: survey.description,
    questionCount: survey.questions.length,
    identified: consultation.anonymity === 'identified',
    resume: resume ? { position: resume.position, answered: resume.answered } : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const locale = await getLocale(request)
  const session = await getParticipantSession(request)
  const survey = await loadSurvey(db, consultation, locale)
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
    await startResponse(db, session, consultation.id, locale)
  }
  return redirect(`/c/${consultation.slug}/q/${position}`, { headers: { 'Set-Cookie': await commitParticipantSession(session) } })
}

export default function Start() {
  const data = useLoaderData<typeof loader>()
  const busy = useActionData<typeof action>()?.busy
  const { t } = useTranslation('participant')
  return (
    <div className="stack">
      <h1>{data.title}</h1>
      {busy ? (
        <div className="notice" role="alert">
          <h2>{t('busy.title')}</h2>
          <p>{t('busy.body')}</p>
        </div>
      ) : null}
      {data.description ? <p className="lead">{data.description}</p> : null}
      {data.resume ? (
        <section className="resume-panel" aria-labelledby="resume-title">
          <h2 id="resume-title">{t('start.resumeTitle')}</h2>
          <p>{t('start.resume', { position: data.resume.position, total: data.questionCount })}</p>
        </section>
      ) : null}
      {data.easyRead ? (
        <EasyReadNotice identified={data.identified} questionCount={data.questionCount} />
      ) : (
        <section className="notice" aria-labelledby="notice-title">
          <h2 id="notice-title">{t('notice.title')}</h2>
          <ul className="notice__list">
            <li>{data.identified ? t('notice.identified') : t('notice.anonymous')}</li>
            <li>{t('notice.skip')}</li>
            <li>{t('notice.whoSees')}</li>
            <li>{t('notice.safety')}</li>
            <li>{t('notice.saved', { count: data.questionCount })}</li>
            <li>{t('notice.withdraw')}</li>
          </ul>
        </section>
      )}
      <Form method="post">
        <button type="submit" className="button button--primary">
          {data.resume ? t('start.continue') : t('start.start')}
        </button>
      </Form>
    </div>
  )
}
