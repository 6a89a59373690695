// `npm run db:migrate` — applies pending migrations to DATABASE_URL (default: SQLite file).
import { connect, DEFAULT_DATABASE_URL, dialectOf } from './connect'
import { migrateToLatest } from './migrator'

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
const db = connect(url)
try {
  const applied = await migrateToLatest(db)
  console.log(`[db:migrate] ${dialectOf(url)}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`)
} catch (error) {
  console.error(`[db:migrate] ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await db.destroy()
}
