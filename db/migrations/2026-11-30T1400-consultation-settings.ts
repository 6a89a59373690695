// Consultation settings (issue 4, builder): the audience, as a JSON array of age-band keys
// (app/domain/demographics.ts standardDemographicOptions.ageBand). Title and description are translations.
import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('consultation')
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('consultation').dropColumn('audience').execute()
}
