// Aggregates for the participation record: finished responses by demographic snapshot and by the
// supports they were given with. GROUP BY only; no response is loaded.
import { sql } from 'kysely'
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

/** Finished responses by how they were given: paper (on behalf), imported, and the session's kiosk flag and setting. */
export async function countSubmittedByRoute(db: DB, consultationId: string) {
  const imported = sql<number>`case when response.import_id is null then 0 else 1 end`
  const rows = await db
    .selectFrom('response')
    .leftJoin('session', 'session.id', 'response.session_id')
    .select(['response.entered_on_behalf', 'session.kiosk', 'session.setting', imported.as('imported'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('response.consultation_id', '=', consultationId)
    .where('response.status', '=', 'submitted')
    .groupBy(['response.entered_on_behalf', 'session.kiosk', 'session.setting', imported])
    .execute()
  return rows.map((r) => ({
    onBehalf: Number(r.entered_on_behalf) === 1,
    imported: Number(r.imported) === 1,
    kiosk: r.kiosk === null ? null : Number(r.kiosk) === 1,
    setting: r.setting ?? null,
    count: Number(r.n),
  }))
}

/** Group activity results by kind and session setting: how many groups, and how many people by group size. */
export async function countGroupActivities(db: DB, consultationId: string) {
  const rows = await db
    .selectFrom('group_result')
    .innerJoin('session', 'session.id', 'group_result.session_id')
    .select(['group_result.kind', 'session.setting', (eb) => eb.fn.countAll<number>().as('groups'), (eb) => eb.fn.sum<number>('group_result.people').as('people')])
    .where('group_result.consultation_id', '=', consultationId)
    .groupBy(['group_result.kind', 'session.setting'])
    .execute()
  return rows.map((r) => ({ kind: r.kind, setting: r.setting, groups: Number(r.groups), people: Number(r.people ?? 0) }))
}

/**
 * Paper tallies (aggregate imports): per file and group, the largest stated total of its questions,
 * which is the most people that group's counts can speak for.
 */
export async function countTallyGroups(db: DB, consultationId: string) {
  const rows = await db
    .selectFrom('aggregate_count')
    .innerJoin('aggregate_import', 'aggregate_import.id', 'aggregate_count.aggregate_import_id')
    .leftJoin('session', 'session.id', 'aggregate_import.session_id')
    .select(['aggregate_import.id', 'session.setting', 'aggregate_count.group_label', (eb) => eb.fn.max('aggregate_count.stated_total').as('people')])
    .where('aggregate_import.consultation_id', '=', consultationId)
    .groupBy(['aggregate_import.id', 'session.setting', 'aggregate_count.group_label'])
    .execute()
  return rows.map((r) => ({ importId: r.id, setting: r.setting ?? null, people: Number(r.people ?? 0) }))
}
