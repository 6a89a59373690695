// Aggregates for the participation record: finished responses by demographic snapshot and by the
// supports they were given with. GROUP BY only; no response is loaded.
import type { DB } from '~/utils/db.server'

export async function countSubmittedBySnapshot(db: DB, consultationId: string) {
  const rows = await db
    .selectFrom('response')
    .select(['demographics', (eb) => eb.fn.countAll<number>().as('n')])
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'submitted')
    .groupBy('demographics')
    .execute()
  return rows.map((r) => ({ demographics: r.demographics, count: Number(r.n) }))
}

/** Language (the one finished in, else the one started in), symbols, Easy Read and method. */
export async function countSubmittedBySupports(db: DB, consultationId: string) {
  const rows = await db
    .selectFrom('response')
    .select((eb) => [
      eb.fn.coalesce('finished_locale', 'locale').as('language'),
      'used_symbols',
      'used_easy_read',
      'entered_on_behalf',
      eb.fn.countAll<number>().as('n'),
    ])
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'submitted')
    .groupBy([(eb) => eb.fn.coalesce('finished_locale', 'locale'), 'used_symbols', 'used_easy_read', 'entered_on_behalf'])
    .execute()
  const flag = (value: number | null) => (value === null ? null : value === 1)
  return rows.map((r) => ({ locale: String(r.language), symbols: flag(r.used_symbols), easyRead: flag(r.used_easy_read), onBehalf: r.entered_on_behalf === 1, count: Number(r.n) }))
}

/** Records, as the response finishes, the language, symbols and Easy Read it finished with. */
export async function recordResponseSupports(db: DB, responseId: number, supports: { locale: string; symbols: boolean; easyRead: boolean }) {
  await db
    .updateTable('response')
    .set({ finished_locale: supports.locale, used_symbols: supports.symbols ? 1 : 0, used_easy_read: supports.easyRead ? 1 : 0 })
    .where('id', '=', responseId)
    .execute()
}
