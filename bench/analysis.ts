// Analysis at scale: generates a consultation with 1,000,000 responses (a 10-option multi-select,
// a 10-item top-5 ranking, a 5-point scale and three demographic questions), then times and
// measures peak memory of (1) every tally, (2) a cross-tab by two fields with suppression and
// (3) a full tidy CSV export.
//
//   npx tsx bench/analysis.ts [--responses 1000000] [--keep]
//   DATABASE_URL=postgres://user@host:5432/throwaway npx tsx bench/analysis.ts
//
// SQLite goes to a new temporary directory (removed afterwards unless --keep). With DATABASE_URL
// the tables are created there if missing and the bench consultation is deleted at the end unless
// --keep: use a throwaway database.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { connect, dialectOf, sqlitePathOf } from '../db/connect'
import { migrateToLatest } from '../db/migrator'
import { rebuildTallies } from '../app/models/tally-cell.server'
import { buildResults } from '../app/services/results.server'

const args = process.argv.slice(2)
const RESPONSES = Number(args[args.indexOf('--responses') + 1] ?? 0) || 1_000_000
const KEEP = args.includes('--keep')
// --reuse <file.db>: measure a database kept by an earlier --keep run, without generating again.
const REUSE = args.includes('--reuse') ? args[args.indexOf('--reuse') + 1] : null
const GENERATE_ONLY = args.includes('--generate-only')
const THRESHOLD = 10

// ---- Where ---------------------------------------------------------------------------------------
const tempDir = process.env.DATABASE_URL || REUSE ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'voices-bench-analysis-'))
const url = REUSE ? `file:${REUSE}` : (process.env.DATABASE_URL ?? `file:${path.join(tempDir!, 'bench.db')}`)
const dialect = dialectOf(url)

// ---- Measuring -----------------------------------------------------------------------------------
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

async function measure<T>(name: string, run: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number }> {
  global.gc?.()
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
  const started = process.hrtime.bigint()
  const result = await run().finally(() => clearInterval(sampler))
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  peak = Math.max(peak, process.memoryUsage().rss)
  console.log(`${name.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s   peak RSS ${String(mb(peak)).padStart(5)} MB`)
  return { result, seconds, peakMb: mb(peak) }
}

// ---- The data ------------------------------------------------------------------------------------
// Park–Miller: the same data on every run.
let seed = 20071130
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
const pick = <T>(values: readonly T[], weights: readonly number[]): T => {
  let r = random() * weights.reduce((a, b) => a + b, 0)
  for (let i = 0; i < values.length; i++) if ((r -= weights[i]) < 0) return values[i]
  return values[values.length - 1]
}

const id = () => crypto.randomUUID()
const ids = { consultation: id(), organisation: id() }
const slug = `bench-analysis-${ids.consultation.slice(0, 8)}`
const groupOptions = Array.from({ length: 10 }, (_, i) => `group-${i + 1}`)
const groupChance = groupOptions.map((_, i) => 0.15 + i * 0.045)
const items = Array.from({ length: 10 }, (_, i) => `item-${i + 1}`)
const itemWeights = items.map((_, i) => 10 - i + 3)
const faces = ['very-unhappy', 'unhappy', 'ok', 'happy', 'very-happy']
const ages = ['age-under-8', 'age-8-10', 'age-11-13', 'age-14-16', 'age-17-19', 'age-20-25']
const genders = ['girl', 'boy', 'non-binary', 'self-describe']
const areas = Array.from({ length: 10 }, (_, i) => `area-${i + 1}`)

type Q = { id: string; key: string; type: string; config: object; options: Array<{ id: string; key: string }> }
const question = (key: string, type: string, config: object, keys: string[]): Q => ({ id: id(), key, type, config, options: keys.map((k) => ({ id: id(), key: k })) })
const questions: Q[] = [
  question('groups', 'multi', {}, groupOptions),
  question('top-five', 'ranking', { rankCount: 5 }, items),
  question('feel', 'scale', { style: 'emoji' }, faces),
  question('age', 'demographic', { field: 'ageBand' }, ages),
  question('gender', 'demographic', { field: 'gender' }, genders),
  question('area', 'demographic', { field: 'area' }, areas),
]
const [qGroups, qRank, qScale, qAge, qGender, qArea] = questions

