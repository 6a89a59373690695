import { describe, expect, it } from 'vitest'
import { checkAggregateHeader, readAggregateRecords } from './aggregate-csv'
import { questions } from './csv-format.fixture'

function lines(...rows: Array<Record<string, string>>) {
  return rows.map((cells, i) => ({ line: i + 2, cells: { group: "St Mary's", question: '', option: '', position: '', count: '', stated_total: '', ...cells } }))
}

describe('aggregate counts CSV', () => {
  it('needs group, question, option, count and stated_total; position is optional', () => {
    expect(checkAggregateHeader(['group', 'question', 'option', 'count', 'stated_total'])).toEqual([])
    expect(checkAggregateHeader(['group', 'question', 'option', 'count', 'total'])).toEqual([
      { line: 1, code: 'unknownColumn', values: { column: 'total' } },
      { line: 1, code: 'missingColumn', values: { column: 'stated_total' } },
    ])
  })

  it('reads counts for choices, scales and rankings', () => {
    const result = readAggregateRecords(
      lines(
        { question: 'safe', option: 'happy', count: '30', stated_total: '50' },
        { question: 'safe', option: 'sad', count: '20', stated_total: '50' },
        { question: 'top', option: 'x', position: '1', count: '12', stated_total: '50' },
        { group: 'Youth forum', question: 'safe', option: 'happy', count: '9', stated_total: '9' }
      ),
      questions
    )
    expect(result).toEqual({
      ok: true,
      counts: [
        { group: "St Mary's", questionId: 'q-safe', optionId: 'q-safe-happy', position: null, count: 30, statedTotal: 50 },
        { group: "St Mary's", questionId: 'q-safe', optionId: 'q-safe-sad', position: null, count: 20, statedTotal: 50 },
        { group: "St Mary's", questionId: 'q-top', optionId: 'q-top-x', position: 1, count: 12, statedTotal: 50 },
        { group: 'Youth forum', questionId: 'q-safe', optionId: 'q-safe-happy', position: null, count: 9, statedTotal: 9 },
      ],
    })
  })

  it('names each bad line and its problem', () => {
    const result = readAggregateRecords(
      lines(
        { question: 'safe', option: 'happy', count: 'lots', stated_total: '50' }, // 2
        { question: 'words', option: '', count: '1', stated_total: '50' }, // 3
        { question: 'safe', option: 'meh', count: '1', stated_total: '50' }, // 4
        { question: 'top', option: 'x', count: '1', stated_total: '50' }, // 5
        { question: 'safe', option: 'ok', position: '2', count: '1', stated_total: '50' }, // 6
        { question: 'safe', option: 'happy', count: '10', stated_total: '50' }, // 7
        { question: 'safe', option: 'sad', count: '10', stated_total: '40' }, // 8
        { question: 'safe', option: 'happy', count: '11', stated_total: '50' }, // 9
        { group: '', question: 'safe', option: 'happy', count: '1', stated_total: '5' }, // 10
        { question: 'safe', option: 'ok', count: '-1', stated_total: '50' } // 11
      ),
      questions
    )
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, code: 'badCount', values: { column: 'count' } },
        { line: 3, code: 'textQuestion', values: { question: 'words' } },
        { line: 4, code: 'unknownOption', values: { question: 'safe', option: 'meh' } },
        { line: 5, code: 'positionMissing', values: { question: 'top', max: 2 } },
        { line: 6, code: 'positionNotRanking', values: { question: 'safe' } },
        { line: 8, code: 'totalDiffers', values: { group: "St Mary's", question: 'safe', firstLine: 7, total: 50 } },
        { line: 9, code: 'countTwice', values: { group: "St Mary's", question: 'safe', option: 'happy', firstLine: 7 } },
        { line: 10, code: 'groupMissing', values: { column: 'group' } },
        { line: 11, code: 'badCount', values: { column: 'count' } },
      ],
    })
  })
})
