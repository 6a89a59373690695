// The end-to-end tests' own record of what they saved, so the planner's page can be checked against
// exact numbers: seed + every answer the journeys saved (+ every response they finished).
//
// Answers are recorded as soon as the app has accepted them (the next page opened), because the
// planner's tables count saved answers of unfinished responses too: a journey that fails halfway
// still changes the numbers, and the ledger still knows by how much.
//
// It lives beside the test database (data/e2e.db.journeys.json) and tests/e2e/serve.mjs deletes it
// together with data/e2e.db*, so it always describes exactly the database the server is using,
// even when a failed test restarts Playwright's worker (which loses in-memory state).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const file = path.resolve(root, `${process.env.E2E_DATABASE_FILE ?? 'data/e2e.db'}.journeys.json`)

export interface SavedJourney {
  /** priority-groups: the options ticked */
  groups?: string[]
  /** top-priorities: option key → number */
  ranking?: Record<string, number>
  /** feel-safe: the option chosen */
  feelSafe?: string
  /** one-change: the text */
  text?: string
  /** reached the thanks page */
  submitted?: boolean
}

export interface Ledger {
  /** Numbers read from the planner's page before any journey (the seeded random ones). */
  baseline?: { borda: Record<string, number>; first: Record<string, number>; feelSafe: Record<string, number> }
  /** By journey name, in the order they started. */
  journeys: Record<string, SavedJourney>
}

export function readLedger(): Ledger {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Ledger
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { journeys: {} }
    throw error
  }
}

function write(ledger: Ledger) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(ledger, null, 2)}\n`)
}

export function recordBaseline(baseline: NonNullable<Ledger['baseline']>) {
  const ledger = readLedger()
  const started = Object.keys(ledger.journeys)
  if (started.length) throw new Error(`The planner baseline must be read before any journey; already started: ${started.join(', ')}`)
  write({ ...ledger, baseline })
}

/** Records what one journey has saved so far (a later call for the same answer replaces it, as the app does). */
export function recordSaved(journeyName: string, saved: SavedJourney) {
  const ledger = readLedger()
  write({ ...ledger, journeys: { ...ledger.journeys, [journeyName]: { ...ledger.journeys[journeyName], ...saved } } })
}