type AnswerRow = [responseId: number, questionId: string, optionId: string | null, rank: number | null, skipped: 0 | 1]

function respond(responseId: number, answers: AnswerRow[]): string | null {
  const demographics: Record<string, string> = {}
  const demographic = (q: Q, field: string, values: string[], weights: number[]) => {
    const r = random()
    if (r < 0.04) return // not reached
    if (r < 0.08) {
      demographics[field] = 'prefer-not-to-say'
      answers.push([responseId, q.id, null, null, 1])
      return
    }
    const value = pick(values, weights)
    demographics[field] = value
    answers.push([responseId, q.id, q.options.find((o) => o.key === value)!.id, null, 0])
  }
  if (random() < 0.03) answers.push([responseId, qGroups.id, null, null, 1])
  else {
    let chosen = 0
    qGroups.options.forEach((option, i) => {
      if (random() < groupChance[i]) {
        answers.push([responseId, qGroups.id, option.id, null, 0])
        chosen++
      }
    })
    if (chosen === 0) answers.push([responseId, qGroups.id, qGroups.options[Math.floor(random() * 10)].id, null, 0])
  }
  if (random() < 0.03) answers.push([responseId, qRank.id, null, null, 1])
  else {
    const length = random() < 0.9 ? 5 : 1 + Math.floor(random() * 4) // one in ten ranks fewer than five
    const left = [...qRank.options]
    const weights = [...itemWeights]
    for (let position = 1; position <= length; position++) {
      const option = pick(left, weights)
      const at = left.indexOf(option)
      left.splice(at, 1)
      weights.splice(at, 1)
      answers.push([responseId, qRank.id, option.id, position, 0])
    }
  }
  if (random() < 0.03) answers.push([responseId, qScale.id, null, null, 1])
  else answers.push([responseId, qScale.id, pick(qScale.options, [1, 2, 4, 5, 3]).id, null, 0])
  demographic(qAge, 'ageBand', ages, [1, 4, 6, 6, 3, 1])
  demographic(qGender, 'gender', genders, [48, 47, 3, 2])
  demographic(qArea, 'area', areas, [9, 8, 12, 7, 11, 10, 6, 14, 13, 10])
  const ordered: Record<string, string> = {}
  for (const field of ['ageBand', 'gender', 'area']) if (demographics[field]) ordered[field] = demographics[field]
  return Object.keys(ordered).length ? JSON.stringify(ordered) : null
}

// ---- Loading -------------------------------------------------------------------------------------
const BATCH = 5000
const now = new Date().toISOString()

async function setUp() {
  const db = connect(url)
  await migrateToLatest(db)
  await db.insertInto('organisation').values({ id: ids.organisation, name: 'Bench council', suppression_threshold: THRESHOLD, created_at: now }).execute()
  await db
    .insertInto('consultation')
    .values({ id: ids.consultation, organisation_id: ids.organisation, slug, status: 'closed', default_locale: 'en', anonymity: 'anonymous', lawful_basis: 'public_task', retention_days: 730, symbol_mode_default: 0, created_at: now, updated_at: now })
    .execute()
  await db.insertInto('translation').values({ entity_type: 'consultation', entity_id: ids.consultation, field: 'title', locale: 'en', register: 'plain', value: 'Bench consultation' }).execute()
  for (const [position, q] of questions.entries()) {
    await db.insertInto('question').values({ id: q.id, consultation_id: ids.consultation, position: position + 1, key: q.key, type: q.type, required: 0, config: JSON.stringify(q.config), symbol: null }).execute()
    await db.insertInto('translation').values({ entity_type: 'question', entity_id: q.id, field: 'prompt', locale: 'en', register: 'plain', value: `Question ${q.key}` }).execute()
    for (const [index, option] of q.options.entries()) {
      await db.insertInto('option').values({ id: option.id, question_id: q.id, position: index + 1, key: option.key, symbol: null }).execute()
      await db.insertInto('translation').values({ entity_type: 'option', entity_id: option.id, field: 'label', locale: 'en', register: 'plain', value: option.key }).execute()
    }
  }
  return db
}

