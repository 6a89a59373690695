import { sql } from 'kysely'
import type { DB } from '~/utils/db.server'

/** Throws when the database does not answer (the health check's only question). */
export async function pingDatabase(db: DB): Promise<void> {
  await sql`select 1`.execute(db)
}
