// Coding into themes: the codebook's extra columns (sub-themes, keywords), the items to code (free-text
// answers and approved stories), who coded what, and the double-coding sample. SQL only; the rules are
// in app/domain/{codebook,coding-items,coding-sample,coding-suggestions,kappa}.ts.
import crypto from 'node:crypto'
import type { DB } from '~/utils/db.server'

export interface CodebookThemeRow {
  id: string
  key: string
  title: string
  description: string | null
  parentId: string | null
  keywords: string | null
}

export async function listCodebookThemes(db: DB, consultationId: string): Promise<CodebookThemeRow[]> {
  const rows = await db.selectFrom('theme').select(['id', 'key', 'title', 'description', 'parent_id', 'keywords']).where('consultation_id', '=', consultationId).orderBy('title').orderBy('key').execute()
  return rows.map((r) => ({ id: r.id, key: r.key, title: r.title, description: r.description, parentId: r.parent_id ?? null, keywords: r.keywords ?? null }))
}

export interface CodebookThemeInput {
  key: string
  title: string
  description: string | null
  keywords: string[]
  /** The key of the parent theme, or null */
  parentKey: string | null
}

/**
 * Adds or updates themes by key, in one transaction: a theme whose key exists gets the new title,
 * description, keywords and parent; others are created. Parents first, so sub-themes can point at them.
 * Returns the numbers created and updated.
 */
export async function upsertCodebookThemes(db: DB, consultationId: string, inputs: CodebookThemeInput[]): Promise<{ created: number; updated: number }> {
  return db.transaction().execute(async (trx) => {
    const existing = new Map((await trx.selectFrom('theme').select(['id', 'key']).where('consultation_id', '=', consultationId).execute()).map((t) => [t.key, t.id]))
    let created = 0
    let updated = 0
    const ordered = [...inputs.filter((i) => !i.parentKey), ...inputs.filter((i) => i.parentKey)]
    for (const input of ordered) {
      const parentId = input.parentKey ? (existing.get(input.parentKey) ?? null) : null
      const values = { title: input.title, description: input.description, keywords: input.keywords.length ? JSON.stringify(input.keywords) : null, parent_id: parentId }
      const id = existing.get(input.key)
      if (id) {
        // A theme that has sub-themes stays top-level (one level only).
        const hasChildren = input.parentKey ? await trx.selectFrom('theme').select('id').where('parent_id', '=', id).executeTakeFirst() : undefined
        await trx.updateTable('theme').set(hasChildren ? { ...values, parent_id: null } : values).where('id', '=', id).execute()
        updated++
      } else {
        const newId = `theme-${crypto.randomUUID()}`
        await trx.insertInto('theme').values({ id: newId, consultation_id: consultationId, key: input.key, ...values }).execute()
        existing.set(input.key, newId)
        created++
      }
    }
    return { created, updated }
  })
}

export async function createCodebookTheme(db: DB, consultationId: string, input: { key: string; title: string; description: string | null; parentId: string | null; keywords: string[] }): Promise<string> {
  const id = `theme-${crypto.randomUUID()}`
  await db
    .insertInto('theme')
    .values({ id, consultation_id: consultationId, key: input.key, title: input.title, description: input.description, parent_id: input.parentId, keywords: input.keywords.length ? JSON.stringify(input.keywords) : null })
    .execute()
  return id
}

export async function updateCodebookTheme(db: DB, consultationId: string, themeId: string, input: { title: string; description: string | null; parentId: string | null; keywords: string[] }) {
  await db
    .updateTable('theme')
    .set({ title: input.title, description: input.description, parent_id: input.parentId, keywords: input.keywords.length ? JSON.stringify(input.keywords) : null })
    .where('id', '=', themeId)
    .where('consultation_id', '=', consultationId)
    .execute()
}

/** A plan's items, for "start from the plan's outcomes". */
export async function listPlanItems(db: DB, planId: string) {
  const rows = await db.selectFrom('plan_outcome').select(['id', 'code', 'title', 'parent_id', 'position']).where('plan_id', '=', planId).execute()
  return rows.map((r) => ({ id: r.id, code: r.code, title: r.title, parentId: r.parent_id, position: r.position }))
}

