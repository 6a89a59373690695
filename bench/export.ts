// CSV export speed and memory as the data grows: `npx tsx bench/export.ts`.
// Fills a throwaway database to 100k, 300k and 1M answer rows and times the tidy CSV export
// (app/services/export.server.ts exportTidyCsv) into a byte counter, sampling memory while it runs.
// SQLite by default (a temporary file); BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL
// (the database must exist and be empty, or hold only an earlier run of this benchmark).
// BENCH_SIZES=100000,300000 picks other sizes. Target: ≥ 150,000 rows/s with flat memory.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import v8 from 'node:v8'
import vm from 'node:vm'
import { connect } from '../db/connect'
import { migrateToLatest } from '../db/migrator'
import { exportTidyCsv } from '../app/services/export.server'
import { createBenchConsultation, growBenchAnswers } from './export-data'

const sizes = (process.env.BENCH_SIZES ?? '100000,300000,1000000').split(',').map(Number)
const url = process.env.BENCH_DATABASE_URL
const dir = url ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'export-bench-'))
const db = connect(url ?? `file:${path.join(dir!, 'bench.db')}`)

// A full garbage collection on demand, so memory "in use" means live objects, not garbage not yet collected.
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc') as () => void

/** Memory in use while exporting: a second run that collects garbage after every 5th chunk it receives. */
async function liveMemoryDuringExport(consultationId: string): Promise<number> {
  collectGarbage()
  const before = process.memoryUsage().heapUsed
  let peak = before
  let chunks = 0
  const sink = new Writable({
    write(_chunk: Buffer, _encoding, callback) {
      if (++chunks % 5 === 0) {
        collectGarbage()
        peak = Math.max(peak, process.memoryUsage().heapUsed)
      }
      callback()
    },
  })
  await exportTidyCsv(db, consultationId, sink)
  return peak - before
}

function mb(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

async function main() {
  await migrateToLatest(db)
  const consultationId = await createBenchConsultation(db)
  console.log(`CSV export benchmark on ${url ? 'PostgreSQL' : 'SQLite'} (Node ${process.version}, ${os.cpus().length} cores)`)
  // CPU seconds say how fast it is on a machine busy with other work.
  console.log(`load average ${os.loadavg()[0].toFixed(1)}; PostgreSQL's own work is not in "CPU s" (it runs in the server process)`)
  console.log('answer rows | seconds | rows/s | CPU s | rows per CPU s | CSV size | memory in use during export (heap, after GC, above before) | peak RSS')
  for (const size of sizes) {
    const filling = performance.now()
    const have = await growBenchAnswers(db, size)
    const fillSeconds = (performance.now() - filling) / 1000
    collectGarbage()
    let peakRss = process.memoryUsage().rss
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20)
    let bytes = 0
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length
        callback()
      },
    })
    const started = performance.now()
    const cpuStart = process.cpuUsage()
    const { rows } = await exportTidyCsv(db, consultationId, sink)
    const seconds = (performance.now() - started) / 1000
    const cpu = process.cpuUsage(cpuStart)
    const cpuSeconds = (cpu.user + cpu.system) / 1e6
    clearInterval(sampler)
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
    if (rows !== have) throw new Error(`exported ${rows} rows, expected ${have}`)
    const live = await liveMemoryDuringExport(consultationId)
    console.log(
      `${rows.toLocaleString('en-GB').padStart(11)} | ${seconds.toFixed(2).padStart(7)} | ${Math.round(rows / seconds)
        .toLocaleString('en-GB')
        .padStart(7)} | ${cpuSeconds.toFixed(2)} | ${Math.round(rows / cpuSeconds).toLocaleString('en-GB')} | ${mb(bytes).padStart(8)} | ${mb(live)} | ${mb(
        peakRss
      )}   (filled in ${fillSeconds.toFixed(1)} s)`
    )
  }
}

main()
  .catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(async () => {
    await db.destroy()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })
