// Frozen: never edit a migration that has shipped; add a new one.
// Organisations' own symbols (see docs/decisions/006-symbols.md) and a recorded audio clip per question.
import { type Kysely, PostgresAdapter } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('symbol_image')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('attribution', 'text')
    // The normalised master: a square PNG, metadata stripped. Served sizes are made from it.
    .addColumn('image', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('symbol_image_organisation').on('symbol_image').column('organisation_id').execute()

  // A path served by this app (for example /audio/q1-en.mp3); null when there is no recording.
  await db.schema.alterTable('question').addColumn('audio', 'text').execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('question').dropColumn('audio').execute()
  await db.schema.dropTable('symbol_image').execute()
}
