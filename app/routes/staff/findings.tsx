// Findings per consultation: each theme's evidence, rank, the groups that prioritise it most and
// least, its approved quotes, the group activities feeding it, and its actions; each plan item's
// feeding themes and weight. Every figure is suppressed.
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
  const { t } = useTranslation(['findings', 'groups', 'stories'])
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
        const quoteSet = data.quotes[row.key]
        const quotes = quoteSet?.quotes ?? []
        const activities = data.groupEvidence[row.key] ?? []
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
            <h3>{t('findings.quotesTitle')}</h3>
            {quotes.length === 0 ? (
              <p>{t('findings.quotesNone')}</p>
            ) : (
              <ul className="quote-list" data-testid={`quotes-${row.key}`}>
                {quotes.map((q) => (
                  <li key={q.id} className="quote">
                    <figure>
                      <blockquote className="quote__text">{q.text}</blockquote>
                      <figcaption className="quote__teller">
                        —{' '}
                        {q.teller.kind === 'ageBand'
                          ? t(`stories:ageBand.${q.teller.band}`, { defaultValue: t('stories:teller.unknown') })
                          : q.teller.kind === 'attribution'
                            ? q.teller.text
                            : t('stories:teller.unknown')}
                      </figcaption>
                    </figure>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to={`/staff/consultations/${data.slug}/quotes`}>{quoteSet?.more ? t('findings.quotesMore') : t('findings.quoteBank')}</Link>
            </p>
            <h3>{t('findings.groupEvidenceTitle')}</h3>
            {activities.length === 0 ? (
              <p>{t('findings.groupEvidenceNone')}</p>
            ) : (
              activities.map((a) => {
                const id = `theme-${row.key}-group-${a.questionKey}-${a.kind}`
                return (
                  <div key={id} className="stack" data-group-evidence={`${a.questionKey}-${a.kind}`}>
                    <p id={id}>
                      <strong>{t('groups:results.kindHeading', { kind: t(`groups:kinds.${a.kind}`), prompt: a.prompt })}</strong> {t('groups:results.groupsPeople', { groups: a.groups })}{' '}
                      <Disclosed cell={a.members} />.
                    </p>
                    {a.tooFew ? (
                      <p>{t('groups:results.tooFew', { threshold: data.threshold })}</p>
                    ) : (
                      <div className="table-wrap" role="region" tabIndex={0} aria-labelledby={id}>
                        <table className="table">
                          <thead>
                            <tr>
                              <th scope="col">{t('groups:results.option')}</th>
                              <th scope="col" className="num">{t('findings.groupRank')}</th>
                              <th scope="col" className="num">{t(`findings.groupMeasure.${a.kind}`)}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {a.rows.map((r) => (
                              <tr key={r.key} data-option={r.key}>
                                <th scope="row">{r.label}</th>
                                <td className="num">{t('findings.rankOf', { rank: r.rank, of: a.of })}</td>
                                <td className="num">{r.measure === null ? '–' : a.kind === 'dots' ? `${r.measure.toFixed(1)}%` : r.measure}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    )}
                  </div>
                )
              })
            )}
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
