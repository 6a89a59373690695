// The live board (issue #6): a projector view of one group session's finished responses. Pure: counts in,
// what may be shown out, with the same small-number suppression as the planner's results
// (app/domain/disclosure.ts). A room can see the board, so it shows less than the results page:
// - no demographic or consent questions at all (who in this room is in care, disabled, …);
// - free text only as the number of answers (never the words);
// - rankings as how many put each option first;
// - every count under the threshold hidden, and all of a question's counts while fewer than the
//   threshold have answered it.
// The number of people who have finished is shown as it is: everyone in the room can count that,
// and it says nothing about what anyone answered.
import { type DisclosedCell, discloseCount, percentOfDisclosed, suppressOneWay } from './disclosure'
import type { SurveyQuestion } from './survey'

export interface BoardCount {
  questionId: string
  optionId: string
  rank: number | null
  count: number
}

export interface BoardBase {
  questionId: string
  answered: number
}

export interface BoardRow {
  key: string
  label: string
  count: DisclosedCell
  percent: number | 'c' | 'z' | 'k' | null
}

export interface BoardQuestion {
  key: string
  prompt: string
  kind: 'choice' | 'first-choice' | 'text'
  answered: DisclosedCell
  /** True while too few have answered to show the rows */
  tooFew: boolean
  rows: BoardRow[]
}

const HIDDEN: DisclosedCell = { kind: 'suppressed', mark: 'c' }

export function boardQuestions(questions: readonly SurveyQuestion[], counts: readonly BoardCount[], bases: readonly BoardBase[], threshold: number): BoardQuestion[] {
  const shown: BoardQuestion[] = []
  for (const question of questions) {
    if (question.type === 'demographic' || question.type === 'consent' || question.type === 'story') continue
    const answered = bases.find((b) => b.questionId === question.id)?.answered ?? 0
    const tooFew = answered < threshold
    const base = { key: question.key, prompt: question.prompt, answered: discloseCount(answered, threshold), tooFew }
    if (question.type === 'text') {
      shown.push({ ...base, kind: 'text', rows: [] })
      continue
    }
    const ranking = question.type === 'ranking'
    const mine = counts.filter((c) => c.questionId === question.id && (!ranking || c.rank === 1))
    const raw = question.options.map((o) => mine.filter((c) => c.optionId === o.id).reduce((sum, c) => sum + c.count, 0))
    // Single choice, scales and first choices add up to the number who answered; multi-select does not.
    const cells = suppressOneWay(raw, { threshold, additive: question.type !== 'multi' })
    shown.push({
      ...base,
      kind: ranking ? 'first-choice' : 'choice',
      rows: question.options.map((o, i) => ({
        key: o.key,
        label: o.label,
        count: tooFew ? HIDDEN : cells[i],
        percent: tooFew ? null : percentOfDisclosed(cells[i], answered, threshold, base.answered),
      })),
    })
  }
  return shown
}

/** A short fingerprint of what the board shows, so a page can tell whether anything changed. */
export function boardVersion(finished: number, questions: readonly BoardQuestion[]): string {
  const cells = questions.flatMap((q) => [q.answered, ...q.rows.map((r) => r.count)].map((c) => (c.kind === 'value' ? c.value : c.mark)))
  return `${finished}:${cells.join(',')}`
}

/**
 * A group result on the board (H6: diamond 9, dot voting, group ranking), worded and made safe to show
 * in a room by whoever builds it (boardGroupResults in app/services/sessions.server.ts).
 */
export interface BoardGroupResult {
  id: string
  kind: string
  title: string
  rows: Array<{ label: string; value: string }>
}

/** Everything the live board shows, as the page and board.json send it. */
export interface BoardData {
  sessionId: string
  title: string
  code: string
  open: boolean
  /** People who have finished in this session (not suppressed: see the top of this file) */
  finished: number
  expected: number | null
  threshold: number
  questions: BoardQuestion[]
  groupResults: BoardGroupResult[]
  version: string
  at: string
}
