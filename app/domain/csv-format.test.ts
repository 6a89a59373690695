import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { checkTidyHeader, csvLine, tidyLineWriter, type ExportAnswer, formatQuestions, keep, neutraliseCell, readTidyRecords, restoreCell, tidyColumns, tidyRecord, wideHeader, wideRecord } from './csv-format'
import { questions } from './csv-format.fixture'

describe('formula injection', () => {
  it('puts an apostrophe before cells a spreadsheet would run as a formula, and takes it off on import', () => {
    for (const dangerous of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutraliseCell(dangerous)).toBe(`'${dangerous}`)
      expect(restoreCell(neutraliseCell(dangerous))).toBe(dangerous)
    }
    for (const safe of ['more parks', '', "it's fine", '1', 'a=b']) {
      expect(neutraliseCell(safe)).toBe(safe)
      expect(restoreCell(safe)).toBe(safe)
    }
    // An apostrophe the writer typed themselves is kept
    expect(restoreCell("'quoted'")).toBe("'quoted'")
  })
})

describe('csvLine', () => {
  it('writes exactly what csv-stringify writes, and csv-parse reads it back', () => {
    const rows: Array<Array<string | number>> = [
      ['plain', 1, 0, ''],
      ['with, comma', 'with "quotes"', 'line\nbreak', 'carriage\rreturn'],
      ['Cymraeg: ŵ ŷ', 'عربي', '😀', '  spaces  '],
      [-3, 2.5, '"', ','],
    ]
    const ours = rows.map(csvLine).join('')
    expect(ours).toBe(stringify(rows))
    expect(parse(ours, { cast: false })).toEqual(rows.map((r) => r.map(String)))
  })
})

const response = { respondent: 'R1', status: 'submitted' as const, demographics: { ageBand: 'age-8-10' } }
const answers: ExportAnswer[] = [
  { questionKey: 'groups', questionType: 'multi', optionKey: 'a', rank: null, value: null, text: null, skipped: false },
  { questionKey: 'groups', questionType: 'multi', optionKey: 'c', rank: null, value: null, text: null, skipped: false },
  { questionKey: 'top', questionType: 'ranking', optionKey: 'z', rank: 1, value: null, text: null, skipped: false },
  { questionKey: 'top', questionType: 'ranking', optionKey: 'x', rank: 2, value: null, text: null, skipped: false },
  { questionKey: 'safe', questionType: 'scale', optionKey: null, rank: null, value: null, text: null, skipped: true },
  { questionKey: 'words', questionType: 'text', optionKey: null, rank: null, value: null, text: '=1+1 "hi"', skipped: false },
]

describe('tidy rows', () => {
  it('has one column per documented field, demographics last', () => {
    expect(tidyColumns).toEqual(['respondent', 'status', 'question', 'type', 'option', 'position', 'value', 'skipped', 'text', 'age_band', 'gender', 'area', 'disability', 'in_care', 'young_carer', 'parent_carer'])
  })

  it('writes one row per answer, neutralised for CSV and as given for a workbook', () => {
    expect(tidyRecord(response, answers[2])).toEqual(['R1', 'submitted', 'top', 'ranking', 'z', 1, '', 0, '', 'age-8-10', '', '', '', '', '', ''])
    expect(tidyRecord(response, answers[4]).slice(0, 9)).toEqual(['R1', 'submitted', 'safe', 'scale', '', '', '', 1, ''])
    expect(tidyRecord(response, answers[5])[8]).toBe(`'=1+1 "hi"`)
    expect(tidyRecord(response, answers[5], keep)[8]).toBe('=1+1 "hi"')
  })
})

