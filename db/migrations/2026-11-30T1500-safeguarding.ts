// Frozen: never edit a migration that has shipped; add a new one.
// Safeguarding: phrases added by staff to the shipped lists (app/domain/safeguarding.ts), flags raised
// when a free-text answer matches, and the notes kept as a flag's status changes. A flag keeps a
// reference to the answer (response and question) and a hash of the text it matched, never a copy.
import { type Kysely, PostgresAdapter } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter

  await db.schema
    .createTable('safeguarding_phrase')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('phrase', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.references('staff_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('safeguarding_phrase_unique', ['locale', 'category', 'phrase'])
    .execute()

  await db.schema
    .createTable('safeguarding_flag')
    .addColumn('id', 'integer', (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id'))
    // No foreign key: a withdrawn response is deleted, and its flag stays (the concern does not go away).
    .addColumn('response_id', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    // JSON list of categories, and of the list phrases that matched (never the participant's words)
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('phrases', 'text', (c) => c.notNull())
    // sha-256 of the answer text that was flagged, so the flag page can say when it has changed since
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('safeguarding_flag_answer', ['response_id', 'question_id'])
    .execute()
  await db.schema.createIndex('safeguarding_flag_status').on('safeguarding_flag').columns(['status', 'created_at']).execute()

  await db.schema
    .createTable('safeguarding_note')
    .addColumn('id', 'integer', (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('flag_id', 'integer', (c) => c.notNull().references('safeguarding_flag.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_user.id'))
    .addColumn('status_from', 'text', (c) => c.notNull())
    .addColumn('status_to', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('safeguarding_note_flag').on('safeguarding_note').column('flag_id').execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('safeguarding_note').execute()
  await db.schema.dropTable('safeguarding_flag').execute()
  await db.schema.dropTable('safeguarding_phrase').execute()
}
