// Stories in the demo (issue 5): the published quotes (copied from the Cambridgeshire 2006 and Halton 2007
// plans, each with an age or group, never a name) as approved stories of the demo consultation with
// consent to use the words, and a small consultation "Tell us your story" (/c/your-story) that asks for
// a story with a picture. Safe to run again: what is already there is left alone.
import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/** ../shared/fixtures/stories/quotes.json, copied: the product ships its own demo data. */
export const demoStories: ReadonlyArray<{ who: string; text: string }> = [
  { who: '14-15 year old, anger management group', text: "Give us people we trust to talk to. Listen to us. Don't shout at us and don't blame us just because we have a reputation or we'll never get better." },
  { who: '10 year old', text: "If you're feeling sad and hurt you will have someone to talk to and it will be easier to learn so you will get a good education and a good job." },
  { who: '8-9 year old', text: 'More free stuff near where people live.' },
  { who: '13-19 year old', text: "There is nothing in our area for teenagers to do. We haven't got any youth clubs and we cant afford to get into town." },
  { who: 'young person', text: 'Ask us proper questions and do something with the answer.' },
  { who: 'under 11', text: "Get everyone's ideas, have a plan, always involve children." },
  { who: '11-19 year old', text: "We have managed to change people's views of us. Not all young people are labelled in this village." },
  { who: '15-18 year old', text: 'A skills programme locally based with small weekly wage would be well used.' },
  { who: 'Year 9 pupil', text: 'Children have a big part to play in the community. Hear what they say!' },
  { who: '15 year old disabled child', text: "Don't treat me differently just because I've got a few problems." },
  { who: 'Year 6 child', text: 'I like being a child here. It makes me feel proud and important because it is a lovely environment and they are always offering new things.' },
]

/** The id of the demo story made from demoStories[index]. */
export const demoStoryId = (index: number) => `demo-story-${index + 1}`

export const STORY_SLUG = 'your-story'
const STORY_CONSULTATION = 'your-story-consultation'

type Texts = { en: string; cy: string; ar: string; enEasy?: string; cyEasy?: string; arEasy?: string }

const storyConsultation = {
  title: { en: 'Tell us your story', cy: 'Dyweda dy stori wrthon ni', ar: 'احكِ لنا قصتك' },
  description: {
    en: 'This is an example. Tell us something that happened to you, and add a drawing or photo if you want to. It takes about 5 minutes.',
    cy: "Enghraifft yw hon. Dyweda wrthon ni am rywbeth a ddigwyddodd i ti, ac ychwanega lun neu ffotograff os wyt ti eisiau. Mae'n cymryd tua 5 munud.",
    ar: 'هذا مثال. أخبرنا بشيء حدث لك، وأضف رسمة أو صورة إذا أردت. يستغرق نحو 5 دقائق.',
  } satisfies Texts,
}

const storyQuestions: Array<{ key: string; type: string; config: Record<string, unknown>; prompt: Texts; hint?: Texts; options: Array<{ key: string; label: Texts }> }> = [
  {
    key: 'my-story',
    type: 'story',
    config: { maxLength: 1000, allowPicture: true },
    prompt: {
      en: 'Tell us about something that happened to you where you live',
      cy: "Dyweda wrthon ni am rywbeth a ddigwyddodd i ti lle rwyt ti'n byw",
      ar: 'أخبرنا بشيء حدث لك في المكان الذي تعيش فيه',
      enEasy: 'Tell us your story',
      cyEasy: 'Dyweda dy stori wrthon ni',
      arEasy: 'احكِ لنا قصتك',
    },
    hint: { en: "Do not write anyone's name.", cy: 'Paid ag ysgrifennu enw neb.', ar: 'لا تكتب اسم أي شخص.' },
    options: [],
  },
  {
    key: 'age-band',
    type: 'demographic',
    config: { field: 'ageBand' },
    prompt: { en: 'How old are you?', cy: 'Faint yw dy oed di?', ar: 'كم عمرك؟', enEasy: 'How old are you? Choose your age group.', cyEasy: 'Faint yw dy oed di? Dewis dy grŵp oed.', arEasy: 'كم عمرك؟ اختر فئتك العمرية.' },
    options: [
      { key: 'age-under-8', label: { en: 'Under 8', cy: 'O dan 8', ar: 'أقل من 8' } },
      { key: 'age-8-10', label: { en: '8 to 10', cy: '8 i 10', ar: 'من 8 إلى 10' } },
      { key: 'age-11-13', label: { en: '11 to 13', cy: '11 i 13', ar: 'من 11 إلى 13' } },
      { key: 'age-14-16', label: { en: '14 to 16', cy: '14 i 16', ar: 'من 14 إلى 16' } },
      { key: 'age-17-19', label: { en: '17 to 19', cy: '17 i 19', ar: 'من 17 إلى 19' } },
      { key: 'age-20-25', label: { en: '20 to 25', cy: '20 i 25', ar: 'من 20 إلى 25' } },
    ],
  },
]

