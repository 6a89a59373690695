// The participation record for the planner's annual report: who took part, how, with what supports,
// and how many actions were fed back. Every count is suppressed.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Disclosed, PercentCell } from '~/components/disclosed'
import { FindingsNav } from '~/components/findings-nav'
import type { Breakdown } from '~/domain/participation-record'
import type { RouteAccess } from '~/domain/permissions'
import { requireStaffConsultation } from '~/services/findings.server'
import { loadParticipationRecord } from '~/services/participation-record.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'results:view'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, consultation, locale, canManage } = await requireStaffConsultation(request, params.slug, 'results:view')
  const { title, threshold, record, groupLabels } = await loadParticipationRecord(db, consultation, locale)
  const { t } = await getT(request)
  return { slug: consultation.slug, canManage, pageTitle: t('findings:participation.title', { title }), threshold, record, groupLabels }
}

export default function ParticipationPage() {
  const { slug, canManage, pageTitle, threshold, record, groupLabels } = useLoaderData<typeof loader>()
  const { t } = useTranslation('findings')
  const label = (breakdown: Breakdown, value: string) => {
    if (breakdown.key === 'language') return t(`languageNames.${value}`, { defaultValue: value })
    if (['method', 'setting', 'groupKind', 'groupSetting', 'tallySetting', 'symbols', 'easyRead'].includes(breakdown.key) || value === 'not-given') return t(`participation.values.${value}`, { defaultValue: value })
    return groupLabels[`${breakdown.key}|${value}`] ?? t(`participation.values.${value}`, { defaultValue: value })
  }
  const table = (breakdown: Breakdown, caption: string) => (
    <div key={breakdown.key} className="table-wrap" role="region" tabIndex={0} aria-labelledby={`p-${breakdown.key}`}>
      <table className="table" data-testid={`participation-${breakdown.key}`}>
        <caption id={`p-${breakdown.key}`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('participation.group')}</th>
            <th scope="col" className="num">{t('participation.count')}</th>
            <th scope="col" className="num">{t('participation.percent')}</th>
          </tr>
        </thead>
        <tbody>
          {breakdown.rows.map((row) => (
            <tr key={row.value} data-row={row.value}>
              <th scope="row">{label(breakdown, row.value)}</th>
              <td className="num"><Disclosed cell={row.count} /></td>
              <td className="num"><PercentCell value={row.percent} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
  return (
    <div className="stack">
      <h1>{pageTitle}</h1>
      <FindingsNav slug={slug} canManage={canManage} />
      <p>{t('participation.intro', { threshold })}</p>
      <dl className="summary-list">
        <dt>{t('participation.tookPart')}</dt>
        <dd data-testid="took-part"><Disclosed cell={record.tookPart} /></dd>
        <dt>{t('participation.started')}</dt>
        <dd><Disclosed cell={record.started} /></dd>
        <dt>{t('participation.actions')}</dt>
        <dd data-testid="actions-fed-back">
          {t('participation.actionsCount', { total: record.actions.total })}
          {Object.entries(record.actions.byStatus).length ? ` (${Object.entries(record.actions.byStatus).map(([s, n]) => `${t(`status.${s}`)}: ${n}`).join(', ')})` : ''}
        </dd>
      </dl>
      <h2>{t('participation.howTitle')}</h2>
      {table(record.methods, t('participation.methods'))}
      {table(record.settings, t('participation.settings'))}
      <h3>{t('participation.groupActivitiesTitle')}</h3>
      <p>{t('participation.groupActivitiesIntro')}</p>
      <dl className="summary-list">
        <dt>{t('participation.groupCount')}</dt>
        <dd data-testid="group-activity-groups">{record.groupActivities.groups}</dd>
        <dt>{t('participation.groupPeople')}</dt>
        <dd data-testid="group-activity-people"><Disclosed cell={record.groupActivities.people} /></dd>
      </dl>
      {record.groupActivities.groups > 0 && table(record.groupActivities.byKind, t('participation.groupKinds'))}
      {record.groupActivities.groups > 0 && table(record.groupActivities.bySetting, t('participation.groupSettings'))}
      <h3>{t('participation.talliesTitle')}</h3>
      <p>{t('participation.talliesIntro')}</p>
      <dl className="summary-list">
        <dt>{t('participation.tallyCount')}</dt>
        <dd data-testid="paper-tally-files">{record.paperTallies.imports}</dd>
        <dt>{t('participation.tallyPeople')}</dt>
        <dd data-testid="paper-tally-people"><Disclosed cell={record.paperTallies.people} /></dd>
      </dl>
      {record.paperTallies.imports > 0 && table(record.paperTallies.bySetting, t('participation.tallySettings'))}
      <h2>{t('participation.supportsTitle')}</h2>
      {table(record.languages, t('participation.languages'))}
      {table(record.symbols, t('participation.symbols'))}
      {table(record.easyRead, t('participation.easyRead'))}
      <p className="hint">{t('participation.readAloud')}</p>
      <h2>{t('participation.groupsTitle')}</h2>
      {record.groups.length === 0 ? <p>{t('participation.noGroups')}</p> : record.groups.map((g) => table(g, t(`fields.${g.key}`, { defaultValue: g.key })))}
    </div>
  )
}
