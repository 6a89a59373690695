// The support page, shown straight after a free-text answer that might mean a child is not safe
// (app/services/safeguarding.server.ts). Kind, calm, never blocking: the answer is already saved and
// the button carries on with the survey. Nothing from another site is loaded (no scripts, images or fonts).
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { carryOnPath, supportContact } from '~/services/safeguarding.server'
import { loadSurvey, requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getLocale, getT } from '~/utils/i18n.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }, { name: 'robots', content: 'noindex' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  const locale = await getLocale(request)
  const survey = await loadSurvey(db, consultation, locale)
  const { t } = await getT(request)
  const identified = consultation.anonymity === 'identified'
  return {
    title: `${t('safeguarding:support.title')} – ${survey.title}`,
    identified,
    // Identified: who will get in touch, and when, as the consultation's notice says (or our default).
    contact: identified ? await supportContact(db, consultation, locale) : null,
    carryOn: carryOnPath(consultation.slug, new URL(request.url).searchParams.get('next'), survey.questions.length),
  }
}

export default function Support() {
  const { identified, contact, carryOn } = useLoaderData<typeof loader>()
  const { t } = useTranslation('safeguarding')
  return (
    <div className="stack support-page">
      <h1>{t('support.title')}</h1>
      <p className="lead">{t('support.thanks')}</p>
      <p>{t('support.saved')}</p>

      {identified ? (
        <section className="support-box stack" aria-labelledby="contact-title">
          <h2 id="contact-title">{t('support.contactTitle')}</h2>
          <p data-testid="support-contact">{contact ?? t('support.contactDefault')}</p>
        </section>
      ) : null}

      <section className="stack" aria-labelledby="adult-title">
        <h2 id="adult-title">{t('support.adultTitle')}</h2>
        <p>{t('support.adultIntro')}</p>
        <ul>
          <li>{t('support.adultWho')}</li>
          <li>{t('support.adultHow')}</li>
          <li>{t('support.adultAgain')}</li>
        </ul>
      </section>

      <section className="support-box stack" aria-labelledby="childline-title">
        <h2 id="childline-title">{t('support.childlineTitle')}</h2>
        <p>{t('support.childlineIntro')}</p>
        <p className="support-phone">
          {t('support.childlineCall')}{' '}
          <a href="tel:08001111" data-testid="childline-phone">
            0800 1111
          </a>
        </p>
        <p>
          {t('support.childlineWeb')} <span data-testid="childline-web">childline.org.uk</span>
        </p>
        <p>{t('support.childlineFree')}</p>
      </section>

      <section className="stack" aria-labelledby="danger-title">
        <h2 id="danger-title">{t('support.dangerTitle')}</h2>
        <p>
          {t('support.danger')}{' '}
          <a href="tel:999" data-testid="emergency-phone">
            999
          </a>
        </p>
      </section>

      <p>
        <Link to={carryOn} className="button button--primary" data-testid="carry-on">
          {t('support.carryOn')}
        </Link>
      </p>
    </div>
  )
}
