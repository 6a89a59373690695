// The tidy CSV export streams: on 200,000 answer rows it writes many small chunks, never has more
// than one chunk waiting in a slow reader's buffer (it waits for 'drain'), and its memory does not
// grow with the data. Prints rows per second on each database.
import { Writable } from 'node:stream'
import v8 from 'node:v8'
import vm from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBenchConsultation, growBenchAnswers } from '../../bench/export-data'
import { EXPORT_BATCH_RESPONSES, exportTidyCsv } from '~/services/export.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

const ROWS = 200_000

// A full garbage collection on demand, so the test measures memory still in use, not garbage not yet collected.
v8.setFlagsFromString('--expose-gc')
const collectGarbage = vm.runInNewContext('gc') as () => void

describe.each(testDialects())('tidy CSV export streams [%s]', (dialect) => {
  let test: TestDatabase
  let consultationId: string
  let answerRows: number
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    consultationId = await createBenchConsultation(test.db)
    answerRows = await growBenchAnswers(test.db, ROWS)
  }, 300_000)
  afterAll(async () => test.drop())

  it(`writes ${ROWS.toLocaleString('en-GB')} rows in bounded chunks, waits for a slow reader, and keeps memory flat`, async () => {
    let chunks = 0
    let bytes = 0
    let biggestChunk = 0
    let mostWaiting = 0
    let lines = 0
    let liveHeap = 0
    // A reader slower than the export: each chunk is taken on a later turn of the event loop,
    // and its buffer says "full" after 64 KB, so the exporter must wait for 'drain'.
    const slow = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        chunks++
        bytes += chunk.length
        biggestChunk = Math.max(biggestChunk, chunk.length)
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++
        // Memory in use while the export is under way (a batch is held right now)
        if (chunks % 3 === 0) {
          collectGarbage()
          liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed)
        }
        setImmediate(callback)
      },
    })
    const original = slow.write.bind(slow)
    slow.write = ((chunk: Buffer | string, ...rest: never[]) => {
      mostWaiting = Math.max(mostWaiting, slow.writableLength)
      return original(chunk, ...rest)
    }) as typeof slow.write

    collectGarbage()
    const heapBefore = process.memoryUsage().heapUsed
    const started = performance.now()
    const { rows } = await exportTidyCsv(test.db, consultationId, slow)
    const seconds = (performance.now() - started) / 1000

    console.log(
      `[${dialect}] tidy CSV export: ${rows.toLocaleString('en-GB')} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s ` +
        `(slow reader; ${(bytes / 1024 / 1024).toFixed(1)} MB in ${chunks} chunks, at most ${((liveHeap - heapBefore) / 1024 / 1024).toFixed(
          1
        )} MB more memory in use than before; the timing includes the test's garbage collections)`
    )
    expect(rows).toBe(answerRows)
    expect(lines).toBe(answerRows + 1) // the header, then one line a row
    // Batches of EXPORT_BATCH_RESPONSES responses (about 10 rows each): many chunks, none near the whole file
    expect(chunks).toBeGreaterThanOrEqual(Math.floor(answerRows / (EXPORT_BATCH_RESPONSES * 12)))
    expect(biggestChunk).toBeLessThan(bytes / 5)
    // Backpressure: never more than one chunk waiting in the reader's buffer
    expect(mostWaiting).toBeLessThanOrEqual(biggestChunk)
    // The rows as JavaScript objects would take several times the file's size; the export holds one
    // batch at a time, so the memory in use stays near the size of one batch, well below that.
    expect(liveHeap - heapBefore).toBeLessThan(bytes * 1.5)
  }, 300_000)
})
