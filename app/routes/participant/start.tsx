import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { EasyReadNotice } from '~/components/easy-read-notice'
import { firstUnanswered } from '~/domain/progress'
import { registerFor } from '~/domain/display'
import { getDisplay } from '~/services/display.server'
import { commitParticipantSession, currentResponse, getParticipantSession, savedAnswers, startResponse } from '~/services/participation.server'
import { loadSurvey, requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getLocale } from '~/utils/i18n.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const locale = await getLocale(request)
  const display = await getDisplay(request)
  const survey = await loadSurvey(db, consultation, locale, registerFor(display))
  const response = await currentResponse(db, await getParticipantSession(request), consultation.id)
  return {
    easyRead: display.easyRead,
    title: survey.title,
    description: survey.description,
    questionCount: survey.questions.length,
    identified: consultation.anonymity === 'identified',
    resuming: Boolean(response && response.status === 'in_progress'),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const locale = await getLocale(request)
  const session = await getParticipantSession(request)
  const survey = await loadSurvey(db, consultation, locale)
  const existing = await currentResponse(db, session, consultation.id)
  let position = 1
  if (existing && existing.status === 'in_progress') {
    position = firstUnanswered(survey.questions.map((q) => q.key), await savedAnswers(db, existing.id, survey))
  } else {
    await startResponse(db, session, consultation.id, locale)
  }
  return redirect(`/c/${consultation.slug}/q/${position}`, { headers: { 'Set-Cookie': await commitParticipantSession(session) } })
}

export default function Start() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('participant')
  return (
    <div className="stack">
      <h1>{data.title}</h1>
      {data.description ? <p className="lead">{data.description}</p> : null}
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
          {data.resuming ? t('start.continue') : t('start.start')}
        </button>
      </Form>
    </div>
  )
}
