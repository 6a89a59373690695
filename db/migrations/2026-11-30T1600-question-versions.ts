// Versions of a consultation (issue 4, question editor): once answers exist its structure is locked,
// and a structural change makes a new draft copy. The copy carries its version number and the
// consultation it was made from.
import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('consultation')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .alterTable('consultation')
    .addColumn('previous_version_id', 'text', (c) => c.references('consultation.id').onDelete('set null'))
    .execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('consultation').dropColumn('previous_version_id').execute()
  await db.schema.alterTable('consultation').dropColumn('version').execute()
}
