// The live board's content (issue #6): big, high-contrast counts of one session's finished responses,
// as app/services/sessions.server.ts boardData() made them (already suppressed). No identities.
import { useTranslation } from 'react-i18next'
import { Disclosed, PercentCell } from '~/components/disclosed'
import type { BoardData, BoardGroupResult, BoardQuestion } from '~/domain/live-board'

export type { BoardData }

/**
 * H6 (group activities): the place for a session's group results — diamond 9, dot voting, group
 * ranking — on the board. boardGroupResults() in app/services/sessions.server.ts fills `results`;
 * change this component's markup as the activities need. Nothing is shown while there are none.
 */
export function GroupResultsSlot({ results }: { results: BoardGroupResult[] }) {
  const { t } = useTranslation('sessions')
  if (results.length === 0) return null
  return (
    <section className="stack live-board__groups" aria-labelledby="board-groups">
      <h2 id="board-groups">{t('board.groupResults')}</h2>
      {results.map((group) => (
        <div key={group.id} className="live-board__question">
          <h3>{group.title}</h3>
          <table className="live-board__table">
            <tbody>
              {group.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td className="num">{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  )
}

function BoardQuestionView({ question, threshold }: { question: BoardQuestion; threshold: number }) {
  const { t } = useTranslation('sessions')
  const max = Math.max(1, ...question.rows.map((r) => (r.count.kind === 'value' ? r.count.value : 0)))
  return (
    <section className="live-board__question" aria-labelledby={`board-q-${question.key}`}>
      <h2 id={`board-q-${question.key}`}>{question.prompt}</h2>
      <p className="live-board__answered">
        {t('board.answered')} <Disclosed cell={question.answered} />
      </p>
      {question.kind === 'text' ? (
        <p>{t('board.textHidden')}</p>
      ) : question.tooFew ? (
        <p className="live-board__waiting">{t('board.tooFew', { threshold })}</p>
      ) : (
        <table className="live-board__table">
          <caption className="visually-hidden">{question.kind === 'first-choice' ? t('board.firstChoices') : t('board.choices')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('board.option')}</th>
              <th scope="col" className="num">
                {question.kind === 'first-choice' ? t('board.firstCount') : t('board.count')}
              </th>
              <th scope="col" className="num">
                {t('board.percent')}
              </th>
            </tr>
          </thead>
          <tbody>
            {question.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.label}
                  {row.count.kind === 'value' ? (
                    // An SVG bar, not a style attribute: the Content-Security-Policy allows no inline styles.
                    <svg className="live-board__bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                      <rect width={Math.max(0.5, Math.round((row.count.value / max) * 100))} height="4" />
                    </svg>
                  ) : null}
                </th>
                <td className="num" data-option={row.key}>
                  <Disclosed cell={row.count} />
                </td>
                <td className="num">
                  <PercentCell value={row.percent} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export function LiveBoard({ board }: { board: BoardData }) {
  const { t } = useTranslation('sessions')
  return (
    <div className="stack live-board__content">
      <p className="live-board__finished" aria-live="polite" data-testid="board-finished">
        {board.expected ? t('board.finishedOf', { finished: board.finished, expected: board.expected }) : t('board.finished', { count: board.finished })}
      </p>
      {board.questions.map((q) => (
        <BoardQuestionView key={q.key} question={q} threshold={board.threshold} />
      ))}
      <GroupResultsSlot results={board.groupResults} />
      <p className="live-board__note">{t('board.suppressionNote', { threshold: board.threshold })}</p>
    </div>
  )
}
