// Coding in the demo (issue 5): keyword rules on the demo themes, and the demo stories (db/seed/stories.ts)
// already coded into themes by the demo coder, so the coding pages and theme counts have something to
// show. Safe to run again: keywords are set only where a theme has none, and a story already coded is
// left alone.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../schema'
import { demoStoryId, demoStories } from './stories'

const CODER_EMAIL = 'coder@demo.invalid'

/** Keyword rules per demo theme key (English and a little Welsh); a trailing * matches any ending. */
export const demoThemeKeywords: Record<string, string[]> = {
  'things-to-do': ['youth club*', 'nothing to do', 'park', 'parks', 'football', 'free stuff', 'clwb ieuenctid'],
  'mental-health': ['sad', 'talk to', 'worr*', 'stress*', 'lonely', 'trist'],
  safety: ['safe', 'unsafe', 'bull*', 'crime', 'police', 'scared', 'bwli*'],
  'respect-voice': ['listen*', 'ask us', 'hear', 'involve*', 'views', 'gwrando'],
  education: ['school*', 'education', 'learn*', 'skills', 'ysgol*'],
  inclusion: ['differently', 'disab*', 'labelled', 'equal*'],
  'family-support': ['famil*', 'carer*', 'parent*', 'in care'],
  'drugs-alcohol': ['drug*', 'alcohol', 'drink*', 'smok*'],
}

/** The themes each demo story (by its index in demoStories) was coded with. */
export const demoStoryCodes: string[][] = [
  ['mental-health', 'respect-voice'],
  ['mental-health', 'education'],
  ['things-to-do'],
  ['things-to-do'],
  ['respect-voice'],
  ['respect-voice'],
  ['respect-voice', 'inclusion'],
  ['education'],
  ['respect-voice'],
  ['inclusion'],
  ['things-to-do'],
]

export async function seedDemoCoding(db: Kysely<Database>, consultationId: string): Promise<void> {
  const themes = await db.selectFrom('theme').select(['id', 'key', 'keywords']).where('consultation_id', '=', consultationId).execute()
  const themeId = new Map(themes.map((t) => [t.key, t.id]))
  for (const theme of themes) {
    const keywords = demoThemeKeywords[theme.key]
    if (keywords && !theme.keywords) await db.updateTable('theme').set({ keywords: JSON.stringify(keywords) }).where('id', '=', theme.id).execute()
  }
  const coder = await db.selectFrom('staff_user').select('id').where('email', '=', CODER_EMAIL).executeTakeFirst()
  if (!coder) return
  const stories = new Set((await db.selectFrom('story').select('id').where('consultation_id', '=', consultationId).where('status', '=', 'approved').execute()).map((s) => s.id))
  const coded = new Set((await db.selectFrom('coding').select('story_id').where('consultation_id', '=', consultationId).where('story_id', 'is not', null).execute()).map((c) => c.story_id))
  const now = new Date().toISOString()
  for (const [index] of demoStories.entries()) {
    const storyId = demoStoryId(index)
    if (!stories.has(storyId) || coded.has(storyId)) continue
    const ids = (demoStoryCodes[index] ?? []).map((key) => themeId.get(key)).filter((id): id is string => id !== undefined)
    const codingId = crypto.randomUUID()
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('coding').values({ id: codingId, consultation_id: consultationId, item_key: `story:${storyId}`, answer_id: null, story_id: storyId, coder_id: coder.id, coded_at: now }).execute()
      if (ids.length) await trx.insertInto('coding_theme').values(ids.map((id) => ({ coding_id: codingId, theme_id: id }))).execute()
    })
  }
}
