import { describe, expect, it } from 'vitest'
import { checkUpload, decodeCsv, MAX_IMPORT_BYTES, readCsv } from './csv-read'

describe('checkUpload', () => {
  it('accepts a CSV within the size limit', () => {
    expect(checkUpload({ name: 'answers.CSV', size: 100, type: 'text/csv' })).toEqual([])
    // Windows often sends CSV as an Excel type, and some browsers send no type
    expect(checkUpload({ name: 'answers.csv', size: 100, type: 'application/vnd.ms-excel' })).toEqual([])
    expect(checkUpload({ name: 'answers.csv', size: 100, type: '' })).toEqual([])
  })

  it('refuses empty, oversized and non-CSV files, saying which', () => {
    expect(checkUpload({ name: 'a.csv', size: 0, type: 'text/csv' })).toEqual([{ line: 0, code: 'emptyFile' }])
    expect(checkUpload({ name: 'a.csv', size: MAX_IMPORT_BYTES + 1, type: 'text/csv' })).toEqual([{ line: 0, code: 'tooBig', values: { max: 10 } }])
    expect(checkUpload({ name: 'a.xlsx', size: 10, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toEqual([{ line: 0, code: 'notCsv' }])
    expect(checkUpload({ name: 'a.csv', size: 10, type: 'image/png' })).toEqual([{ line: 0, code: 'notCsv' }])
  })
})

describe('decodeCsv', () => {
  it('reads UTF-8 and refuses other encodings and binary files', () => {
    expect(decodeCsv(new TextEncoder().encode('a,b\nŵ,ي\n'))).toEqual({ ok: true, text: 'a,b\nŵ,ي\n' })
    expect(decodeCsv(new Uint8Array([0x61, 0x2c, 0xe9, 0x0a]))).toEqual({ ok: false, errors: [{ line: 0, code: 'notUtf8' }] })
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toEqual({ ok: false, errors: [{ line: 0, code: 'notCsv' }] })
  })
})

describe('readCsv', () => {
  it('keys cells by the header and gives the line each record starts on', () => {
    const result = readCsv('\ufeffrespondent,text\n\nA,"two\nlines"\nB,plain\n')
    expect(result).toEqual({
      ok: true,
      header: ['respondent', 'text'],
      records: [
        { line: 3, cells: { respondent: 'A', text: 'two\nlines' } },
        { line: 5, cells: { respondent: 'B', text: 'plain' } },
      ],
      errors: [],
    })
  })

  it('reports broken lines with their numbers and keeps reading the rest', () => {
    const result = readCsv('respondent,text\nA,ok\nB,too,many\nD,fine\nC,"bad"quote\n')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.errors).toEqual([
      { line: 3, code: 'wrongCellCount' },
      { line: 5, code: 'badQuote' },
    ])
    expect(result.records.map((r) => r.cells.respondent)).toEqual(['A', 'D'])
  })

  it('says when there is nothing in the file', () => {
    expect(readCsv('\n\n')).toEqual({ ok: false, errors: [{ line: 0, code: 'emptyFile' }] })
  })
})
