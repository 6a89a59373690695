import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { commitParticipantSession, getParticipantSession } from '~/services/participation.server'
import { loadSurvey, requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getLocale } from '~/utils/i18n.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  const survey = await loadSurvey(db, consultation, await getLocale(request))
  const session = await getParticipantSession(request)
  // The receipt code is flashed: shown once, then gone from the cookie. Only its hash is stored.
  const receipt = session.get('receipt') ?? null
  return data({ title: survey.title, receipt, slug: consultation.slug }, { headers: { 'Set-Cookie': await commitParticipantSession(session) } })
}

export default function Thanks() {
  const { title, receipt, slug } = useLoaderData<typeof loader>()
  const { t } = useTranslation('participant')
  return (
    <div className="stack">
      <div className="panel panel--success">
        <h1>{t('thanks.title')}</h1>
        <p>{t('thanks.saved', { title })}</p>
      </div>
      {receipt ? (
        <section className="stack" aria-labelledby="receipt-title">
          <h2 id="receipt-title">{t('thanks.receiptTitle')}</h2>
          <p className="receipt-code" data-testid="receipt-code">
            {receipt}
          </p>
          <p>{t('thanks.receiptUse')}</p>
          <p>{t('thanks.receiptOnce')}</p>
        </section>
      ) : (
        <p>{t('thanks.receiptGone')}</p>
      )}
      <p>
        <Link to="/receipt">{t('thanks.receiptLink')}</Link>
      </p>
      <p>
        <Link to={`/c/${slug}/you-said-we-did`}>{t('youSaidWeDid.links.thanks')}</Link>
      </p>
      <p>{t('thanks.support')}</p>
    </div>
  )
}
