// Frozen: never edit a migration that has shipped; add a new one.
import { type Kysely, PostgresAdapter, sql } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

function serialPrimaryKey(db: AnyDb) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  return postgres
    ? { type: 'integer' as const, build: (c: any) => c.primaryKey().generatedByDefaultAsIdentity() }
    : { type: 'integer' as const, build: (c: any) => c.primaryKey().autoIncrement() }
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('suppression_threshold', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('consultation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('default_locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('anonymity', 'text', (c) => c.notNull().defaultTo('anonymous'))
    .addColumn('lawful_basis', 'text', (c) => c.notNull().defaultTo('public_task'))
    .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(730))
    .addColumn('symbol_mode_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('question')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('config', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('symbol', 'text')
    .addUniqueConstraint('question_consultation_key', ['consultation_id', 'key'])
    .execute()
  await db.schema.createIndex('question_consultation_position').on('question').columns(['consultation_id', 'position']).execute()

  await db.schema
    .createTable('option')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull().references('question.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text')
    .addUniqueConstraint('option_question_key', ['question_id', 'key'])
    .execute()

  await db.schema
    .createTable('translation')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('register', 'text', (c) => c.notNull().defaultTo('plain'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('translation_pk', ['entity_type', 'entity_id', 'field', 'locale', 'register'])
    .execute()

  await db.schema
    .createTable('plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .execute()

  await db.schema
    .createTable('plan_outcome')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('theme')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addUniqueConstraint('theme_consultation_key', ['consultation_id', 'key'])
    .execute()

  await db.schema
    .createTable('option_theme')
    .addColumn('option_id', 'text', (c) => c.notNull().references('option.id').onDelete('cascade'))
    .addColumn('theme_id', 'text', (c) => c.notNull().references('theme.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('option_theme_pk', ['option_id', 'theme_id'])
    .execute()

  await db.schema
    .createTable('theme_outcome')
    .addColumn('theme_id', 'text', (c) => c.notNull().references('theme.id').onDelete('cascade'))
    .addColumn('outcome_id', 'text', (c) => c.notNull().references('plan_outcome.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('theme_outcome_pk', ['theme_id', 'outcome_id'])
    .execute()

  const id = serialPrimaryKey(db)
  await db.schema
    .createTable('response')
    .addColumn('id', id.type, id.build)
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('resume_hash', 'text', (c) => c.notNull().unique())
    .addColumn('receipt_hash', 'text', (c) => c.unique())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('in_progress'))
    .addColumn('entered_on_behalf', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('demographics', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .execute()
  await db.schema.createIndex('response_consultation_status').on('response').columns(['consultation_id', 'status']).execute()

  await db.schema
    .createTable('answer')
    .addColumn('id', id.type, id.build)
    .addColumn('response_id', 'integer', (c) => c.notNull().references('response.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('question.id').onDelete('cascade'))
    .addColumn('option_id', 'text', (c) => c.references('option.id').onDelete('cascade'))
    .addColumn('rank', 'integer')
    .addColumn('value', 'integer')
    .addColumn('text', 'text')
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('answer_response_question').on('answer').columns(['response_id', 'question_id']).execute()
  // Covers the GROUP BY of every tally without touching the table.
  await db.schema.createIndex('answer_question_option').on('answer').columns(['question_id', 'option_id', 'rank', 'value', 'skipped', 'response_id']).execute()
  void sql
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['answer', 'response', 'theme_outcome', 'option_theme', 'theme', 'plan_outcome', 'plan', 'translation', 'option', 'question', 'consultation', 'organisation']) {
    await db.schema.dropTable(table).execute()
  }
}