/** Plans of the consultation's organisation. */
export async function listPlansFor(db: DB, organisationId: string) {
  return db.selectFrom('plan').select(['id', 'title']).where('organisation_id', '=', organisationId).orderBy('title').execute()
}

export interface CodingItemRow {
  key: string
  kind: 'answer' | 'story'
  /** answer id (as text) or story id */
  id: string
  demographics: string | null
  sessionId: string | null
  /** The question's key (answers) or null (stories) */
  questionKey: string | null
}

/**
 * Every item to code in a consultation, oldest first: non-empty answers to free-text questions, then
 * approved stories. Metadata only (no text): a thousand of these are small.
 */
export async function listCodingItems(db: DB, consultationId: string): Promise<CodingItemRow[]> {
  const [answers, stories] = await Promise.all([
    db
      .selectFrom('answer')
      .innerJoin('question', 'question.id', 'answer.question_id')
      .innerJoin('response', 'response.id', 'answer.response_id')
      .select(['answer.id as id', 'response.demographics', 'response.session_id', 'question.key as question_key'])
      .where('question.consultation_id', '=', consultationId)
      .where('question.type', '=', 'text')
      .where('answer.skipped', '=', 0)
      .where('answer.text', 'is not', null)
      .where('answer.text', '!=', '')
      .orderBy('answer.id')
      .execute(),
    db
      .selectFrom('story')
      .leftJoin('response', 'response.id', 'story.response_id')
      .select(['story.id as id', 'response.demographics', 'response.session_id'])
      .where('story.consultation_id', '=', consultationId)
      .where('story.status', '=', 'approved')
      .orderBy('story.created_at')
      .orderBy('story.id')
      .execute(),
  ])
  return [
    ...answers.map((a) => ({ key: `answer:${a.id}`, kind: 'answer' as const, id: String(a.id), demographics: a.demographics, sessionId: a.session_id ?? null, questionKey: a.question_key })),
    ...stories.map((s) => ({ key: `story:${s.id}`, kind: 'story' as const, id: s.id, demographics: s.demographics ?? null, sessionId: s.session_id ?? null, questionKey: null })),
  ]
}

/**
 * The text a coder reads: the answer's text, or the story's redacted text (never the original once
 * anything is redacted). Null when the item is not (or no longer) one to code in this consultation.
 */
export async function readItemText(db: DB, consultationId: string, kind: 'answer' | 'story', id: string): Promise<{ text: string; questionId: string | null; attribution: string | null } | null> {
  if (kind === 'answer') {
    const answerId = Number(id)
    if (!Number.isSafeInteger(answerId)) return null
    const row = await db
      .selectFrom('answer')
      .innerJoin('question', 'question.id', 'answer.question_id')
      .select(['answer.text', 'question.id as question_id'])
      .where('answer.id', '=', answerId)
      .where('question.consultation_id', '=', consultationId)
      .where('question.type', '=', 'text')
      .where('answer.skipped', '=', 0)
      .executeTakeFirst()
    return row?.text ? { text: row.text, questionId: row.question_id, attribution: null } : null
  }
  const story = await db
    .selectFrom('story')
    .select(['redacted_text', 'text', 'question_id', 'attribution'])
    .where('id', '=', id)
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'approved')
    .executeTakeFirst()
  return story ? { text: story.redacted_text ?? story.text, questionId: story.question_id, attribution: story.attribution } : null
}

export interface CodingRow {
  itemKey: string
  coderId: string
  codedAt: string
  themeIds: string[]
}

/** Every coding of the consultation's items, with its themes. */
export async function listCodings(db: DB, consultationId: string): Promise<CodingRow[]> {
  const [codings, themes] = await Promise.all([
    db.selectFrom('coding').select(['id', 'item_key', 'coder_id', 'coded_at']).where('consultation_id', '=', consultationId).orderBy('coded_at').orderBy('id').execute(),
    db
      .selectFrom('coding_theme')
      .innerJoin('coding', 'coding.id', 'coding_theme.coding_id')
      .select(['coding_theme.coding_id', 'coding_theme.theme_id'])
      .where('coding.consultation_id', '=', consultationId)
      .execute(),
  ])
  const byCoding = new Map<string, string[]>()
  for (const t of themes) byCoding.set(t.coding_id, [...(byCoding.get(t.coding_id) ?? []), t.theme_id])
  return codings.map((c) => ({ itemKey: c.item_key, coderId: c.coder_id, codedAt: c.coded_at, themeIds: byCoding.get(c.id) ?? [] }))
}

