// Retention (app/services/retention.server.ts) looks for each consultation's responses started before a
// cutoff: this index makes that a range scan, whatever the number of responses kept.
import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('response_consultation_created').on('response').columns(['consultation_id', 'created_at']).execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('response_consultation_created').execute()
}