describe('tidyLineWriter', () => {
  it('writes the same text as csvLine(tidyRecord(…)) from stored rows', () => {
    const writer = tidyLineWriter(
      questions.map((q) => ({ id: q.id, key: q.key, type: q.type })),
      questions.flatMap((q) => q.options),
    )
    const who = { respondent: 'R1', status: 'submitted' as const, demographics: { ageBand: 'age-8-10', area: '=north, "east"' } }
    const stored = [
      { question_id: 'q-groups', option_id: 'q-groups-a', rank: null, value: null, text: null, skipped: 0 },
      { question_id: 'q-top', option_id: 'q-top-z', rank: 1, value: null, text: null, skipped: 0 },
      { question_id: 'q-safe', option_id: 'q-safe-ok', rank: null, value: 2, text: null, skipped: 0 },
      { question_id: 'q-safe', option_id: null, rank: null, value: null, text: null, skipped: 1 },
      { question_id: 'q-words', option_id: null, rank: null, value: null, text: '-1, "yes"\nno', skipped: 0 },
    ]
    const head = writer.head(who)
    const tail = writer.tail(who.demographics)
    for (const row of stored) {
      const question = questions.find((q) => q.id === row.question_id)!
      const answer = { questionKey: question.key, questionType: question.type, optionKey: question.options.find((o) => o.id === row.option_id)?.key ?? null, rank: row.rank, value: row.value, text: row.text, skipped: row.skipped === 1 }
      expect(writer.line(head, tail, row)).toBe(csvLine(tidyRecord(who, answer)))
    }
    expect(writer.line(head, tail, { ...stored[0], question_id: 'another-consultation' })).toBeNull()
  })
})

describe('wide rows', () => {
  const format = formatQuestions(questions)
  it('has a column per question, per multi-select option and per ranking position', () => {
    expect(wideHeader(format)).toEqual([
      'respondent', 'status', 'age_band', 'gender', 'area', 'disability', 'in_care', 'young_carer', 'parent_carer',
      'groups:skipped', 'groups:a', 'groups:b', 'groups:c',
      'top:skipped', 'top:1', 'top:2',
      'safe:skipped', 'safe',
      'words:skipped', 'words',
      'age:skipped', 'age',
      'must:skipped', 'must',
    ])
  })

  it('fills them from a response: 1/0 for options, keys by position, empty when not reached', () => {
    expect(wideRecord(format, response, answers)).toEqual([
      'R1', 'submitted', 'age-8-10', '', '', '', '', '', '',
      0, 1, 0, 1,
      0, 'z', 'x',
      1, '',
      0, `'=1+1 "hi"`,
      '', '',
      '', '',
    ])
  })
})

function lines(...rows: Array<Record<string, string>>) {
  return rows.map((cells, i) => ({ line: i + 2, cells: { respondent: '', question: '', option: '', position: '', skipped: '', text: '', ...cells } }))
}

