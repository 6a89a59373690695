// Frozen: never edit a migration that has shipped; add a new one.
// Recorded audio clips for questions, uploaded by staff and served at /audio/<id>.<format>
// (question.audio holds that path). The bytes live in the database, like uploaded symbols, so a
// PostgreSQL deployment with several servers needs no shared disk. No foreign key to the question:
// a duplicated consultation's questions point at the same clip, which stays while any question does.
import { type Kysely, PostgresAdapter } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('audio_clip')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // mp3, m4a, ogg, opus, wav or webm: found from the file's first bytes, never its name
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('bytes', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('staff_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('audio_clip').execute()
}
