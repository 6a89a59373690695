// Import → tally → export round trip, on SQLite and PostgreSQL: a tidy CSV of responses is imported,
// the planner's results are computed from it, and the CSV, wide CSV, JSON and XLSX exports are read
// back (csv-parse, exceljs) with the expected numbers. Also: refused files keep nothing, aggregate
// counts and their consistency check, taking an import back out.
import { PassThrough, Writable } from 'node:stream'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { findConsultationBySlug } from '~/models/consultation.server'
import { exportJson, exportSummaryCsv, exportTidyCsv, exportWideCsv, exportXlsx } from '~/services/export.server'
import { importAggregatesCsv, importResponsesCsv, importsOverview, removeAggregateImport, removeResponseImport } from '~/services/import.server'
import { buildResults, type QuestionResult } from '~/services/results.server'
import type { Consultation } from '~/services/survey.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

/** Labels as their last key segment ('exports:workbook.data' → 'data'), so sheet names are easy to find. */
const t = (key: string) => key.split('.').pop() as string

/** Collects everything written to a stream. */
function collector() {
  const chunks: Buffer[] = []
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk))
      callback()
    },
  })
  return { out, text: () => Buffer.concat(chunks).toString('utf8'), buffer: () => Buffer.concat(chunks) }
}

const RANK_A = ['less-bullying', 'safe-places', 'respect', 'things-to-do', 'safer-from-crime']
const RANK_B = ['safe-places', 'less-bullying', 'respect', 'things-to-do', 'safer-from-crime']
const FORMULA = '=HYPERLINK("http://example.invalid","click")'
const TRICKY = 'More buses, please\n"now"'

/** 30 respondents with counts worked out by hand (see the expectations below). */
function responsesCsv(): string {
  const lines = ['respondent,status,question,option,position,skipped,text,age_band']
  const row = (r: number, question: string, option = '', position = '', skipped = '0', text = '') => {
    const quoted = text.includes(',') || text.includes('"') || text.includes('\n') ? `"${text.replace(/"/g, '""')}"` : text
    lines.push([`P${r}`, r === 29 ? 'in_progress' : 'submitted', question, option, position, skipped, quoted, r < 10 ? 'age-11-13' : ''].join(','))
  }
  for (let r = 0; r < 30; r++) {
    if (r < 20) {
      row(r, 'priority-groups', 'in-care')
      if (r < 12) row(r, 'priority-groups', 'young-carers')
      if (r < 3) row(r, 'priority-groups', 'teenage-parents')
    } else if (r < 25) row(r, 'priority-groups', '', '', '1')
    else row(r, 'priority-groups', 'disabilities')
    ;(r < 15 ? RANK_A : RANK_B).forEach((option, i) => row(r, 'top-priorities', option, String(i + 1)))
    row(r, 'feel-safe', r < 15 ? 'safe' : r < 25 ? 'not-safe' : 'sometimes')
    if (r === 0) row(r, 'one-change', '', '', '0', `'${FORMULA}`)
    if (r === 1) row(r, 'one-change', '', '', '0', TRICKY)
  }
  return `${lines.join('\r\n')}\r\n`
}
// Answer rows: 20 + 12 + 3 + 5 skipped + 5 = 45 (groups), 150 (ranking), 30 (scale), 2 (text)
const ANSWER_ROWS = 45 + 150 + 30 + 2

function file(name: string, text: string) {
  return { name, type: 'text/csv', bytes: new TextEncoder().encode(text) }
}

function choice(result: QuestionResult | undefined, key: string) {
  if (!result || (result.kind !== 'choice' && result.kind !== 'scale')) throw new Error('not a choice question')
  return result.rows.find((r) => r.key === key)
}

function ranking(result: QuestionResult | undefined, key: string) {
  if (!result || result.kind !== 'ranking') throw new Error('not a ranking question')
  return result.rows.find((r) => r.key === key)
}

