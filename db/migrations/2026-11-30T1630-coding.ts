// Frozen: never edit a migration that has shipped; add a new one.
// Coding into themes (issue 5): a consultation's themes become a codebook with one level of sub-themes
// (theme.parent_id) and keyword rules that suggest a theme (theme.keywords, JSON list of words). A coder
// codes an item (a free-text answer or an approved story) with one or more themes: one `coding` row per
// item and coder (themes in `coding_theme`; a row with no themes means "no theme fits"). The item is named
// by `item_key` ('answer:<id>' or 'story:<id>') and also by a foreign key to its row, so a withdrawn
// response takes its codes with it. A double-coding sample (`coding_sample`, `coding_sample_item`) is
// a set of item keys chosen reproducibly from a seed; on those items each coder keeps their own codes.
import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('theme').addColumn('parent_id', 'text', (c) => c.references('theme.id').onDelete('set null')).execute()
  await db.schema.alterTable('theme').addColumn('keywords', 'text').execute()

  await db.schema
    .createTable('coding')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('answer_id', 'integer', (c) => c.references('answer.id').onDelete('cascade'))
    .addColumn('story_id', 'text', (c) => c.references('story.id').onDelete('cascade'))
    .addColumn('coder_id', 'text', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
    .addColumn('coded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('coding_item_coder', ['item_key', 'coder_id'])
    .execute()
  await db.schema.createIndex('coding_consultation').on('coding').columns(['consultation_id', 'item_key']).execute()
  await db.schema.createIndex('coding_answer').on('coding').column('answer_id').execute()
  await db.schema.createIndex('coding_story').on('coding').column('story_id').execute()

  await db.schema
    .createTable('coding_theme')
    .addColumn('coding_id', 'text', (c) => c.notNull().references('coding.id').onDelete('cascade'))
    .addColumn('theme_id', 'text', (c) => c.notNull().references('theme.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('coding_theme_pk', ['coding_id', 'theme_id'])
    .execute()
  await db.schema.createIndex('coding_theme_theme').on('coding_theme').column('theme_id').execute()

  await db.schema
    .createTable('coding_sample')
    .addColumn('consultation_id', 'text', (c) => c.primaryKey().references('consultation.id').onDelete('cascade'))
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('requested', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('staff_user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('coding_sample_item')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coding_sample_item_pk', ['consultation_id', 'item_key'])
    .execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('coding_sample_item').execute()
  await db.schema.dropTable('coding_sample').execute()
  await db.schema.dropTable('coding_theme').execute()
  await db.schema.dropTable('coding').execute()
  await db.schema.alterTable('theme').dropColumn('keywords').execute()
  await db.schema.alterTable('theme').dropColumn('parent_id').execute()
}
