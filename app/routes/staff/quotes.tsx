// The quote bank (issue 5): approved stories whose tellers said "You can use my words", as moderators
// left them (redacted), each with an age band or how it was gathered, never a name; a picture only
// where the teller also said "You can show my picture".
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { quoteBank } from '~/services/stories.server'
import { requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'results:view'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'results:view')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  const { t } = await getT(request)
  return { title: t('stories:quotes.title', { slug: consultation.slug }), slug: consultation.slug, quotes: await quoteBank(db, consultation.id) }
}

export default function QuoteBank() {
  const { title, slug, quotes } = useLoaderData<typeof loader>()
  const { t } = useTranslation('stories')
  return (
    <div className="stack">
      <h1>{title}</h1>
      <p>{t('quotes.intro')}</p>
      {/* Coding (H4): a quote's themes can be shown here once stories are coded. */}
      {quotes.length ? (
        <ul className="quote-list" data-testid="quote-bank">
          {quotes.map((q) => (
            <li key={q.id} className="quote">
              <figure>
                {q.text ? <blockquote className="quote__text">{q.text}</blockquote> : null}
                {q.hasPicture ? <img src={`/staff/consultations/${slug}/quotes/${q.id}/picture`} alt={t('quotes.pictureAlt')} className="story-picture" /> : null}
                <figcaption className="quote__teller">
                  —{' '}
                  {q.teller.kind === 'ageBand'
                    ? t(`ageBand.${q.teller.band}`, { defaultValue: t('teller.unknown') })
                    : q.teller.kind === 'attribution'
                      ? q.teller.text
                      : t('teller.unknown')}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid="quote-bank-empty">{t('quotes.empty')}</p>
      )}
      <p>
        <Link to="/staff">{t('quotes.back')}</Link>
      </p>
    </div>
  )
}
