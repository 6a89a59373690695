// One plan: its outcomes and priorities (and measures), and links to map a consultation's themes to it.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteAccess } from '~/domain/permissions'
import { listConsultations } from '~/models/consultation.server'
import { requirePermission } from '~/services/auth.server'
import { requirePlan } from '~/services/plans.server'
import { getDb } from '~/utils/db.server'

export const access: RouteAccess = 'plans:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.plan.title ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'plans:manage')
  const db = getDb()
  const { plan, items } = await requirePlan(db, params.planId)
  const consultations = (await listConsultations(db)).filter((c) => c.organisation_id === plan.organisationId).map((c) => c.slug)
  return { plan, items, consultations, imported: new URL(request.url).searchParams.get('imported') === '1' }
}

export default function PlanPage() {
  const { plan, items, consultations, imported } = useLoaderData<typeof loader>()
  const { t } = useTranslation('findings')
  const top = items.filter((i) => i.parentId === null)
  return (
    <div className="stack">
      {imported ? (
        <p className="panel panel--success" role="status">
          {t('plans.imported', { items: items.length })}
        </p>
      ) : null}
      <h1>{plan.title}</h1>
      <dl className="summary-list">
        <dt>{t('plans.period')}</dt>
        <dd>{plan.period ?? '–'}</dd>
        {plan.source ? (
          <>
            <dt>{t('plans.source')}</dt>
            <dd>{plan.source}</dd>
          </>
        ) : null}
      </dl>
      <ol className="plan-items" data-testid="plan-items">
        {top.map((item) => (
          <li key={item.id} data-item={item.code}>
            <strong>
              {item.code} {item.title}
            </strong>{' '}
            <span className="hint">({t(`kinds.${item.kind}`)})</span>
            {items.some((c) => c.parentId === item.id) ? (
              <ol>
                {items
                  .filter((c) => c.parentId === item.id)
                  .map((c) => (
                    <li key={c.id} data-item={c.code}>
                      {c.code} {c.title}
                    </li>
                  ))}
              </ol>
            ) : null}
            {item.measures.length ? (
              <ul className="hint">
                {item.measures.map((m) => (
                  <li key={m.measure}>{m.target ? t('plans.measure', { measure: m.measure, target: m.target }) : m.measure}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      <section className="stack" aria-labelledby="plan-map">
        <h2 id="plan-map">{t('plans.mapTitle')}</h2>
        <ul className="link-list">
          {consultations.map((slug) => (
            <li key={slug}>
              <Link to={`/staff/consultations/${slug}/themes/map?plan=${encodeURIComponent(plan.id)}`}>{t('plans.mapLink', { slug })}</Link>
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link to="/staff/plans">{t('plans.back')}</Link>
      </p>
    </div>
  )
}
