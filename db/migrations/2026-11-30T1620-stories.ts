// Frozen: never edit a migration that has shipped; add a new one.
// Stories (issue 5): a participant's story with an optional picture and two consents, moderated before
// anyone but the safeguarding role reads the original. Pictures are processed (app/services/images.server.ts)
// before they are stored here, bytes in the database: WebP, at most 1600 px, no metadata.
import { type Kysely, PostgresAdapter } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter

  await db.schema
    .createTable('image')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    // The response it came with (a story's picture); deleted with it when the response is withdrawn
    .addColumn('response_id', 'integer', (c) => c.references('response.id').onDelete('cascade'))
    // What it is for: 'story', 'group' (a group activity's photo) …
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('bytes', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('image_consultation').on('image').column('consultation_id').execute()
  await db.schema.createIndex('image_response').on('image').column('response_id').execute()

  await db.schema
    .createTable('story')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    // Null for a story gathered another way (an event, the demo seed); deleted with a withdrawn response
    .addColumn('response_id', 'integer', (c) => c.references('response.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.references('question.id').onDelete('cascade'))
    // The participant's words as given. Only the safeguarding role reads them once a story is redacted.
    .addColumn('text', 'text', (c) => c.notNull())
    // The text with the redacted spans replaced; null when nothing is redacted
    .addColumn('redacted_text', 'text')
    // JSON [{ start, end, kind, reason }] over `text` (app/domain/redaction.ts)
    .addColumn('redactions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('image_id', 'text', (c) => c.references('image.id').onDelete('set null'))
    .addColumn('consent_words', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_picture', 'integer', (c) => c.notNull().defaultTo(0))
    // Who said it when there is no response to take an age band from ("Year 6 child", "youth forum")
    .addColumn('attribution', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('moderated_by', 'text', (c) => c.references('staff_user.id'))
    .addColumn('moderated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('story_consultation_status').on('story').columns(['consultation_id', 'status', 'created_at']).execute()
  await db.schema.createIndex('story_response_question').on('story').columns(['response_id', 'question_id']).unique().execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('story').execute()
  await db.schema.dropTable('image').execute()
}
