// Responses read from a tidy CSV: saved all together in one transaction, each marked with its import.
import crypto from 'node:crypto'
import type { ImportedResponse } from '~/domain/csv-format'
import { serialiseDemographics } from '~/domain/demographics'
import { addImportToTallies, removeImportFromTallies } from '~/models/tally-cell.server'
import type { DB } from '~/utils/db.server'

const RESPONSES_PER_INSERT = 500
const ANSWERS_PER_INSERT = 1000

/** Saves an import and all its responses, or nothing if anything fails. Returns the import's id. */
export async function insertResponseImport(
  db: DB,
  input: { consultationId: string; locale: string; filename: string; userId: string | null; responses: ImportedResponse[]; now: string }
): Promise<{ id: string; responses: number; answers: number }> {
  const id = crypto.randomUUID()
  const answers = input.responses.reduce((n, r) => n + r.answers.length, 0)
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('response_import')
      .values({ id, consultation_id: input.consultationId, filename: input.filename, responses: input.responses.length, answers, created_by: input.userId, created_at: input.now })
      .execute()
    for (let start = 0; start < input.responses.length; start += RESPONSES_PER_INSERT) {
      const slice = input.responses.slice(start, start + RESPONSES_PER_INSERT)
      // No device holds a token for an imported response: its "resume hash" is random, so it can never be resumed.
      const hashes = slice.map(() => crypto.randomBytes(32).toString('hex'))
      await trx
        .insertInto('response')
        .values(
          slice.map((r, i) => ({
            consultation_id: input.consultationId,
            resume_hash: hashes[i],
            locale: input.locale,
            status: r.status,
            entered_on_behalf: 0,
            demographics: serialiseDemographics(r.demographics),
            created_at: input.now,
            submitted_at: r.status === 'submitted' ? input.now : null,
            import_id: id,
          }))
        )
        .execute()
      const ids = await trx.selectFrom('response').select(['id', 'resume_hash']).where('resume_hash', 'in', hashes).execute()
      const idOf = new Map(ids.map((r) => [r.resume_hash, r.id]))
      const rows = slice.flatMap((r, i) =>
        r.answers.map((a) => ({
          response_id: idOf.get(hashes[i])!,
          question_id: a.questionId,
          option_id: a.optionId,
          rank: a.rank,
          value: a.value,
          text: a.text,
          skipped: a.skipped ? 1 : 0,
        }))
      )
      for (let i = 0; i < rows.length; i += ANSWERS_PER_INSERT)
        await trx
          .insertInto('answer')
          .values(rows.slice(i, i + ANSWERS_PER_INSERT))
          .execute()
    }
    await addImportToTallies(trx, id)
  })
  return { id, responses: input.responses.length, answers }
}

export async function listResponseImports(db: DB, consultationId: string) {
  return db.selectFrom('response_import').selectAll().where('consultation_id', '=', consultationId).orderBy('created_at', 'desc').orderBy('id').execute()
}

/** Takes an import back out: its responses and their answers go with it. Returns false if there was none. */
export async function deleteResponseImport(db: DB, consultationId: string, importId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('response_import').select('id').where('id', '=', importId).where('consultation_id', '=', consultationId).executeTakeFirst()
    if (!found) return false
    const responses = trx.selectFrom('response').select('id').where('import_id', '=', importId)
    await removeImportFromTallies(trx, importId)
    await trx.deleteFrom('answer').where('response_id', 'in', responses).execute()
    await trx.deleteFrom('response').where('import_id', '=', importId).execute()
    await trx.deleteFrom('response_import').where('id', '=', importId).execute()
    return true
  })
}