async function load(): Promise<number> {
  let answerCount = 0
  if (dialect === 'sqlite') {
    const sqlite = new SQLite(sqlitePathOf(url))
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = OFF')
    const first = (sqlite.prepare('SELECT COALESCE(MAX(id), 0) AS max FROM response').get() as { max: number }).max
    const responseStatement = (rows: number) =>
      sqlite.prepare(`INSERT INTO response (id, consultation_id, resume_hash, locale, status, demographics, created_at, submitted_at) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`)
    const answerStatement = (rows: number) => sqlite.prepare(`INSERT INTO answer (response_id, question_id, option_id, rank, skipped) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?)').join(', ')}`)
    const responseChunk = 1000 // 8 values a row: SQLite allows 32,766 per statement
    const fullResponses = responseStatement(responseChunk)
    const answerChunk = 1000
    const fullAnswers = answerStatement(answerChunk)
    const insertBatch = sqlite.transaction((from: number, to: number) => {
      const responses: unknown[] = []
      const answers: AnswerRow[] = []
      for (let n = from; n < to; n++) {
        const responseId = first + n + 1
        const demographics = respond(responseId, answers)
        responses.push(responseId, ids.consultation, `bench-${ids.consultation.slice(0, 8)}-${responseId}`, 'en', 'submitted', demographics, now, now)
      }
      for (let i = 0; i < responses.length; i += responseChunk * 8) {
        const chunk = responses.slice(i, i + responseChunk * 8)
        ;(chunk.length === responseChunk * 8 ? fullResponses : responseStatement(chunk.length / 8)).run(chunk)
      }
      for (let i = 0; i < answers.length; i += answerChunk) {
        const chunk = answers.slice(i, i + answerChunk)
        ;(chunk.length === answerChunk ? fullAnswers : answerStatement(chunk.length)).run(chunk.flat())
      }
      answerCount += answers.length
    })
    for (let from = 0; from < RESPONSES; from += BATCH) insertBatch(from, Math.min(RESPONSES, from + BATCH))
    sqlite.pragma('synchronous = FULL')
    sqlite.exec('ANALYZE')
    sqlite.close()
    return answerCount
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const first = Number((await client.query('SELECT COALESCE(MAX(id), 0) AS max FROM response')).rows[0].max)
  for (let from = 0; from < RESPONSES; from += BATCH) {
    const to = Math.min(RESPONSES, from + BATCH)
    const responseIds: number[] = []
    const hashes: string[] = []
    const demographics: Array<string | null> = []
    const answers: AnswerRow[] = []
    for (let n = from; n < to; n++) {
      const responseId = first + n + 1
      responseIds.push(responseId)
      hashes.push(`bench-${ids.consultation.slice(0, 8)}-${responseId}`)
      demographics.push(respond(responseId, answers))
    }
    await client.query('BEGIN')
    await client.query(
      `INSERT INTO response (id, consultation_id, resume_hash, locale, status, demographics, created_at, submitted_at)
       SELECT id, $2, hash, 'en', 'submitted', demographics, $3, $3 FROM unnest($1::int[], $4::text[], $5::text[]) AS t(id, hash, demographics)`,
      [responseIds, ids.consultation, now, hashes, demographics],
    )
    await client.query(
      `INSERT INTO answer (response_id, question_id, option_id, rank, skipped)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::int[])`,
      [answers.map((a) => a[0]), answers.map((a) => a[1]), answers.map((a) => a[2]), answers.map((a) => a[3]), answers.map((a) => a[4])],
    )
    await client.query('COMMIT')
    answerCount += answers.length
  }
  // Ids were given explicitly: move the sequences past them.
  await client.query(`SELECT setval(pg_get_serial_sequence('response', 'id'), (SELECT MAX(id) FROM response))`)
  await client.query(`SELECT setval(pg_get_serial_sequence('answer', 'id'), (SELECT MAX(id) FROM answer))`)
  await client.query('ANALYZE response')
  await client.query('ANALYZE answer')
  await client.end()
  return answerCount
}

// ---- Run -----------------------------------------------------------------------------------------
async function main() {
  console.log(`bench/analysis: ${RESPONSES.toLocaleString('en-GB')} responses on ${dialect === 'sqlite' ? `SQLite (${sqlitePathOf(url)})` : 'PostgreSQL'}; threshold ${THRESHOLD}`)
  let db: Awaited<ReturnType<typeof setUp>>
  let consultationId: string = ids.consultation
  if (REUSE) {
    db = connect(url)
    await measure('migrate the kept database', () => migrateToLatest(db))
    consultationId = (await db.selectFrom('consultation').select('id').where('slug', 'like', 'bench-analysis-%').executeTakeFirstOrThrow()).id
  } else {
    db = await setUp()
    const generated = await measure('generate (batched INSERTs, transactions)', load)
    console.log(`  ${RESPONSES.toLocaleString('en-GB')} responses, ${generated.result.toLocaleString('en-GB')} answer rows`)
    // The rows went in around the app, so count them into the tally cells once, as the demo seed does;
    // in use the cells are kept up to date as each response is finished (docs/decisions/009-tally-cells.md).
    await measure('count into tally cells (once, after bulk load)', () => rebuildTallies(db, ids.consultation))
  }
  if (GENERATE_ONLY) {
    await db.destroy()
    console.log(`kept ${url}`)
    return
  }

  const consultation = await db.selectFrom('consultation').selectAll().where('id', '=', consultationId).executeTakeFirstOrThrow()
  const tallies = await measure('all tallies (every question)', () => buildResults(db, consultation, 'en'))
  const crossTab = await measure('tallies + cross-tab by age band × gender', () => buildResults(db, consultation, 'en', { breakdown: ['ageBand', 'gender'] }))
  const hidden = crossTab.result.questions.flatMap((q) => q.crossTab?.cells.flat() ?? []).filter((cell) => cell.count.kind !== 'value').length
  const rows = crossTab.result.questions.find((q) => q.key === 'groups')?.crossTab?.groups.length ?? 0
  console.log(`  ${tallies.result.questions.length} questions; cross-tab rows per question ${rows}; hidden cells ${hidden}`)
  console.log(`  tallies + cross-tab: ${crossTab.seconds.toFixed(2)} s (target ≤ 2 s): ${crossTab.seconds <= 2 ? 'met' : 'MISSED'}`)

  const exporter = await loadExporter()
  if (!exporter) console.log('export: not available yet (app/services/export.server.ts has no exportTidyCsv)')
  else {
    let bytes = 0
    const sink = new Writable({
      write(chunk, _encoding, done) {
        bytes += chunk.length
        done()
      },
    })
    const exported = await measure('full tidy CSV export', () => exporter(db, consultationId, sink))
    const perSecond = exported.result.rows / exported.seconds
    console.log(`  ${exported.result.rows.toLocaleString('en-GB')} rows, ${mb(bytes)} MB, ${Math.round(perSecond).toLocaleString('en-GB')} rows/s (target ≥ 150,000)`)
  }

  if (!KEEP && dialect === 'postgres') {
    await db.deleteFrom('answer').where('question_id', 'in', questions.map((q) => q.id)).execute()
    await db.deleteFrom('tally_cell').where('question_id', 'in', questions.map((q) => q.id)).execute()
    await db.deleteFrom('consultation').where('id', '=', consultationId).execute()
    await db.deleteFrom('organisation').where('id', '=', ids.organisation).execute()
  }
  await db.destroy()
  if (tempDir && !KEEP) fs.rmSync(tempDir, { recursive: true, force: true })
  else if (tempDir) console.log(`kept ${tempDir}`)
}

type Exporter = (db: Awaited<ReturnType<typeof setUp>>, consultationId: string, out: Writable) => Promise<{ rows: number }>

async function loadExporter(): Promise<Exporter | null> {
  try {
    const module = (await import('../app/services/export.server')) as { exportTidyCsv?: Exporter }
    return typeof module.exportTidyCsv === 'function' ? module.exportTidyCsv : null
  } catch (error) {
    console.log(`export: could not load app/services/export.server.ts (${(error as Error).message.split('\n')[0]})`)
    return null
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
