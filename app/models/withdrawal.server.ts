// Finding a finished response by its receipt code's hash, and deleting it when the participant takes
// their answers back. The code itself never reaches the database: only sha-256(code) does.
import type { ConsultationRow } from '../../db/schema'
import { removeResponsesFromTallies } from '~/models/tally-cell.server'
import type { DB } from '~/utils/db.server'

export interface ReceiptResponse {
  id: number
  locale: string
  consultation: ConsultationRow
}

/**
 * The finished response whose receipt code hashes to `receiptHash`. An equality lookup on a unique,
 * indexed hash: how long it takes does not depend on how much of a guessed code was right.
 */
export async function findResponseByReceiptHash(db: DB, receiptHash: string): Promise<ReceiptResponse | undefined> {
  const row = await db
    .selectFrom('response')
    .select(['id', 'consultation_id', 'locale'])
    .where('receipt_hash', '=', receiptHash)
    .where('status', '=', 'submitted')
    .executeTakeFirst()
  if (!row) return undefined
  const consultation = await db.selectFrom('consultation').selectAll().where('id', '=', row.consultation_id).executeTakeFirstOrThrow()
  return { id: row.id, locale: row.locale, consultation }
}

class AlreadyGone extends Error {}

/**
 * Deletes the response and everything made from it, in one transaction: its answers here, and (by
 * ON DELETE CASCADE on response_id) any later table that hangs off a response. The receipt hash is
 * checked again inside the transaction, so two withdrawals at once delete once and the other finds
 * nothing. Returns false when there was nothing (left) to delete.
 */
export async function deleteResponseByReceipt(db: DB, responseId: number, receiptHash: string): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => {
      const found = await trx.selectFrom('response').select('id').where('id', '=', responseId).where('receipt_hash', '=', receiptHash).executeTakeFirst()
      if (!found) throw new AlreadyGone()
      await removeResponsesFromTallies(trx, [responseId])
      await trx.deleteFrom('answer').where('response_id', '=', responseId).execute()
      const deleted = await trx.deleteFrom('response').where('id', '=', responseId).where('receipt_hash', '=', receiptHash).executeTakeFirst()
      if (Number(deleted.numDeletedRows) !== 1) throw new AlreadyGone()
    })
    return true
  } catch (error) {
    if (error instanceof AlreadyGone) return false
    throw error
  }
}
