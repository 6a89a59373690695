// `npm run db:seed` — the demo consultation (safe to run again: it does nothing the second time).
import { connect, DEFAULT_DATABASE_URL, dialectOf } from './connect'
import { migrateToLatest } from './migrator'
import { DEMO_SLUG, seedDemo } from './seed/demo'

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
const db = connect(url)
try {
  await migrateToLatest(db)
  const created = await seedDemo(db)
  console.log(`[db:seed] ${dialectOf(url)}: ${created ? `created the demo consultation "${DEMO_SLUG}"` : 'demo already present'}`)
} catch (error) {
  console.error(`[db:seed] ${(error as Error).stack ?? error}`)
  process.exitCode = 1
} finally {
  await db.destroy()
}