/**
 * Records a coder's themes for an item (none = "no theme fits"), replacing what was there: every
 * coder's coding of the item when `shared` (items outside the double-coding sample have one coding),
 * else only this coder's own.
 */
export async function saveCoding(db: DB, input: { consultationId: string; kind: 'answer' | 'story'; id: string; coderId: string; themeIds: string[]; shared: boolean; now: string }) {
  const itemKey = `${input.kind}:${input.id}`
  await db.transaction().execute(async (trx) => {
    let remove = trx.deleteFrom('coding').where('consultation_id', '=', input.consultationId).where('item_key', '=', itemKey)
    if (!input.shared) remove = remove.where('coder_id', '=', input.coderId)
    await remove.execute()
    const codingId = crypto.randomUUID()
    await trx
      .insertInto('coding')
      .values({
        id: codingId,
        consultation_id: input.consultationId,
        item_key: itemKey,
        answer_id: input.kind === 'answer' ? Number(input.id) : null,
        story_id: input.kind === 'story' ? input.id : null,
        coder_id: input.coderId,
        coded_at: input.now,
      })
      .execute()
    if (input.themeIds.length) await trx.insertInto('coding_theme').values(input.themeIds.map((themeId) => ({ coding_id: codingId, theme_id: themeId }))).execute()
  })
}

export async function readSample(db: DB, consultationId: string) {
  const sample = await db.selectFrom('coding_sample').selectAll().where('consultation_id', '=', consultationId).executeTakeFirst()
  if (!sample) return null
  const items = await db.selectFrom('coding_sample_item').select('item_key').where('consultation_id', '=', consultationId).execute()
  return { seed: sample.seed, requested: sample.requested, createdAt: sample.created_at, itemKeys: items.map((i) => i.item_key) }
}

/** Replaces the consultation's double-coding sample. */
export async function replaceSample(db: DB, input: { consultationId: string; seed: string; requested: string; itemKeys: string[]; userId: string; now: string }) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('coding_sample_item').where('consultation_id', '=', input.consultationId).execute()
    await trx.deleteFrom('coding_sample').where('consultation_id', '=', input.consultationId).execute()
    await trx.insertInto('coding_sample').values({ consultation_id: input.consultationId, seed: input.seed, requested: input.requested, created_by: input.userId, created_at: input.now }).execute()
    for (let i = 0; i < input.itemKeys.length; i += 200) {
      await trx
        .insertInto('coding_sample_item')
        .values(input.itemKeys.slice(i, i + 200).map((key) => ({ consultation_id: input.consultationId, item_key: key })))
        .execute()
    }
  })
}

/** Names of the staff who coded, for the agreement page. */
export async function staffNames(db: DB, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const rows = await db.selectFrom('staff_user').select(['id', 'name']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** The consultation's group sessions (issue 6), for the filter; empty when there are none. */
export async function listSessionsFor(db: DB, consultationId: string) {
  return db.selectFrom('session').select(['id', 'join_code', 'group_type', 'created_at']).where('consultation_id', '=', consultationId).orderBy('created_at').execute()
}

/**
 * Distinct coded items per theme (a sample item counts once for a theme when any coder gave it),
 * only items that still exist (approved stories; answers are deleted with their response).
 */
export async function countCodedItemsByTheme(db: DB, consultationId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('coding_theme')
    .innerJoin('coding', 'coding.id', 'coding_theme.coding_id')
    .leftJoin('story', 'story.id', 'coding.story_id')
    .select(['coding_theme.theme_id', (eb) => eb.fn.count<number>('coding.item_key').distinct().as('n')])
    .where('coding.consultation_id', '=', consultationId)
    .where((eb) => eb.or([eb('coding.story_id', 'is', null), eb('story.status', '=', 'approved')]))
    .groupBy('coding_theme.theme_id')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.theme_id, Number(r.n)]))
}