describe.each(testDialects())('import → tally → export [%s]', (dialect) => {
  let test: TestDatabase
  let consultation: Consultation
  let importId: string
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    consultation = (await findConsultationBySlug(test.db, DEMO_SLUG))!
  })
  afterAll(async () => test.drop())

  async function responseCount() {
    const row = await test.db
      .selectFrom('response')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('consultation_id', '=', consultation.id)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  it('refuses a file with bad lines, naming each, and saves nothing', async () => {
    const bad =
      'respondent,question,option,position,skipped,text\nA,priority-groups,in-care,,0,\nA,priority-groups,nobody,,0,\nB,top-priorities,respect,9,0,\nC,no-such-question,,,0,\n'
    const outcome = await importResponsesCsv(test.db, consultation, file('bad.csv', bad), null)
    expect(outcome).toEqual({
      ok: false,
      errors: [
        { line: 3, code: 'unknownOption', values: { question: 'priority-groups', option: 'nobody' } },
        { line: 4, code: 'positionOutOfRange', values: { question: 'top-priorities', max: 5 } },
        { line: 5, code: 'unknownQuestion', values: { question: 'no-such-question' } },
      ],
    })
    expect(await responseCount()).toBe(0)
    expect((await importResponsesCsv(test.db, consultation, { name: 'bad.xlsx', type: 'application/zip', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) }, null)).ok).toBe(false)
  })

  it('imports the responses, marked with their import', async () => {
    const outcome = await importResponsesCsv(test.db, consultation, file('paper-survey.csv', responsesCsv()), null)
    expect(outcome).toMatchObject({ ok: true, responses: 30, lines: ANSWER_ROWS })
    if (!outcome.ok) return
    importId = outcome.importId
    expect(await responseCount()).toBe(30)
    const marked = await test.db.selectFrom('response').select('import_id').where('consultation_id', '=', consultation.id).execute()
    expect(marked.every((r) => r.import_id === importId)).toBe(true)
    const overview = await importsOverview(test.db, consultation, 'en')
    expect(overview.responseImports).toMatchObject([{ id: importId, filename: 'paper-survey.csv', responses: 30, answers: ANSWER_ROWS }])
  })

  it('computes the findings from the imported responses', async () => {
    const results = await buildResults(test.db, consultation, 'en')
    expect(results.submitted).toEqual({ kind: 'value', value: 29 })
    const [groups, top, safe] = results.questions
    expect(groups.answered).toEqual({ kind: 'value', value: 25 })
    expect(groups.skipped).toEqual({ kind: 'suppressed', mark: 'c' })
    expect(choice(groups, 'in-care')).toMatchObject({ count: { kind: 'value', value: 20 }, percent: 80, rank: 1 })
    expect(choice(groups, 'young-carers')).toMatchObject({ count: { kind: 'value', value: 12 }, percent: 48 })
    expect(choice(groups, 'teenage-parents')?.count).toEqual({ kind: 'suppressed', mark: 'c' })
    expect(ranking(top, 'less-bullying')).toMatchObject({ bordaScore: 135, firstPreferences: { kind: 'value', value: 15 } })
    expect(ranking(top, 'respect')).toMatchObject({ bordaScore: 90, meanRank: 3 })
    expect(choice(safe, 'safe')).toMatchObject({ count: { kind: 'value', value: 15 }, percent: 50 })
    expect(choice(safe, 'sometimes')?.count).toEqual({ kind: 'suppressed', mark: 'c' })
  })

  it('exports the tidy CSV with every answer, neutralised against formulas, in the format imports read', async () => {
    const { out, text } = collector()
    const { rows } = await exportTidyCsv(test.db, consultation.id, out)
    expect(rows).toBe(ANSWER_ROWS)
    const csv = text()
    expect(csv.startsWith('\ufeffrespondent,status,question,')).toBe(true)
    const records: Array<Record<string, string>> = parse(csv, { bom: true, columns: true })
    expect(records).toHaveLength(ANSWER_ROWS)
    const count = (question: string, option: string) => records.filter((r) => r.question === question && r.option === option && r.skipped === '0').length
    expect(count('priority-groups', 'in-care')).toBe(20)
    expect(count('priority-groups', 'young-carers')).toBe(12)
    expect(records.filter((r) => r.question === 'priority-groups' && r.skipped === '1')).toHaveLength(5)
    expect(records.filter((r) => r.question === 'top-priorities' && r.option === 'less-bullying' && r.position === '1')).toHaveLength(15)
    expect(records.filter((r) => r.question === 'feel-safe' && r.option === 'not-safe' && r.value === '3')).toHaveLength(10)
    expect(
      records
        .map((r) => r.text)
        .filter(Boolean)
        .sort()
    ).toEqual([`'${FORMULA}`, TRICKY].sort())
    expect(new Set(records.map((r) => r.respondent)).size).toBe(30)
    expect(records.every((r) => /^R[0-9a-f]{16}$/.test(r.respondent))).toBe(true)
    expect(records.filter((r) => r.age_band === 'age-11-13' && r.question === 'feel-safe')).toHaveLength(10)
    expect(records.filter((r) => r.status === 'in_progress' && r.question === 'feel-safe')).toHaveLength(1)

    // Respondent codes are new for every export, so two exports cannot be joined on them.
    const again = collector()
    await exportTidyCsv(test.db, consultation.id, again.out)
    const codes = new Set(records.map((r) => r.respondent))
    expect((parse(again.text(), { bom: true, columns: true }) as Array<Record<string, string>>).some((r) => codes.has(r.respondent))).toBe(false)
  })

  it('exports the wide CSV (one row per response) and JSON', async () => {
    const wide = collector()
    expect((await exportWideCsv(test.db, consultation, wide.out)).rows).toBe(30)
    const rows: Array<Record<string, string>> = parse(wide.text(), { bom: true, columns: true })
    expect(rows).toHaveLength(30)
    expect(rows.filter((r) => r['priority-groups:in-care'] === '1')).toHaveLength(20)
    expect(rows.filter((r) => r['priority-groups:skipped'] === '1')).toHaveLength(5)
    expect(rows.filter((r) => r['top-priorities:1'] === 'safe-places')).toHaveLength(15)
    expect(rows.filter((r) => r['feel-safe'] === 'safe')).toHaveLength(15)
    expect(rows.find((r) => r['one-change'].includes('HYPERLINK'))?.['one-change']).toBe(`'${FORMULA}`)

    const json = collector()
    await exportJson(test.db, consultation, json.out)
    const document = JSON.parse(json.text())
    expect(document.questions.map((q: { key: string }) => q.key)).toEqual(['priority-groups', 'top-priorities', 'feel-safe', 'one-change'])
    expect(document.responses).toHaveLength(30)
    expect(document.responses.flatMap((r: { answers: unknown[] }) => r.answers)).toHaveLength(ANSWER_ROWS)
    expect(document.responses.filter((r: { answers: Array<{ text: string | null }> }) => r.answers.some((a) => a.text === FORMULA))).toHaveLength(1)
  })

  it('exports an XLSX workbook that reads back: suppressed summary sheets and the data', async () => {
    const full = collector()
    const { rows } = await exportXlsx(test.db, consultation, { locale: 'en', t, raw: true }, full.out)
    expect(rows).toBe(ANSWER_ROWS)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(full.buffer() as unknown as ExcelJS.Buffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['about', 'Q1 priority-groups', 'Q2 top-priorities', 'Q3 feel-safe', 'Q4 one-change', 'data'])

    const groups = workbook.getWorksheet('Q1 priority-groups')!
    const byKey = new Map<string, ExcelJS.CellValue[]>()
    groups.eachRow((row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1)
      if (typeof values[2] === 'string') byKey.set(values[2], values)
    })
    // rank, label, key, count, percent
    expect(byKey.get('in-care')).toEqual([1, 'Children in care', 'in-care', 20, 80])
    expect(byKey.get('young-carers')).toEqual([2, 'Young carers looking after family members', 'young-carers', 12, 48])
    expect(byKey.get('teenage-parents')?.slice(3)).toEqual(['c', 'c'])

    const top = workbook.getWorksheet('Q2 top-priorities')!
    const bullying = top.getRows(1, top.rowCount)!.find((r) => r.getCell(3).value === 'less-bullying')!
    expect(bullying.getCell(4).value).toBe(135)

    const data = workbook.getWorksheet('data')!
    expect(data.rowCount).toBe(ANSWER_ROWS + 1)
    const textCells = data
      .getRows(2, ANSWER_ROWS)!
      .map((r) => r.getCell(9))
      .filter((c) => c.value)
    // In a workbook the words are kept as typed, as text: never a formula.
    expect(textCells.map((c) => c.value).sort()).toEqual([FORMULA, TRICKY].sort())
    expect(textCells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true)

    // The summary workbook has no data sheet and no words
    const summary = collector()
    await exportXlsx(test.db, consultation, { locale: 'en', t, raw: false }, summary.out)
    const summaryBook = new ExcelJS.Workbook()
    await summaryBook.xlsx.load(summary.buffer() as unknown as ExcelJS.Buffer)
    expect(summaryBook.worksheets.map((s) => s.name)).not.toContain('data')
    expect(summary.buffer().includes(Buffer.from('HYPERLINK'))).toBe(false)
  })

  it('exports the summary CSV with small numbers hidden and no free text', async () => {
    const { out, text } = collector()
    await exportSummaryCsv(test.db, consultation, 'en', out)
    const rows: Array<Record<string, string>> = parse(text(), { bom: true, columns: true })
    expect(rows.find((r) => r.option === 'in-care')).toMatchObject({ question: 'priority-groups', count: '20', percent: '80', answered: '25', skipped: 'c' })
    expect(rows.find((r) => r.option === 'teenage-parents')).toMatchObject({ count: 'c', percent: 'c' })
    expect(rows.find((r) => r.option === 'less-bullying')).toMatchObject({ borda_score: '135', first_preferences: '15' })
    expect(text()).not.toContain('HYPERLINK')
  })

  it('round-trips: the exported tidy CSV imports back and doubles every count', async () => {
    const { out, text } = collector()
    await exportTidyCsv(test.db, consultation.id, out)
    const outcome = await importResponsesCsv(test.db, consultation, file('export.csv', text()), null)
    expect(outcome).toMatchObject({ ok: true, responses: 30, lines: ANSWER_ROWS })
    const results = await buildResults(test.db, consultation, 'en')
    expect(choice(results.questions[0], 'in-care')?.count).toEqual({ kind: 'value', value: 40 })
    expect(ranking(results.questions[1], 'less-bullying')?.bordaScore).toBe(270)
    const words = await test.db.selectFrom('answer').select('text').where('text', 'is not', null).execute()
    expect(words.filter((w) => w.text === FORMULA)).toHaveLength(2)
    if (outcome.ok) expect(await removeResponseImport(test.db, consultation, outcome.importId)).toBe(true)
    expect(await responseCount()).toBe(30)
    expect(choice((await buildResults(test.db, consultation, 'en')).questions[0], 'in-care')?.count).toEqual({ kind: 'value', value: 20 })
  })

  it('imports aggregate counts and checks them against the stated totals', async () => {
    const counts = [
      'group,question,option,position,count,stated_total',
      "St Mary's,feel-safe,safe,,31,50",
      "St Mary's,feel-safe,sometimes,,12,50",
      "St Mary's,feel-safe,not-safe,,7,50",
      'Youth forum,feel-safe,safe,,9,12',
      'Youth forum,priority-groups,in-care,,13,12',
    ].join('\n')
    const outcome = await importAggregatesCsv(test.db, consultation, file('ballots.csv', counts), null)
    expect(outcome).toMatchObject({ ok: true, counts: 5 })
    const overview = await importsOverview(test.db, consultation, 'en')
    const groups = overview.aggregateImports[0].groups
    expect(groups.map((g) => [g.group, g.questionKey, g.consistency.ok])).toEqual([
      ["St Mary's", 'feel-safe', true],
      ['Youth forum', 'priority-groups', false],
      ['Youth forum', 'feel-safe', false],
    ])
    expect(groups[2].consistency.issues).toEqual([{ kind: 'sumDiffers', sum: 9, statedTotal: 12, difference: -3 }])
    expect(groups[1].consistency.issues).toEqual([{ kind: 'partAboveTotal', optionKey: 'in-care', count: 13, statedTotal: 12 }])
    // A bad file is refused whole: the good first line is not kept either
    const before = await test.db
      .selectFrom('aggregate_count')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const refused = await importAggregatesCsv(
      test.db,
      consultation,
      file('bad.csv', 'group,question,option,count,stated_total\nA,feel-safe,safe,3,10\nA,feel-safe,safe,x,10\n'),
      null
    )
    expect(refused).toEqual({ ok: false, errors: [{ line: 3, code: 'badCount', values: { column: 'count' } }] })
    const after = await test.db
      .selectFrom('aggregate_count')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
    if (outcome.ok) expect(await removeAggregateImport(test.db, consultation, outcome.importId)).toBe(true)
    expect((await importsOverview(test.db, consultation, 'en')).aggregateImports).toEqual([])
  })

  it('stops quietly when the download is abandoned', async () => {
    const out = new PassThrough()
    out.destroy()
    await expect(exportTidyCsv(test.db, consultation.id, out)).rejects.toThrow('The download was stopped')
  })
})
