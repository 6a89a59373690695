import { describe, expect, it } from 'vitest'
import { boardQuestions, boardVersion } from './live-board'
import type { SurveyQuestion } from './survey'

const option = (id: string) => ({ id, key: id, label: id.toUpperCase(), symbol: null })
const q = (id: string, type: SurveyQuestion['type'], options: string[]): SurveyQuestion =>
  ({ id, key: id, position: 1, required: false, prompt: `Prompt ${id}`, hint: null, symbol: null, type, config: {}, options: options.map(option) }) as unknown as SurveyQuestion

describe('the live board', () => {
  const questions = [q('pick', 'single', ['a', 'b', 'c']), q('many', 'multi', ['x', 'y']), q('rank', 'ranking', ['r1', 'r2']), q('words', 'text', []), q('age', 'demographic', ['young', 'old'])]

  it('shows counts at or over the threshold, hides small ones and a second one that would give them away', () => {
    const board = boardQuestions(questions, [
      { questionId: 'pick', optionId: 'a', rank: null, count: 12 },
      { questionId: 'pick', optionId: 'b', rank: null, count: 10 },
      { questionId: 'pick', optionId: 'c', rank: null, count: 2 },
    ], [{ questionId: 'pick', answered: 24 }], 10)
    const pick = board.find((b) => b.key === 'pick')!
    expect(pick.answered).toEqual({ kind: 'value', value: 24 })
    expect(pick.rows.map((r) => r.count)).toEqual([{ kind: 'value', value: 12 }, { kind: 'suppressed', mark: 'c' }, { kind: 'suppressed', mark: 'c' }])
    expect(pick.rows[0].percent).toBe(50)
  })

  it('hides every row while fewer than the threshold have answered', () => {
    const board = boardQuestions(questions, [{ questionId: 'pick', optionId: 'a', rank: null, count: 3 }], [{ questionId: 'pick', answered: 3 }], 10)
    const pick = board.find((b) => b.key === 'pick')!
    expect(pick.tooFew).toBe(true)
    expect(pick.answered).toEqual({ kind: 'suppressed', mark: 'c' })
    expect(pick.rows.every((r) => r.count.kind === 'suppressed')).toBe(true)
  })

  it('shows rankings as first choices, text as a number of answers, and never demographic questions', () => {
    const board = boardQuestions(questions, [
      { questionId: 'rank', optionId: 'r1', rank: 1, count: 7 },
      { questionId: 'rank', optionId: 'r2', rank: 1, count: 0 },
      { questionId: 'rank', optionId: 'r2', rank: 2, count: 7 },
    ], [{ questionId: 'rank', answered: 7 }, { questionId: 'words', answered: 4 }], 5)
    expect(board.map((b) => b.key)).toEqual(['pick', 'many', 'rank', 'words'])
    const rank = board.find((b) => b.key === 'rank')!
    expect(rank.kind).toBe('first-choice')
    expect(rank.rows.map((r) => r.count)).toEqual([{ kind: 'value', value: 7 }, { kind: 'value', value: 0 }])
    const words = board.find((b) => b.key === 'words')!
    expect(words.rows).toEqual([])
    expect(words.answered).toEqual({ kind: 'suppressed', mark: 'c' })
  })

  it('changes its version when a shown number changes', () => {
    const before = boardQuestions(questions, [], [], 10)
    const after = boardQuestions(questions, [{ questionId: 'many', optionId: 'x', rank: null, count: 10 }], [{ questionId: 'many', answered: 10 }], 10)
    expect(boardVersion(0, before)).not.toBe(boardVersion(10, after))
    expect(boardVersion(3, before)).toBe(boardVersion(3, before))
  })
})
