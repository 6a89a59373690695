import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listOpenConsultationTitles } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getLocale } from '~/utils/i18n.server'

export const meta: MetaFunction = () => [{ title: 'Have your say' }]

export async function loader({ request }: LoaderFunctionArgs) {
  return { consultations: await listOpenConsultationTitles(getDb(), await getLocale(request)) }
}

export default function Home() {
  const { consultations } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <div className="stack">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      {consultations.length ? (
        <ul className="card-list">
          {consultations.map((c) => (
            <li key={c.slug} className="card">
              <h2 className="card__title">
                <Link to={`/c/${c.slug}`}>{c.title}</Link>
              </h2>
              {c.description ? <p>{c.description}</p> : null}
              <p className="card__staff">
                <Link to={`/staff/consultations/${c.slug}/results`}>{t('home.results')}</Link>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('home.none')}</p>
      )}
    </div>
  )
}
