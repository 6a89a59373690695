// Frozen: never edit a migration that has shipped; add a new one.
// Imports: responses read from a tidy CSV (each marked with the import it came from), and aggregate
// counts such as paper ballots from a school (option, count, the total written on the sheet).
import { type Kysely, PostgresAdapter } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter

  await db.schema
    .createTable('response_import')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('responses', 'integer', (c) => c.notNull())
    .addColumn('answers', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('response_import_consultation').on('response_import').column('consultation_id').execute()
  // Null for answers given online; an import's id for responses read from a file.
  await db.schema
    .alterTable('response')
    .addColumn('import_id', 'text', (c) => c.references('response_import.id').onDelete('cascade'))
    .execute()
  await db.schema.createIndex('response_import_id').on('response').column('import_id').execute()
  // Exports page through a consultation's responses in id order (keyset): without this index each
  // page would sort all of the consultation's responses again.
  await db.schema.createIndex('response_consultation_id').on('response').columns(['consultation_id', 'id']).execute()

  await db.schema
    .createTable('aggregate_import')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('aggregate_import_consultation').on('aggregate_import').column('consultation_id').execute()

  await db.schema
    .createTable('aggregate_count')
    .addColumn('id', 'integer', (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('aggregate_import_id', 'text', (c) => c.notNull().references('aggregate_import.id').onDelete('cascade'))
    // Where the counts came from, e.g. "St Mary's Primary, paper ballots"
    .addColumn('group_label', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull().references('question.id').onDelete('cascade'))
    .addColumn('option_id', 'text', (c) => c.notNull().references('option.id').onDelete('cascade'))
    // Ranking questions: the place this count is for; null otherwise
    .addColumn('position', 'integer')
    .addColumn('count', 'integer', (c) => c.notNull())
    // The total written on the sheet for this group and question (ballots, or children present)
    .addColumn('stated_total', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('aggregate_count_import').on('aggregate_count').column('aggregate_import_id').execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('aggregate_count').execute()
  await db.schema.dropTable('aggregate_import').execute()
  await db.schema.dropIndex('response_consultation_id').execute()
  await db.schema.dropIndex('response_import_id').execute()
  await db.schema.alterTable('response').dropColumn('import_id').execute()
  await db.schema.dropTable('response_import').execute()
}
