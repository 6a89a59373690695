import { describe, expect, it } from 'vitest'
import { exportFilename, isExportKind, sheetName, summaryTable } from './export.server'
import type { QuestionResult } from './results.server'

const t = (key: string) => key.split('.').pop() as string

describe('sheetName', () => {
  it('makes names Excel accepts: at most 31 characters, no : \\ / ? * [ ], unique ignoring case', () => {
    const taken = new Set<string>()
    expect(sheetName('Q1 priority-groups', taken)).toBe('Q1 priority-groups')
    expect(sheetName('Q1 PRIORITY-GROUPS', taken)).toBe('Q1 PRIORITY-GROUPS (2)')
    expect(sheetName('a/b:c?d*e[f]g\\h', taken)).toBe('a b c d e f g h')
    const long = sheetName('Q12 what-would-make-your-area-a-better-place', taken)
    expect(long).toHaveLength(31)
    expect(sheetName('Q12 what-would-make-your-area-a-better-place', taken)).toBe('Q12 what-would-make-your-ar (2)')
  })
})

describe('exportFilename', () => {
  it('names the consultation, the kind and the day, with nothing a header could be broken by', () => {
    expect(exportFilename('have-your-say', 'tidy-csv', new Date('2026-11-30T12:00:00Z'))).toBe('have-your-say-tidy-csv-2026-11-30.csv')
    expect(exportFilename('a"b\r\nc', 'summary-xlsx', new Date('2026-11-30T12:00:00Z'))).toBe('a-b-c-summary-xlsx-2026-11-30.xlsx')
    expect(isExportKind('xlsx')).toBe(true)
    expect(isExportKind('toString')).toBe(false)
  })
})

describe('summaryTable', () => {
  it('keeps the marks of hidden counts and percentages', () => {
    const question = {
      key: 'q',
      prompt: 'Q',
      answered: { kind: 'value', value: 40 },
      skipped: { kind: 'suppressed', mark: 'c' },
      tooFew: false,
      crossTab: null,
      kind: 'choice',
      multi: true,
      maxChoices: null,
      rows: [
        { key: 'a', label: 'A', count: { kind: 'value', value: 30 }, percent: 75, rank: 1 },
        { key: 'b', label: 'B', count: { kind: 'suppressed', mark: 'c' }, percent: 'c', rank: null },
      ],
    } as unknown as QuestionResult
    expect(summaryTable(question, t)).toEqual({
      header: ['rank', 'option', 'optionKey', 'count', 'percent'],
      rows: [
        [1, 'A', 'a', 30, 75],
        ['', 'B', 'b', 'c', 'c'],
      ],
    })
  })
})
