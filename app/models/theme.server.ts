// Themes of a consultation, their links to options, and the SQL aggregates behind theme evidence.
import crypto from 'node:crypto'
import type { DB } from '~/utils/db.server'

export interface ThemeRecord {
  id: string
  key: string
  title: string
}

export async function listThemes(db: DB, consultationId: string): Promise<ThemeRecord[]> {
  return db.selectFrom('theme').select(['id', 'key', 'title']).where('consultation_id', '=', consultationId).orderBy('title').orderBy('key').execute()
}

/** Child-friendly titles of themes (translation entity 'theme', field 'title'), every language and register. */
export async function listThemeTexts(db: DB, consultationId: string) {
  const ids = db.selectFrom('theme').select('id').where('consultation_id', '=', consultationId)
  const rows = await db.selectFrom('translation').selectAll().where('entity_type', '=', 'theme').where('entity_id', 'in', ids).execute()
  return rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id, field: r.field, locale: r.locale, register: r.register, value: r.value }))
}

type Texts = Array<{ locale: string; register: 'plain' | 'easy'; value: string }>

export async function createTheme(db: DB, input: { consultationId: string; key: string; title: string; titles: Texts }): Promise<string> {
  const id = `theme-${crypto.randomUUID()}`
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('theme').values({ id, consultation_id: input.consultationId, key: input.key, title: input.title, description: null }).execute()
    await replaceTexts(trx, 'theme', id, 'title', input.titles)
  })
  return id
}

export async function updateTheme(db: DB, themeId: string, input: { title: string; titles: Texts }) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('theme').set({ title: input.title }).where('id', '=', themeId).execute()
    await replaceTexts(trx, 'theme', themeId, 'title', input.titles)
  })
}

export async function deleteTheme(db: DB, consultationId: string, themeId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('translation').where('entity_type', '=', 'theme').where('entity_id', '=', themeId).execute()
    await trx.deleteFrom('theme').where('id', '=', themeId).where('consultation_id', '=', consultationId).execute()
  })
}

/** Replaces one entity's texts for a field (every language and register) in the transaction given. */
export async function replaceTexts(db: DB, entityType: 'theme' | 'action', entityId: string, field: string, texts: Texts) {
  await db.deleteFrom('translation').where('entity_type', '=', entityType).where('entity_id', '=', entityId).where('field', '=', field).execute()
  if (texts.length) {
    await db
      .insertInto('translation')
      .values(texts.map((t) => ({ entity_type: entityType, entity_id: entityId, field, locale: t.locale, register: t.register, value: t.value })))
      .execute()
  }
}

export async function listOptionThemeLinks(db: DB, consultationId: string): Promise<Array<{ optionId: string; themeId: string }>> {
  const rows = await db
    .selectFrom('option_theme')
    .innerJoin('theme', 'theme.id', 'option_theme.theme_id')
    .select(['option_theme.option_id', 'option_theme.theme_id'])
    .where('theme.consultation_id', '=', consultationId)
    .execute()
  return rows.map((r) => ({ optionId: r.option_id, themeId: r.theme_id }))
}

/** Replaces the theme links of the options given (the ones on the form) with `links`, in one transaction. */
export async function replaceOptionThemeLinks(db: DB, consultationId: string, optionIds: string[], links: Array<{ optionId: string; themeId: string }>) {
  if (!optionIds.length) return
  await db.transaction().execute(async (trx) => {
    const themeIds = trx.selectFrom('theme').select('id').where('consultation_id', '=', consultationId)
    await trx.deleteFrom('option_theme').where('theme_id', 'in', themeIds).where('option_id', 'in', optionIds).execute()
    if (links.length) await trx.insertInto('option_theme').values(links.map((l) => ({ option_id: l.optionId, theme_id: l.themeId }))).execute()
  })
}

/**
 * (response, theme) pairs that count as evidence for a theme: an option of the theme chosen in a
 * choice question, or ranked first in a ranking question (docs/decisions/007-themes-plans-actions.md).
 *
 * Free-text answers and approved stories coded to a theme (app/models/coding.server.ts) give evidence
 * too, for the response they belong to (a story gathered without a response has none to count); and
 * every count below (overall, by group, the base) follows.
 */
function evidencePairs(db: DB, consultationId: string) {
  return codedPairs(db, consultationId).unionAll(choicePairs(db, consultationId))
}

/** (response, theme) pairs from coding: a coded free-text answer, or a coded approved story with a response. */
function codedPairs(db: DB, consultationId: string) {
  return db
    .selectFrom('coding')
    .innerJoin('coding_theme', 'coding_theme.coding_id', 'coding.id')
    .leftJoin('answer', 'answer.id', 'coding.answer_id')
    .leftJoin('story', 'story.id', 'coding.story_id')
    .select([(eb) => eb.fn.coalesce('answer.response_id', 'story.response_id').as('response_id'), 'coding_theme.theme_id as theme_id'])
    .where('coding.consultation_id', '=', consultationId)
    .where((eb) => eb.or([eb('answer.response_id', 'is not', null), eb.and([eb('story.response_id', 'is not', null), eb('story.status', '=', 'approved')])]))
    .$narrowType<{ response_id: number }>()
}