describe('reading a tidy CSV', () => {
  it('checks the header: required columns, unknown and doubled ones', () => {
    expect(checkTidyHeader([...tidyColumns])).toEqual([])
    expect(checkTidyHeader(['respondent', 'question', 'option', 'skipped', 'text', 'colour', 'text'])).toEqual([
      { line: 1, code: 'unknownColumn', values: { column: 'colour' } },
      { line: 1, code: 'duplicateColumn', values: { column: 'text' } },
      { line: 1, code: 'missingColumn', values: { column: 'position' } },
    ])
  })

  it('turns valid lines into responses grouped by respondent', () => {
    const result = readTidyRecords(
      lines(
        { respondent: 'A', question: 'groups', option: 'a', age_band: 'age-8-10' },
        { respondent: 'A', question: 'top', option: 'y', position: '1', age_band: 'age-8-10' },
        { respondent: 'A', question: 'safe', option: 'sad', value: '3', age_band: 'age-8-10' },
        { respondent: 'A', question: 'words', text: "'=more parks", age_band: 'age-8-10' },
        { respondent: 'B', question: 'safe', skipped: '1', status: 'in_progress' },
        { respondent: 'B', question: 'must', option: 'no', status: 'in_progress' },
      ),
      questions,
    )
    expect(result).toEqual({
      ok: true,
      lines: 6,
      responses: [
        {
          respondent: 'A',
          status: 'submitted',
          demographics: { ageBand: 'age-8-10' },
          answers: [
            { questionId: 'q-groups', optionId: 'q-groups-a', rank: null, value: null, text: null, skipped: false },
            { questionId: 'q-top', optionId: 'q-top-y', rank: 1, value: null, text: null, skipped: false },
            { questionId: 'q-safe', optionId: 'q-safe-sad', rank: null, value: 3, text: null, skipped: false },
            { questionId: 'q-words', optionId: null, rank: null, value: null, text: '=more parks', skipped: false },
          ],
        },
        {
          respondent: 'B',
          status: 'in_progress',
          demographics: {},
          answers: [
            { questionId: 'q-safe', optionId: null, rank: null, value: null, text: null, skipped: true },
            { questionId: 'q-must', optionId: 'q-must-no', rank: null, value: null, text: null, skipped: false },
          ],
        },
      ],
    })
  })

  it('names every bad line and exactly what is wrong with it', () => {
    const result = readTidyRecords(
      lines(
        { respondent: 'A', question: 'nope', option: 'a' }, // 2
        { respondent: 'A', question: 'groups', option: 'd' }, // 3
        { respondent: 'A', question: 'top', option: 'x' }, // 4
        { respondent: 'A', question: 'top', option: 'y', position: '3' }, // 5
        { respondent: 'A', question: 'top', option: 'z', position: 'two' }, // 6
        { respondent: 'A', question: 'words', text: 'far too long for this question' }, // 7
        { respondent: 'A', question: 'must', skipped: '1' }, // 8
        { respondent: 'A', question: 'safe', option: 'ok', value: '3' }, // 9
        { respondent: 'A', question: 'age', option: 'age-8-10', age_band: 'age-99' }, // 10
        { respondent: '', question: 'groups', option: 'a' }, // 11
        { respondent: 'A', question: 'groups', option: 'a', skipped: 'yes' }, // 12
        { respondent: 'A', question: 'groups', option: 'a', status: 'in_progress' }, // 13
        { respondent: 'C', question: 'must', option: 'yes' }, // 14
        { respondent: 'C', question: 'must', option: 'no' }, // 15
        { respondent: 'D', question: 'groups', option: 'a' }, // 16
        { respondent: 'D', question: 'groups', option: 'b' }, // 17
        { respondent: 'D', question: 'groups', option: 'c' }, // 18
        { respondent: 'E', question: 'top', option: 'x', position: '1' }, // 19
        { respondent: 'E', question: 'top', option: 'y', position: '1' }, // 20
      ),
      questions,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      { line: 2, code: 'unknownQuestion', values: { question: 'nope' } },
      { line: 3, code: 'unknownOption', values: { question: 'groups', option: 'd' } },
      { line: 4, code: 'positionMissing', values: { question: 'top', max: 2 } },
      { line: 5, code: 'positionOutOfRange', values: { question: 'top', max: 2 } },
      { line: 6, code: 'badPosition', values: { question: 'top' } },
      { line: 7, code: 'textTooLong', values: { question: 'words', max: 20, count: 30 } },
      { line: 8, code: 'cannotSkip', values: { question: 'must' } },
      { line: 9, code: 'valueDiffers', values: { question: 'safe', expected: 2 } },
      { line: 10, code: 'unknownDemographic', values: { column: 'age_band', value: 'age-99' } },
      { line: 10, code: 'demographicsDiffer', values: { respondent: 'A', firstLine: 2 } },
      { line: 11, code: 'respondentMissing', values: { column: 'respondent' } },
      { line: 12, code: 'badSkipped', values: { column: 'skipped' } },
      { line: 13, code: 'statusDiffers', values: { respondent: 'A', firstLine: 2 } },
      { line: 15, code: 'oneAnswerOnly', values: { question: 'must', respondent: 'C' } },
      { line: 18, code: 'tooManyChoices', values: { question: 'groups', respondent: 'D', max: 2 } },
      { line: 20, code: 'positionTwice', values: { question: 'top', respondent: 'E', position: 1 } },
    ])
  })
})
