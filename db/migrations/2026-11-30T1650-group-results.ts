// Frozen: never edit a migration that has shipped; add a new one.
// Group activities (issue #6): a group's diamond 9, dot votes or agreed ranking, recorded in a session as
// one result that stands for the group (weighted by its size in analysis), apart from individual
// responses. Paper entry: a response typed up from a paper form says who typed it; a paper tally
// (aggregate counts) can belong to a session.
import { type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('group_result')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'diamond9' | 'dots' | 'ranking'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('session.id').onDelete('cascade'))
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    // The question whose options are the cards (diamond 9) or the choices (dots, ranking)
    .addColumn('question_id', 'text', (c) => c.notNull().references('question.id').onDelete('cascade'))
    // A name for the group the facilitator can tell apart ("Table 2"); never a child's name
    .addColumn('label', 'text')
    // Children in the group: the weight of the result
    .addColumn('people', 'integer', (c) => c.notNull())
    // Dot voting: dots each person had
    .addColumn('dots_per_person', 'integer')
    // Group ranking: how many of the group agreed with the order (null when not recorded)
    .addColumn('agreed', 'integer')
    .addColumn('entered_by', 'text', (c) => c.references('staff_user.id'))
    // A photo of the paper diamond or sticky-note wall (app/services/images.server.ts)
    .addColumn('image_id', 'text', (c) => c.references('image.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('group_result_session').on('group_result').columns(['session_id', 'created_at']).execute()
  await db.schema.createIndex('group_result_consultation').on('group_result').columns(['consultation_id', 'question_id', 'kind']).execute()

  await db.schema
    .createTable('group_result_item')
    .addColumn('group_result_id', 'text', (c) => c.notNull().references('group_result.id').onDelete('cascade'))
    .addColumn('option_id', 'text', (c) => c.notNull().references('option.id').onDelete('cascade'))
    // Diamond 9: row 1 (top) .. 5; null = a discarded card
    .addColumn('tier', 'integer')
    // Dot voting: dots on this option
    .addColumn('dots', 'integer')
    // Group ranking: the agreed position, 1 = first; null = not ranked
    .addColumn('rank', 'integer')
    .addPrimaryKeyConstraint('group_result_item_pk', ['group_result_id', 'option_id'])
    .execute()

  // Paper entry: the staff member who typed a paper form up (entered_on_behalf = 1)
  await db.schema
    .alterTable('response')
    .addColumn('entered_by', 'text', (c) => c.references('staff_user.id'))
    .execute()
  // A paper tally uploaded for a session
  await db.schema
    .alterTable('aggregate_import')
    .addColumn('session_id', 'text', (c) => c.references('session.id').onDelete('cascade'))
    .execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('aggregate_import').dropColumn('session_id').execute()
  await db.schema.alterTable('response').dropColumn('entered_by').execute()
  await db.schema.dropTable('group_result_item').execute()
  await db.schema.dropTable('group_result').execute()
}
