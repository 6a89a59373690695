// Findings per consultation: each theme's evidence, rank, the groups that prioritise it most and
// least, and its actions; each plan item's feeding themes and weight. Every figure is suppressed.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BarChart } from '~/components/charts/bar-chart'
import { Disclosed, PercentCell } from '~/components/disclosed'
import { FindingsNav } from '~/components/findings-nav'
import type { Percent } from '~/domain/findings'
import type { RouteAccess } from '~/domain/permissions'
import { buildFindings, requireStaffConsultation } from '~/services/findings.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'results:view'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, consultation, locale, canManage } = await requireStaffConsultation(request, params.slug, 'results:view')
  const findings = await buildFindings(db, consultation, locale)
  const { t } = await getT(request)
  return { slug: consultation.slug, canManage, pageTitle: t('findings:findings.title', { title: findings.title }), ...findings }
}

const percentText = (value: Percent) => (typeof value === 'number' ? `${value.toFixed(1)}%` : value === null ? '–' : value)

export default function FindingsPage() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('findings')
  const themeKey = new Map(data.themes.map((th) => [th.id, th.key]))
  return (
    <div className="stack findings">
      <h1>{data.pageTitle}</h1>
      <FindingsNav slug={data.slug} canManage={data.canManage} />
      <p>{t('findings.suppression', { threshold: data.threshold })}</p>
      <p>{t('findings.evidenceRule')}</p>
      <p>
        {t('findings.base')} <Disclosed cell={data.evidence.base} />
      </p>

      {data.evidence.rows.length === 0 ? (
        <p>{t('findings.noThemes')}</p>
      ) : (
        <BarChart
          id="themes"
          title={t('findings.chartTitle')}
          description={t('findings.chartDescription')}
          max={100}
          columns={[t('findings.theme'), t('findings.percent')]}
          bars={data.evidence.rows.map((row) => ({ key: row.key, label: row.title, value: typeof row.percent === 'number' ? row.percent : null, shown: percentText(row.percent) }))}
          extra={{
            headers: [t('findings.rank'), t('findings.respondents')],
            cells: (_, i) => [data.evidence.rows[i].rank ?? '–', <Disclosed key="n" cell={data.evidence.rows[i].respondents} />],
          }}
        />
      )}

      {data.evidence.rows.map((row) => {
        const actions = data.actions.filter((a) => a.themeIds.some((id) => themeKey.get(id) === row.key))
        const groups = data.groups[row.key] ?? []
        return (
          <section key={row.key} className="stack finding" aria-labelledby={`theme-${row.key}`} data-theme={row.key}>
            <h2 id={`theme-${row.key}`}>{row.title}</h2>
            <dl className="summary-list">
              <dt>{t('findings.rank')}</dt>
              <dd>{row.rank ?? '–'}</dd>
              <dt>{t('findings.respondents')}</dt>
              <dd>
                <Disclosed cell={row.respondents} /> (<PercentCell value={row.percent} />)
              </dd>
            </dl>
            <h3>{t('findings.groupsTitle')}</h3>
            {groups.length === 0 ? (
              <p>{t('findings.groupsNone', { threshold: data.threshold })}</p>
            ) : (
              <ul className="plain-list">
                {groups.map((g) => (
                  <li key={g.field}>
                    <strong>{t(`fields.${g.field}`, { defaultValue: g.field })}:</strong>{' '}
                    {t('findings.most', { groups: g.most.map((x) => `${x.label} (${x.percent.toFixed(1)}%)`).join(', ') })};{' '}
                    {t('findings.least', { groups: g.least.map((x) => `${x.label} (${x.percent.toFixed(1)}%)`).join(', ') })}
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('findings.actionsTitle')}</h3>
            {actions.length === 0 ? (
              <p>{t('findings.actionsNone')}</p>
            ) : (
              <ul className="plain-list">
                {actions.map((a) => (
                  <li key={a.id}>
                    {a.decision} — {t(`status.${a.status}`)} ({a.decidedOn})
                  </li>
                ))}
              </ul>
            )}
            <p className="hint">{t('findings.quotesLater')}</p>
          </section>
        )
      })}

      {data.plans.map(({ plan, items }) => {
        const fed = items.filter((i) => i.themes.length > 0)
        return (
          <section key={plan.id} className="stack" aria-labelledby={`plan-${plan.id}`} data-plan={plan.id}>
            <h2 id={`plan-${plan.id}`}>{t('findings.planTitle', { title: plan.title })}</h2>
            <p>{t('findings.weightRule')}</p>
            {fed.length ? (
              <BarChart
                id={`plan-${plan.id.replace(/[^a-zA-Z0-9-]/g, '-')}`}
                title={t('findings.planChartTitle', { title: plan.title })}
                description={t('findings.planChartDescription')}
                columns={[t('findings.planItem'), t('findings.score')]}
                bars={fed.map((i) => ({ key: i.id, label: `${i.code} ${i.title}`, value: i.score, shown: i.score === null ? 'c' : i.score.toFixed(1) }))}
                extra={{
                  headers: [t('findings.rank'), t('findings.feedingThemes')],
                  numeric: [true, false],
                  cells: (_, n) => [fed[n].rank ?? '–', fed[n].themes.map((th) => `${th.title} (×${th.weight}, ${percentText(th.percent)})`).join('; ') + (fed[n].partial ? ` ${t('findings.partial')}` : '')],
                }}
              />
            ) : (
              <p>{t('findings.planNothingFed')}</p>
            )}
            {data.canManage ? (
              <p>
                <Link to={`/staff/consultations/${data.slug}/themes/map?plan=${encodeURIComponent(plan.id)}`}>{t('findings.changeMapping')}</Link>
              </p>
            ) : null}
          </section>
        )
      })}
    </div>
  )
}
