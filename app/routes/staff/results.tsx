import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Disclosed, PercentCell } from '~/components/disclosed'
import type { QuestionResult } from '~/services/results.server'
import { buildResults } from '~/services/results.server'
import { requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getLocale } from '~/utils/i18n.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Results – ${data.title}` : 'Results' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  return { slug: consultation.slug, ...(await buildResults(db, consultation, await getLocale(request))) }
}

export default function Results() {
  const results = useLoaderData<typeof loader>()
  const { t } = useTranslation('staff')
  return (
    <div className="stack">
      <p className="banner" role="note">
        <strong>{t('results.demoOnlyTitle')}</strong> {t('results.demoOnly')}
      </p>
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
      {results.questions.map((question, index) => (
        <section key={question.key} className="stack" aria-labelledby={`q-${question.key}`}>
          <h2 id={`q-${question.key}`}>{t('results.questionHeading', { position: index + 1, prompt: question.prompt })}</h2>
          <p>
            {t('results.answered')} <Disclosed cell={question.answered} />. {t('results.skipped')} <Disclosed cell={question.skipped} />.
          </p>
          {question.tooFew ? <p>{t('results.tooFew', { threshold: results.threshold })}</p> : <QuestionTable question={question} />}
        </section>
      ))}
      <p>
        <Link to={`/c/${results.slug}`}>{t('results.participantLink')}</Link>
      </p>
    </div>
  )
}

function QuestionTable({ question }: { question: QuestionResult }) {
  const { t } = useTranslation('staff')
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
            </tr>
          </thead>
          <tbody>
            {[...question.rows].sort((a, b) => a.rank - b.rank).map((row) => (
              <tr key={row.key} data-option={row.key}>
                <td>{row.rank}</td>
                <th scope="row">{row.label}</th>
                <td className="num" data-cell="borda">{row.bordaScore.toLocaleString('en-GB')}</td>
                <td className="num">{row.meanRank === null ? '–' : row.meanRank.toFixed(2)}</td>
                <td className="num" data-cell="first"><Disclosed cell={row.firstPreferences} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )
  }
  const rows = question.kind === 'choice' && question.multi ? [...question.rows].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)) : question.rows
  return (
    <div className="table-wrap" role="region" tabIndex={0} aria-labelledby={`${question.key}-caption`}>
      <table className="table" data-testid={`results-${question.key}`}>
        <caption id={`${question.key}-caption`}>{question.kind === 'choice' && question.multi ? t('results.multiCaption') : t('results.choiceCaption')}</caption>
        <thead>
          <tr>
            {question.kind === 'choice' && question.multi ? <th scope="col">{t('results.rank')}</th> : null}
            <th scope="col">{t('results.option')}</th>
            <th scope="col" className="num">{t('results.count')}</th>
            <th scope="col" className="num">{t('results.percent')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-option={row.key}>
              {question.kind === 'choice' && question.multi ? <td>{row.rank ?? '–'}</td> : null}
              <th scope="row">{row.label}</th>
              <td className="num" data-cell="count"><Disclosed cell={row.count} /></td>
              <td className="num" data-cell="percent"><PercentCell value={row.percent} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
