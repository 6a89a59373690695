// Counts kept as answers are submitted (docs/decisions/009-tally-cells.md): per question, the group of
// respondents (the response's demographics snapshot, '' for none), what is counted (o: an option at a
// position; a: respondents who answered; s: respondents who chose "I don't want to say"; r: finished
// responses, with the consultation's id in question_id), the option ('' for none) and the position (0
// for none). Filled here from the answers already stored.
import { type Kysely, sql } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('tally_cell')
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('option_id', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tally_cell_pk', ['question_id', 'kind', 'option_id', 'rank', 'profile'])
    .execute()
  // Readers add the answers of responses still in progress live; this keeps finding those responses quick
  // however many are finished (a plain index on status is skipped by SQLite's planner when most rows share it).
  await sql`create index response_in_progress on response (consultation_id) where status = 'in_progress'`.execute(db)
  // What is already there (frozen SQL: this migration must not change when the app's code does).
  await sql`
    insert into tally_cell (question_id, profile, kind, option_id, rank, n)
    select a.question_id, coalesce(r.demographics, ''), 'o', a.option_id, coalesce(a.rank, 0), count(*)
    from answer a inner join response r on r.id = a.response_id
    where r.status = 'submitted' and a.skipped = 0 and a.option_id is not null
    group by a.question_id, r.demographics, a.option_id, a.rank`.execute(db)
  await sql`
    insert into tally_cell (question_id, profile, kind, option_id, rank, n)
    select a.question_id, coalesce(r.demographics, ''), case when a.skipped = 1 then 's' else 'a' end, '', 0, count(distinct a.response_id)
    from answer a inner join response r on r.id = a.response_id
    where r.status = 'submitted'
    group by a.question_id, r.demographics, a.skipped`.execute(db)
  await sql`
    insert into tally_cell (question_id, profile, kind, option_id, rank, n)
    select r.consultation_id, coalesce(r.demographics, ''), 'r', '', 0, count(*)
    from response r
    where r.status = 'submitted'
    group by r.consultation_id, r.demographics`.execute(db)
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('response_in_progress').execute()
  await db.schema.dropTable('tally_cell').execute()
}
