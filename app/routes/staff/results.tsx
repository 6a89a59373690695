// The planner's results: every question's tally with small numbers hidden, and optionally each
// question broken down by one or two groups (a GET form, so it works without JavaScript and the
// choice is in the address to share).
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Disclosed, MarksKey, PercentCell } from '~/components/disclosed'
import { GroupEvidenceSection, PaperEvidenceSection } from '~/components/group-evidence'
import { parseBreakdown } from '~/domain/crosstab'
import { PREFER_NOT_TO_SAY } from '~/domain/demographics'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import type { CrossTabView, QuestionResult } from '~/services/results.server'
import { buildResults } from '~/services/results.server'
import { requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getLocale, getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'results:view'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'results:view')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  const url = new URL(request.url)
  const breakdown = parseBreakdown(url.searchParams.get('by'), url.searchParams.get('by2'))
  const results = await buildResults(db, consultation, await getLocale(request), { breakdown })
  const { t } = await getT(request)
  return { slug: consultation.slug, pageTitle: t('staff:results.title', { title: results.title }), ...results }
}

export default function Results() {
  const results = useLoaderData<typeof loader>()
  const { t } = useTranslation(['staff', 'analysis'])
  const [by, by2] = results.breakdown ?? []
  return (
    <div className="stack">
      <h1>{t('results.title', { title: results.title })}</h1>
      <dl className="summary-list">
        <dt>{t('results.submitted')}</dt>
        <dd data-testid="submitted-count">
          <Disclosed cell={results.submitted} />
        </dd>
        <dt>{t('results.inProgress')}</dt>
        <dd>
          <Disclosed cell={results.inProgress} />
        </dd>
      </dl>
      <p>{t('results.suppression', { threshold: results.threshold })}</p>

      {results.breakdownFields.length > 0 ? (
        <Form method="get" className="breakdown-form stack" aria-labelledby="breakdown-heading">
          <h2 id="breakdown-heading">{t('analysis:breakdown.heading')}</h2>
          <p className="hint">{t('analysis:breakdown.hint')}</p>
          <div className="breakdown-form__fields">
            <div className="field">
              <label htmlFor="by">{t('analysis:breakdown.by')}</label>
              <select id="by" name="by" defaultValue={by ?? ''}>
                <option value="">{t('analysis:breakdown.none')}</option>
                {results.breakdownFields.map((field) => (
                  <option key={field} value={field}>
                    {t(`analysis:fields.${field}`)}
                  </option>
                ))}
              </select>
            </div>
            {results.breakdownFields.length > 1 ? (
              <div className="field">
                <label htmlFor="by2">{t('analysis:breakdown.by2')}</label>
                <select id="by2" name="by2" defaultValue={by2 ?? ''}>
                  <option value="">{t('analysis:breakdown.none')}</option>
                  {results.breakdownFields.map((field) => (
                    <option key={field} value={field}>
                      {t(`analysis:fields.${field}`)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </div>
          <button type="submit" className="button">
            {t('analysis:breakdown.submit')}
          </button>
        </Form>
      ) : (
        <p>{t('analysis:breakdown.unavailable')}</p>
      )}

      <section className="stack" aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t('analysis:rules.heading')}</h2>
        <ul>
          <li>{t('analysis:rules.base')}</li>
          <li>{t('analysis:rules.ranking')}</li>
          <li>{t('analysis:rules.scale')}</li>
          <li>{t('analysis:rules.groups')}</li>
          <li>{t('analysis:rules.secondary')}</li>
        </ul>
        <MarksKey />
      </section>

      {results.questions.map((question, index) => (
        <section key={question.key} className="stack" aria-labelledby={`q-${question.key}`}>
          <h2 id={`q-${question.key}`}>{t('results.questionHeading', { position: index + 1, prompt: question.prompt })}</h2>
          <p>
            {t('results.answered')} <Disclosed cell={question.answered} />. {t('results.skipped')} <Disclosed cell={question.skipped} />.
          </p>
          {question.tooFew ? <p>{t('results.tooFew', { threshold: results.threshold })}</p> : <QuestionTable question={question} />}
          {question.crossTab ? <CrossTabTable questionKey={question.key} tab={question.crossTab} positions={question.kind === 'ranking' ? question.positions : null} /> : null}
        </section>
      ))}
      {/* Group and paper evidence: apart from the answers above, never added to them (issue 6, issue 7). */}
      <GroupEvidenceSection evidence={results.groupEvidence} threshold={results.threshold} />
      <PaperEvidenceSection evidence={results.paperEvidence} threshold={results.threshold} />
      <p>
        <Link to={`/c/${results.slug}`}>{t('results.participantLink')}</Link>
      </p>
    </div>
  )
}

function QuestionTable({ question }: { question: QuestionResult }) {
  const { t } = useTranslation(['staff', 'analysis'])
  if (question.kind === 'text') return <p>{t('results.textNotShown')}</p>
  if (question.kind === 'ranking') {
    return (
      <div className="table-wrap" role="region" tabIndex={0} aria-labelledby={`${question.key}-caption`}>
        <table className="table" data-testid={`results-${question.key}`}>
          <caption id={`${question.key}-caption`}>{t('results.rankingCaption', { count: question.positions })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.rank')}</th>
              <th scope="col">{t('results.option')}</th>
              <th scope="col" className="num">{t('results.borda')}</th>
              <th scope="col" className="num">{t('results.meanRank')}</th>
              <th scope="col" className="num">{t('results.firstPreferences')}</th>
              <th scope="col" className="num">{t('analysis:ranking.timesRanked', { n: question.positions })}</th>
              <th scope="col" className="num">{t('analysis:ranking.topShare', { n: question.positions })}</th>
            </tr>
          </thead>
          <tbody>
            {[...question.rows].sort((a, b) => a.rank - b.rank).map((row) => (
              <tr key={row.key} data-option={row.key}>
                <td>{row.rank}</td>
                <th scope="row">{row.label}</th>
                <td className="num" data-cell="borda">{row.bordaScore === null ? <Disclosed cell={{ kind: 'suppressed', mark: 'c' }} /> : row.bordaScore.toLocaleString('en-GB')}</td>
                <td className="num">{row.meanRank === null ? '–' : row.meanRank.toFixed(2)}</td>
                <td className="num" data-cell="first"><Disclosed cell={row.firstPreferences} /></td>
                <td className="num" data-cell="ranked"><Disclosed cell={row.timesRanked} /></td>
                <td className="num" data-cell="top-share"><PercentCell value={row.topPercent} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )
  }
  const multi = question.kind === 'choice' && question.multi
  const rows = multi ? [...question.rows].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)) : question.rows
  const caption = multi
    ? question.maxChoices
      ? t('analysis:upTo.caption', { n: question.maxChoices })
      : t('results.multiCaption')
    : t('results.choiceCaption')
  return (
    <>
      <div className="table-wrap" role="region" tabIndex={0} aria-labelledby={`${question.key}-caption`}>
        <table className="table" data-testid={`results-${question.key}`}>
          <caption id={`${question.key}-caption`}>{caption}</caption>
          <thead>
            <tr>
              {multi ? <th scope="col">{t('results.rank')}</th> : null}
              <th scope="col">{t('results.option')}</th>
              <th scope="col" className="num">{t('results.count')}</th>
              <th scope="col" className="num">{t('results.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-option={row.key}>
                {multi ? <td>{row.rank ?? '–'}</td> : null}
                <th scope="row">{row.label}</th>
                <td className="num" data-cell="count"><Disclosed cell={row.count} /></td>
                <td className="num" data-cell="percent"><PercentCell value={row.percent} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {question.kind === 'scale' ? <p className="hint">{t('analysis:scale.noMean')}</p> : null}
    </>
  )
}

function CrossTabTable({ questionKey, tab, positions }: { questionKey: string; tab: CrossTabView; positions: number | null }) {
  const { t } = useTranslation(['staff', 'analysis'])
  const fieldNames = tab.fields.map((field) => t(`analysis:fields.${field}`)).join(t('analysis:crossTab.and'))
  const captionId = `${questionKey}-crosstab-caption`
  const groupLabel = (parts: CrossTabView['groups'][number]['parts']) =>
    parts.map((part) => part.label ?? t(part.value === PREFER_NOT_TO_SAY ? 'analysis:groups.preferNotToSay' : 'analysis:groups.notGiven')).join(', ')
  return (
    <div className="table-wrap" role="region" tabIndex={0} aria-labelledby={captionId}>
      <table className="table table--crosstab" data-testid={`crosstab-${questionKey}`}>
        <caption id={captionId}>
          {tab.measure === 'first' ? t('analysis:crossTab.captionFirst', { fields: fieldNames, n: positions ?? 1 }) : t('analysis:crossTab.caption', { fields: fieldNames })}{' '}
          {tab.additive ? t('analysis:crossTab.additive') : t('analysis:crossTab.notAdditive')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis:crossTab.group')}</th>
            <th scope="col" className="num">{t('analysis:crossTab.base')}</th>
            {tab.columns.map((column) => (
              <th key={column.key} scope="col" className="num">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tab.groups.map((group, i) => (
            <tr key={group.key} data-group={group.key}>
              <th scope="row">{groupLabel(group.parts)}</th>
              <td className="num" data-cell="base"><Disclosed cell={tab.bases[i]} /></td>
              {tab.cells[i].map((cell, j) => (
                <td key={tab.columns[j].key} className="num" data-option={tab.columns[j].key}>
                  <Disclosed cell={cell.count} />
                  <span className="crosstab__percent">
                    {' '}(<PercentCell value={cell.percent} />)
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('analysis:crossTab.total')}</th>
            <td className="num" data-cell="base"><Disclosed cell={tab.grandTotal} /></td>
            {tab.columnTotals.map((cell, j) => (
              <td key={tab.columns[j].key} className="num" data-option={tab.columns[j].key}>
                <Disclosed cell={cell} />
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
