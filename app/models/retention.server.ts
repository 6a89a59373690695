// Deleting responses past their consultation's retention period, in small batches so a big purge never
// holds a long write lock (SQLite) or builds one huge transaction, and never loads every row.
import { removeResponsesFromTallies } from '~/models/tally-cell.server'
import type { DB } from '~/utils/db.server'

export interface ConsultationRetention {
  id: string
  slug: string
  retentionDays: number
}

export async function listConsultationRetention(db: DB): Promise<ConsultationRetention[]> {
  const rows = await db.selectFrom('consultation').select(['id', 'slug', 'retention_days']).orderBy('slug').execute()
  return rows.map((r) => ({ id: r.id, slug: r.slug, retentionDays: Number(r.retention_days) }))
}

/** How many of the consultation's responses were started before `cutoff` (ISO-8601). */
export async function countResponsesStartedBefore(db: DB, consultationId: string, cutoff: string): Promise<number> {
  const row = await db
    .selectFrom('response')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('consultation_id', '=', consultationId)
    .where('created_at', '<', cutoff)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Deletes up to `batchSize` of the consultation's responses started before `cutoff`, with their answers
 * (and, by ON DELETE CASCADE, anything else that hangs off a response), in one transaction. Returns how
 * many responses went; call again until it returns 0.
 */
export async function deleteResponsesStartedBefore(db: DB, consultationId: string, cutoff: string, batchSize: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ids = (
      await trx
        .selectFrom('response')
        .select('id')
        .where('consultation_id', '=', consultationId)
        .where('created_at', '<', cutoff)
        .orderBy('created_at')
        .limit(batchSize)
        .execute()
    ).map((r) => r.id)
    if (ids.length === 0) return 0
    await removeResponsesFromTallies(trx, ids)
    await trx.deleteFrom('answer').where('response_id', 'in', ids).execute()
    const deleted = await trx.deleteFrom('response').where('id', 'in', ids).executeTakeFirst()
    // One of them went meanwhile (taken back with its receipt code): its answers were already taken out of
    // the tally cells, so undo this batch and let the caller try again.
    if (Number(deleted.numDeletedRows) !== ids.length) throw new RaceLost()
    return ids.length
  }).catch((error: unknown) => {
    if (error instanceof RaceLost) return deleteResponsesStartedBefore(db, consultationId, cutoff, batchSize)
    throw error
  })
}

class RaceLost extends Error {}