/** The published quotes as approved stories of `consultationId`, with consent to use the words (no pictures). */
export async function seedDemoStories(db: Kysely<Database>, consultationId: string): Promise<number> {
  const existing = new Set((await db.selectFrom('story').select('id').where('consultation_id', '=', consultationId).execute()).map((r) => r.id))
  const now = new Date().toISOString()
  const rows = demoStories
    .map((s, index) => ({ ...s, id: demoStoryId(index) }))
    .filter((s) => !existing.has(s.id))
    .map((s) => ({
      id: s.id,
      consultation_id: consultationId,
      response_id: null,
      question_id: null,
      text: s.text,
      attribution: s.who,
      status: 'approved' as const,
      consent_words: 1,
      consent_picture: 0,
      created_at: now,
      updated_at: now,
    }))
  if (rows.length) await db.insertInto('story').values(rows).execute()
  return rows.length
}

/** "Tell us your story" (/c/your-story): a story question with a picture, then the age band. */
export async function seedStoryConsultation(db: Kysely<Database>, organisationId: string): Promise<boolean> {
  const existing = await db.selectFrom('consultation').select('id').where('slug', '=', STORY_SLUG).executeTakeFirst()
  if (existing) return false
  const now = new Date().toISOString()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('consultation')
      .values({ id: STORY_CONSULTATION, organisation_id: organisationId, slug: STORY_SLUG, status: 'open', default_locale: 'en', anonymity: 'anonymous', lawful_basis: 'public_task', retention_days: 730, symbol_mode_default: 0, created_at: now, updated_at: now })
      .execute()
    const texts: Database['translation'][] = []
    const addTexts = (entityType: Database['translation']['entity_type'], entityId: string, field: string, t: Texts) => {
      for (const locale of ['en', 'cy', 'ar'] as const) {
        texts.push({ entity_type: entityType, entity_id: entityId, field, locale, register: 'plain', value: t[locale] })
        const easy = t[`${locale}Easy`]
        if (easy) texts.push({ entity_type: entityType, entity_id: entityId, field, locale, register: 'easy', value: easy })
      }
    }
    addTexts('consultation', STORY_CONSULTATION, 'title', storyConsultation.title)
    addTexts('consultation', STORY_CONSULTATION, 'description', storyConsultation.description)
    for (const [index, q] of storyQuestions.entries()) {
      const questionId = `ys-${q.key}`
      await trx.insertInto('question').values({ id: questionId, consultation_id: STORY_CONSULTATION, position: index + 1, key: q.key, type: q.type, required: 0, config: JSON.stringify(q.config), symbol: null }).execute()
      addTexts('question', questionId, 'prompt', q.prompt)
      if (q.hint) addTexts('question', questionId, 'hint', q.hint)
      if (q.options.length) {
        await trx
          .insertInto('option')
          .values(q.options.map((o, position) => ({ id: `${questionId}.${o.key}`, question_id: questionId, position: position + 1, key: o.key, symbol: null })))
          .execute()
      }
      for (const o of q.options) addTexts('option', `${questionId}.${o.key}`, 'label', o.label)
    }
    await trx.insertInto('translation').values(texts).execute()
  })
  return true
}

/** Both: the demo's quotes and "Tell us your story" (called by seedDemo, also for databases seeded before stories existed). */
export async function seedStories(db: Kysely<Database>, organisationId: string, demoConsultationId: string): Promise<void> {
  await seedDemoStories(db, demoConsultationId)
  await seedStoryConsultation(db, organisationId)
}
