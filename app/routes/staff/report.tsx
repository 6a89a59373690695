// A printable findings report: every question's table with small numbers hidden, laid out to print
// (or save as PDF) cleanly: no navigation, each question on its own page, table rows never split.
// The findings page (themes and the plan) is a separate page; this report is the counted evidence:
// the answers, then group evidence and paper evidence apart from them, suppressed as on the results page.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Disclosed, PercentCell } from '~/components/disclosed'
import { GroupEvidenceSection, PaperEvidenceSection } from '~/components/group-evidence'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { buildResults, type QuestionResult } from '~/services/results.server'
import { requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'results:export'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'results:export')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  const { locale, t } = await getT(request)
  const results = await buildResults(db, consultation, locale)
  return { ...results, slug: consultation.slug, pageTitle: t('exports:report.title', { title: results.title }), printedOn: new Date().toISOString().slice(0, 10) }
}

function PrintButton() {
  const { t } = useTranslation('exports')
  // The button needs JavaScript; without it the instructions above say how to print.
  const [ready, setReady] = useState(false)
  useEffect(() => setReady(true), [])
  if (!ready) return null
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
      {t('report.print')}
    </button>
  )
}

export default function Report() {
  const report = useLoaderData<typeof loader>()
  const { t } = useTranslation('exports')
  return (
    <article className="report stack" aria-labelledby="report-title">
      <header className="stack report__cover">
        <h1 id="report-title">{report.pageTitle}</h1>
        <p className="no-print">{t('report.howToPrint')}</p>
        <PrintButton />
        <dl className="summary-list">
          <dt>{t('report.printedOn')}</dt>
          <dd>
            <time dateTime={report.printedOn}>{report.printedOn}</time>
          </dd>
          <dt>{t('report.submitted')}</dt>
          <dd data-testid="report-submitted">
            <Disclosed cell={report.submitted} />
          </dd>
          <dt>{t('report.inProgress')}</dt>
          <dd>
            <Disclosed cell={report.inProgress} />
          </dd>
        </dl>
        <p>{t('report.suppression', { threshold: report.threshold })}</p>
        <ul className="report__marks">
          <li>
            <strong>c</strong> – {t('report.markC')}
          </li>
          <li>
            <strong>z</strong> – {t('report.markZ')}
          </li>
          <li>
            <strong>k</strong> – {t('report.markK')}
          </li>
        </ul>
      </header>
      {report.questions.map((question, index) => (
        <section key={question.key} className="report__question stack" aria-labelledby={`rq-${question.key}`} data-question={question.key}>
          <h2 id={`rq-${question.key}`}>{t('report.questionHeading', { position: index + 1, prompt: question.prompt })}</h2>
          <p>
            {t('report.answered')} <Disclosed cell={question.answered} />. {t('report.skipped')} <Disclosed cell={question.skipped} />.
          </p>
          {question.kind === 'text' ? (
            <p>{t('report.textNotShown')}</p>
          ) : question.tooFew ? (
            <p>{t('report.tooFew', { threshold: report.threshold })}</p>
          ) : (
            <ReportTable question={question} />
          )}
          {question.kind === 'ranking' && !question.tooFew ? <p className="hint">{t('report.bordaRule', { count: question.positions })}</p> : null}
          {question.kind === 'choice' && question.multi ? <p className="hint">{t('report.multiRule')}</p> : null}
        </section>
      ))}
      {report.groupEvidence.length ? (
        <div className="report__question">
          <GroupEvidenceSection evidence={report.groupEvidence} threshold={report.threshold} />
        </div>
      ) : null}
      {report.paperEvidence.length ? (
        <div className="report__question">
          <PaperEvidenceSection evidence={report.paperEvidence} threshold={report.threshold} />
        </div>
      ) : null}
    </article>
  )
}

function ReportTable({ question }: { question: Exclude<QuestionResult, { kind: 'text' }> }) {
  const { t } = useTranslation('exports')
  const caption = `${question.prompt}: ${question.kind === 'ranking' ? t('report.rankingCaption') : t('report.choiceCaption')}`
  if (question.kind === 'ranking') {
    return (
      <TableWrap id={question.key}>
        <table className="table report__table" data-testid={`report-${question.key}`}>
          <caption id={`rc-${question.key}`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('summary.rank')}</th>
              <th scope="col">{t('summary.option')}</th>
              <th scope="col" className="num">
                {t('summary.borda')}
              </th>
              <th scope="col" className="num">
                {t('summary.meanRank')}
              </th>
              <th scope="col" className="num">
                {t('summary.firstPreferences')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...question.rows]
              .sort((a, b) => a.rank - b.rank)
              .map((row) => (
                <tr key={row.key} data-option={row.key}>
                  <td>{row.rank}</td>
                  <th scope="row">{row.label}</th>
                  <td className="num">{row.bordaScore === null ? <Disclosed cell={{ kind: 'suppressed', mark: 'c' }} /> : row.bordaScore.toLocaleString('en-GB')}</td>
                  <td className="num">{row.meanRank === null ? '–' : row.meanRank.toFixed(2)}</td>
                  <td className="num">
                    <Disclosed cell={row.firstPreferences} />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableWrap>
    )
  }
  const multi = question.kind === 'choice' && question.multi
  const rows = multi ? [...question.rows].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)) : question.rows
  return (
    <TableWrap id={question.key}>
      <table className="table report__table" data-testid={`report-${question.key}`}>
        <caption id={`rc-${question.key}`}>{caption}</caption>
        <thead>
          <tr>
            {multi ? <th scope="col">{t('summary.rank')}</th> : null}
            <th scope="col">{t('summary.option')}</th>
            <th scope="col" className="num">
              {t('summary.count')}
            </th>
            <th scope="col" className="num">
              {t('summary.percent')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-option={row.key}>
              {multi ? <td>{row.rank ?? '–'}</td> : null}
              <th scope="row">{row.label}</th>
              <td className="num" data-cell="count">
                <Disclosed cell={row.count} />
              </td>
              <td className="num" data-cell="percent">
                <PercentCell value={row.percent} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

/** On a narrow screen a wide table scrolls inside a focusable region (keyboard users can scroll it too). */
function TableWrap({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" tabIndex={0} aria-labelledby={`rc-${id}`}>
      {children}
    </div>
  )
}
