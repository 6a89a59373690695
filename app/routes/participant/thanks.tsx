import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { forgetUnsent } from '~/components/unsent-answer'
import { KIOSK_THANKS_SECONDS } from '~/domain/kiosk'
import { commitParticipantSession, getParticipantSession } from '~/services/participation.server'
import { kioskThanksHeaders, participantGroup } from '~/services/sessions.server'
import { loadSurvey, requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getLocale, getT } from '~/utils/i18n.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

// On a shared tablet the page (it shows the receipt code) is never kept by the browser (issue #6).
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const cacheControl = loaderHeaders.get('Cache-Control')
  return cacheControl ? { 'Cache-Control': cacheControl } : new Headers()
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  const survey = await loadSurvey(db, consultation, await getLocale(request))
  const session = await getParticipantSession(request)
  // The receipt code is flashed: shown once, then gone from the cookie. Only its hash is stored.
  const receipt = session.get('receipt') ?? null
  // A shared tablet (issue #6): the receipt is shown this once, and everything of this child's is cleared now.
  const { kiosk } = await participantGroup(db, request, consultation.id)
  if (kiosk) {
    const { t } = await getT(request)
    const words = { next: t('sessions:kiosk.nextPerson'), note: t('sessions:kiosk.thanksNote'), href: `/c/${consultation.slug}`, seconds: KIOSK_THANKS_SECONDS }
    return data({ title: survey.title, receipt, slug: consultation.slug, kiosk: words }, { headers: await kioskThanksHeaders() })
  }
  return data({ title: survey.title, receipt, slug: consultation.slug, kiosk: null }, { headers: { 'Set-Cookie': await commitParticipantSession(session) } })
}

export default function Thanks() {
  const { title, receipt, slug, kiosk } = useLoaderData<typeof loader>()
  const { t } = useTranslation('participant')
  // A shared tablet goes back to the start by itself, ready for the next person.
  useEffect(() => {
    if (!kiosk) return
    forgetUnsent()
    const timer = window.setTimeout(() => window.location.replace(kiosk.href), kiosk.seconds * 1000)
    return () => window.clearTimeout(timer)
  }, [kiosk])
  return (
    <div className="stack">
      {kiosk ? (
        <noscript>
          <meta httpEquiv="refresh" content={`${kiosk.seconds};url=${kiosk.href}`} />
        </noscript>
      ) : null}
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
      {kiosk ? (
        <div className="stack kiosk-next">
          <p>
            <a href={kiosk.href} className="button button--primary">
              {kiosk.next}
            </a>
          </p>
          <p className="hint">{kiosk.note}</p>
        </div>
      ) : null}
    </div>
  )
}
