// Group evidence (diamond 9s, dot votes, group rankings from sessions, weighted by group size) and
// paper evidence (paper ballots and tallies) on the results page: each in its own section, apart
// from the answers children gave online and never added to them.
import { useTranslation } from 'react-i18next'
import { Disclosed, PercentCell } from '~/components/disclosed'
import { sortByRank } from '~/domain/tally'
import type { GroupEvidenceView, PaperEvidenceView } from '~/services/group-results.server'

export function GroupEvidenceSection({ evidence, threshold }: { evidence: GroupEvidenceView[]; threshold: number }) {
  const { t } = useTranslation('groups')
  return (
    <section className="stack group-evidence" aria-labelledby="group-evidence-title" data-testid="group-evidence">
      <h2 id="group-evidence-title">{t('results.groupTitle')}</h2>
      <p>{t('results.groupIntro')}</p>
      {evidence.length === 0 ? <p>{t('results.groupNone')}</p> : null}
      {evidence.map((view) => {
        const id = `group-${view.questionKey}-${view.kind}`
        return (
          <section key={id} className="stack" aria-labelledby={id} data-evidence={`${view.questionKey}-${view.kind}`}>
            <h3 id={id}>{t('results.kindHeading', { kind: t(`kinds.${view.kind}`), prompt: view.prompt })}</h3>
            <p>
              {t('results.groupsPeople', { groups: view.groups })} <Disclosed cell={view.members} />.
            </p>
            {view.tooFew ? <p>{t('results.tooFew', { threshold })}</p> : <EvidenceTable view={view} id={id} />}
            {view.kind === 'ranking' && view.agreement ? <p>{t('results.agreement', view.agreement)}</p> : null}
          </section>
        )
      })}
    </section>
  )
}

function EvidenceTable({ view, id }: { view: GroupEvidenceView; id: string }) {
  const { t } = useTranslation('groups')
  const caption = <caption id={`${id}-caption`}>{view.kind === 'ranking' ? t('results.rankingCaption', { n: view.positions }) : t(`results.${view.kind}Caption`)}</caption>
  const wrap = (table: React.ReactNode) => (
    <div className="table-wrap" role="region" tabIndex={0} aria-labelledby={`${id}-caption`}>
      {table}
    </div>
  )
  if (view.kind === 'diamond9') {
    return wrap(
      <table className="table" data-testid={`${id}-table`}>
        {caption}
        <thead>
          <tr>
            <th scope="col">{t('results.rank')}</th>
            <th scope="col">{t('results.option')}</th>
            <th scope="col" className="num">{t('results.weightedScore')}</th>
            <th scope="col" className="num">{t('results.score')}</th>
            <th scope="col" className="num">{t('results.meanTier')}</th>
            <th scope="col" className="num">{t('results.topTier')}</th>
          </tr>
        </thead>
        <tbody>
          {sortByRank(view.rows).map((row) => (
            <tr key={row.key} data-option={row.key}>
              <td>{row.rank}</td>
              <th scope="row">{row.label}</th>
              <td className="num" data-cell="weighted">{row.weightedScore}</td>
              <td className="num">{row.score}</td>
              <td className="num">{row.meanTier === null ? '–' : row.meanTier.toFixed(2)}</td>
              <td className="num">{row.topTier}</td>
            </tr>
          ))}
        </tbody>
      </table>,
    )
  }
  if (view.kind === 'dots') {
    return wrap(
      <table className="table" data-testid={`${id}-table`}>
        {caption}
        <thead>
          <tr>
            <th scope="col">{t('results.rank')}</th>
            <th scope="col">{t('results.option')}</th>
            <th scope="col" className="num">{t('results.weightedShare')}</th>
            <th scope="col" className="num">{t('results.dots')}</th>
          </tr>
        </thead>
        <tbody>
          {sortByRank(view.rows).map((row) => (
            <tr key={row.key} data-option={row.key}>
              <td>{row.rank}</td>
              <th scope="row">{row.label}</th>
              <td className="num" data-cell="weighted">
                <PercentCell value={row.weightedPercent} />
              </td>
              <td className="num">{row.dots}</td>
            </tr>
          ))}
        </tbody>
      </table>,
    )
  }
  return wrap(
    <table className="table" data-testid={`${id}-table`}>
      {caption}
      <thead>
        <tr>
          <th scope="col">{t('results.rank')}</th>
          <th scope="col">{t('results.option')}</th>
          <th scope="col" className="num">{t('results.weightedBorda')}</th>
          <th scope="col" className="num">{t('results.borda')}</th>
          <th scope="col" className="num">{t('results.meanRank')}</th>
          <th scope="col" className="num">{t('results.firstPlaces')}</th>
        </tr>
      </thead>
      <tbody>
        {sortByRank(view.rows).map((row) => (
          <tr key={row.key} data-option={row.key}>
            <td>{row.rank}</td>
            <th scope="row">{row.label}</th>
            <td className="num" data-cell="weighted">{row.weightedBorda}</td>
            <td className="num">{row.borda}</td>
            <td className="num">{row.meanRank === null ? '–' : row.meanRank.toFixed(2)}</td>
            <td className="num">{row.firstPlaces}</td>
          </tr>
        ))}
      </tbody>
    </table>,
  )
}

export function PaperEvidenceSection({ evidence, threshold }: { evidence: PaperEvidenceView[]; threshold: number }) {
  const { t } = useTranslation('groups')
  return (
    <section className="stack paper-evidence" aria-labelledby="paper-evidence-title" data-testid="paper-evidence">
      <h2 id="paper-evidence-title">{t('results.paperTitle')}</h2>
      <p>{t('results.paperIntro')}</p>
      {evidence.length === 0 ? <p>{t('results.paperNone')}</p> : null}
      {evidence.map((view) => {
        const id = `paper-${view.questionKey}`
        const ranking = view.kind === 'ranking'
        return (
          <section key={id} className="stack" aria-labelledby={id} data-evidence={view.questionKey}>
            <h3 id={id}>{view.prompt}</h3>
            <p>
              {t('results.sheets', { groups: view.groups })} {t('results.paperBase')} <Disclosed cell={view.base} />.
            </p>
            {view.tooFew ? (
              <p>{t('results.paperTooFew', { threshold })}</p>
            ) : (
              <div className="table-wrap" role="region" tabIndex={0} aria-labelledby={`${id}-caption`}>
                <table className="table" data-testid={`${id}-table`}>
                  <caption id={`${id}-caption`}>{ranking ? t('results.paperRankingCaption', { n: view.positions ?? 0 }) : t('results.paperCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('results.option')}</th>
                      <th scope="col" className="num">{ranking ? t('results.paperFirst') : t('results.paperCount')}</th>
                      <th scope="col" className="num">{t('results.paperPercent')}</th>
                      {ranking ? <th scope="col" className="num">{t('results.borda')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {view.rows.map((row) => (
                      <tr key={row.optionKey} data-option={row.optionKey}>
                        <th scope="row">{row.label}</th>
                        <td className="num" data-cell="count">
                          <Disclosed cell={row.count} />
                        </td>
                        <td className="num">
                          <PercentCell value={row.percent} />
                        </td>
                        {ranking ? <td className="num">{row.bordaScore === null ? <Disclosed cell={{ kind: 'suppressed', mark: 'c' }} /> : row.bordaScore}</td> : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        )
      })}
    </section>
  )
}
