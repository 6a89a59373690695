// Frozen: never edit a migration that has shipped; add a new one.
// Themes and the plan, and "You said, we did" (issue 7):
// - plans get a period; plan items become a two-level tree (an outcome or area with its priorities),
//   each with a kind and, for imported plans, their measures (JSON);
// - a theme's link to a plan item gets an optional weight (a whole number 1..5; null counts as 1);
// - actions ("we did"), linked to one or more themes; their child-friendly summaries live in
//   translation (entity_type 'action', field 'summary', plain and easy per language);
// - a finished response records the language, symbols and Easy Read it finished with, for the
//   participation record.
import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('plan').addColumn('period', 'text').execute()
  await db.schema.alterTable('plan').addColumn('created_at', 'text').execute()

  await db.schema.alterTable('plan_outcome').addColumn('parent_id', 'text', (c) => c.references('plan_outcome.id').onDelete('cascade')).execute()
  await db.schema.alterTable('plan_outcome').addColumn('kind', 'text', (c) => c.notNull().defaultTo('outcome')).execute()
  await db.schema.alterTable('plan_outcome').addColumn('measures', 'text').execute()
  await db.schema.createIndex('plan_outcome_plan_position').on('plan_outcome').columns(['plan_id', 'position']).execute()

  await db.schema.alterTable('theme_outcome').addColumn('weight', 'integer').execute()
  await db.schema.createIndex('theme_outcome_outcome').on('theme_outcome').column('outcome_id').execute()
  await db.schema.createIndex('option_theme_theme').on('option_theme').column('theme_id').execute()

  await db.schema
    .createTable('action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('reason', 'text')
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('action_consultation').on('action').column('consultation_id').execute()

  await db.schema
    .createTable('action_theme')
    .addColumn('action_id', 'text', (c) => c.notNull().references('action.id').onDelete('cascade'))
    .addColumn('theme_id', 'text', (c) => c.notNull().references('theme.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('action_theme_pk', ['action_id', 'theme_id'])
    .execute()

  await db.schema.alterTable('response').addColumn('finished_locale', 'text').execute()
  await db.schema.alterTable('response').addColumn('used_symbols', 'integer').execute()
  await db.schema.alterTable('response').addColumn('used_easy_read', 'integer').execute()
}

export async function down(db: AnyDb): Promise<void> {
  for (const column of ['used_easy_read', 'used_symbols', 'finished_locale']) await db.schema.alterTable('response').dropColumn(column).execute()
  await db.schema.dropTable('action_theme').execute()
  await db.schema.dropTable('action').execute()
  await db.schema.dropIndex('option_theme_theme').execute()
  await db.schema.dropIndex('theme_outcome_outcome').execute()
  await db.schema.alterTable('theme_outcome').dropColumn('weight').execute()
  await db.schema.dropIndex('plan_outcome_plan_position').execute()
  for (const column of ['measures', 'kind', 'parent_id']) await db.schema.alterTable('plan_outcome').dropColumn(column).execute()
  for (const column of ['created_at', 'period']) await db.schema.alterTable('plan').dropColumn(column).execute()
}