function choicePairs(db: DB, consultationId: string) {
  return db
    .selectFrom('answer')
    .innerJoin('question', 'question.id', 'answer.question_id')
    .innerJoin('option_theme', 'option_theme.option_id', 'answer.option_id')
    .innerJoin('theme', 'theme.id', 'option_theme.theme_id')
    .select(['answer.response_id as response_id', 'option_theme.theme_id as theme_id'])
    .where('question.consultation_id', '=', consultationId)
    .where('theme.consultation_id', '=', consultationId)
    .where('answer.skipped', '=', 0)
    .where((eb) => eb.or([eb('question.type', 'in', ['single', 'multi']), eb.and([eb('question.type', '=', 'ranking'), eb('answer.rank', '=', 1)])]))
}

/** Respondents who answered (not skipped) at least one question that has an option linked to a theme, or whose words were coded. */
function baseResponses(db: DB, consultationId: string) {
  const themedQuestions = db.selectFrom('option').innerJoin('option_theme', 'option_theme.option_id', 'option.id').select('option.question_id')
  const coded = db.selectFrom(codedPairs(db, consultationId).as('c')).select('c.response_id')
  return db
    .selectFrom('answer')
    .innerJoin('question', 'question.id', 'answer.question_id')
    .select('answer.response_id as response_id')
    .where('question.consultation_id', '=', consultationId)
    .where('question.type', 'in', ['single', 'multi', 'ranking'])
    .where('answer.skipped', '=', 0)
    .where('answer.question_id', 'in', themedQuestions)
    .unionAll(coded)
}

/** Distinct respondents per theme, and the base they are a share of. */
export async function countThemeEvidence(db: DB, consultationId: string): Promise<{ byTheme: Record<string, number>; base: number }> {
  const [rows, base] = await Promise.all([
    db
      .selectFrom(evidencePairs(db, consultationId).as('e'))
      .select(['e.theme_id', (eb) => eb.fn.count<number>('e.response_id').distinct().as('n')])
      .groupBy('e.theme_id')
      .execute(),
    db
      .selectFrom(baseResponses(db, consultationId).as('b'))
      .select((eb) => eb.fn.count<number>('b.response_id').distinct().as('n'))
      .executeTakeFirst(),
  ])
  return { byTheme: Object.fromEntries(rows.map((r) => [r.theme_id, Number(r.n)])), base: Number(base?.n ?? 0) }
}

/**
 * The same per demographic snapshot (response.demographics, stored in a fixed field order so equal
 * snapshots are equal text): the domain adds snapshots up into groups per field.
 */
export async function countThemeEvidenceBySnapshot(db: DB, consultationId: string) {
  const [counts, bases] = await Promise.all([
    db
      .selectFrom(evidencePairs(db, consultationId).as('e'))
      .innerJoin('response', 'response.id', 'e.response_id')
      .select(['response.demographics', 'e.theme_id', (eb) => eb.fn.count<number>('e.response_id').distinct().as('n')])
      .where('response.demographics', 'is not', null)
      .groupBy(['response.demographics', 'e.theme_id'])
      .execute(),
    db
      .selectFrom(baseResponses(db, consultationId).as('b'))
      .innerJoin('response', 'response.id', 'b.response_id')
      .select(['response.demographics', (eb) => eb.fn.count<number>('b.response_id').distinct().as('n')])
      .where('response.demographics', 'is not', null)
      .groupBy('response.demographics')
      .execute(),
  ])
  return {
    counts: counts.map((r) => ({ demographics: r.demographics, themeId: r.theme_id, count: Number(r.n) })),
    bases: bases.map((r) => ({ demographics: r.demographics, count: Number(r.n) })),
  }
}

/**
 * Quotes for the findings page: approved stories whose teller said "You can use my words", as
 * moderators left them (redacted), with the themes they feed: coded to the theme, or told about a
 * question whose options are linked to it. Oldest first; the same story may come more than once.
 * Only stories with consent, so a consultation has tens or hundreds of rows, not one per response.
 */
export async function listThemeQuotes(db: DB, consultationId: string) {
  const coded = db
    .selectFrom('coding_theme')
    .innerJoin('coding', 'coding.id', 'coding_theme.coding_id')
    .innerJoin('story', 'story.id', 'coding.story_id')
    .leftJoin('response', 'response.id', 'story.response_id')
    .select(['coding_theme.theme_id as themeId', 'story.id', 'story.attribution', 'story.created_at', 'response.demographics'])
    .select((eb) => eb.fn.coalesce('story.redacted_text', 'story.text').as('shownText'))
    .where('story.consultation_id', '=', consultationId)
    .where('story.status', '=', 'approved')
    .where('story.consent_words', '=', 1)
  const linked = db
    .selectFrom('option_theme')
    .innerJoin('option', 'option.id', 'option_theme.option_id')
    .innerJoin('story', 'story.question_id', 'option.question_id')
    .leftJoin('response', 'response.id', 'story.response_id')
    .select(['option_theme.theme_id as themeId', 'story.id', 'story.attribution', 'story.created_at', 'response.demographics'])
    .select((eb) => eb.fn.coalesce('story.redacted_text', 'story.text').as('shownText'))
    .where('story.consultation_id', '=', consultationId)
    .where('story.status', '=', 'approved')
    .where('story.consent_words', '=', 1)
  // Two small queries (stories with consent, per theme) put together and ordered here.
  const rows = (await Promise.all([coded.execute(), linked.execute()])).flat()
  rows.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id))
  return rows.map((r) => ({ themeId: r.themeId, id: r.id, text: String(r.shownText ?? ''), attribution: r.attribution, demographics: r.demographics }))
}
