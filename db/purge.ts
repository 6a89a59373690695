// `npm run purge` — deletes, now, every response older than its consultation's retention period (the
// running server also does this a minute after it starts and every six hours). Prints what went.
import { purgeExpiredResponses } from '../app/services/retention.server'
import { connect, DEFAULT_DATABASE_URL } from './connect'
import { migrateToLatest } from './migrator'

const db = connect(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL)
try {
  await migrateToLatest(db)
  const purged = await purgeExpiredResponses(db)
  if (purged.length === 0) console.log('Nothing to delete: every response is within its consultation’s retention period.')
  for (const p of purged) console.log(`${p.slug}: deleted ${p.deleted} response(s) started before ${p.cutoff}`)
} finally {
  await db.destroy()
}
