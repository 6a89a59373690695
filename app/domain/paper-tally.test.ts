import { describe, expect, it } from 'vitest'
import { checkTallyHeader, readTallyRecords } from './paper-tally'
import type { SurveyQuestion } from './survey'

const options = (keys: string[]) => keys.map((key) => ({ id: `o-${key}`, key, label: `${key[0].toUpperCase()}${key.slice(1)} place`, symbol: null }))
const base = { position: 1, required: false, prompt: 'Q?', hint: null, symbol: null }
const safe: SurveyQuestion = { ...base, id: 'q-safe', key: 'safe', type: 'single', config: {}, options: options(['happy', 'sad']) }
const top: SurveyQuestion = { ...base, id: 'q-top', key: 'top', type: 'ranking', config: { rankCount: 2 }, options: options(['x', 'y', 'z']) }
const questions = [safe, top]
const lines = (...rows: Array<Record<string, string>>) => rows.map((cells, i) => ({ line: i + 2, cells }))

describe('paper tally CSV', () => {
  it('needs option and count; position is optional; columns in any case', () => {
    expect(checkTallyHeader(['option', 'count'])).toEqual([])
    expect(checkTallyHeader(['Option', 'Count', 'position'])).toEqual([])
    expect(checkTallyHeader(['option', 'votes'])).toEqual([
      { line: 1, code: 'unknownColumn', values: { column: 'votes' } },
      { line: 1, code: 'missingColumn', values: { column: 'count' } },
    ])
  })

  it('takes an option by key or by label, ignoring case and spaces', () => {
    const result = readTallyRecords(lines({ option: 'happy', count: '12' }, { option: '  SAD   place ', count: '8' }), { question: safe, questions, group: 'Session ABC', statedTotal: 20 })
    expect(result).toEqual({
      ok: true,
      counts: [
        { group: 'Session ABC', questionId: 'q-safe', optionId: 'o-happy', position: null, count: 12, statedTotal: 20 },
        { group: 'Session ABC', questionId: 'q-safe', optionId: 'o-sad', position: null, count: 8, statedTotal: 20 },
      ],
    })
  })

  it('also knows labels in other languages', () => {
    const result = readTallyRecords(lines({ option: 'Hapus', count: '3' }), { question: safe, questions, group: 'g', statedTotal: 3, labels: { happy: ['Hapus'] } })
    expect(result.ok).toBe(true)
  })

  it('reports every wrong line by its number and keeps nothing', () => {
    const result = readTallyRecords(lines({ option: 'happy', count: '12' }, { option: 'angry', count: '3' }, { option: 'sad', count: 'lots' }, { option: 'happy', count: '1' }), {
      question: safe,
      questions,
      group: 'g',
      statedTotal: 20,
    })
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, code: 'unknownOption', values: { question: 'safe', option: 'angry' } },
        { line: 4, code: 'badCount', values: { column: 'count' } },
        { line: 5, code: 'countTwice', values: { group: 'g', question: 'safe', option: 'happy', firstLine: 2 } },
      ],
    })
  })

  it('needs a position for a ranking and none for a choice', () => {
    expect(readTallyRecords(lines({ option: 'x', count: '4' }), { question: top, questions, group: 'g', statedTotal: 9 })).toMatchObject({ ok: false, errors: [{ line: 2, code: 'positionMissing' }] })
    expect(readTallyRecords(lines({ option: 'x', count: '4', position: '3' }), { question: top, questions, group: 'g', statedTotal: 9 })).toMatchObject({ ok: false, errors: [{ line: 2, code: 'positionOutOfRange', values: { max: 2 } }] })
    expect(readTallyRecords(lines({ option: 'x', count: '4', position: '1' }), { question: top, questions, group: 'g', statedTotal: 9 }).ok).toBe(true)
    expect(readTallyRecords(lines({ option: 'happy', count: '4', position: '1' }), { question: safe, questions, group: 'g', statedTotal: 9 })).toMatchObject({ ok: false, errors: [{ code: 'positionNotRanking' }] })
  })
})
