// Survey content in the participant's language, with the consultation's default language as the
// fallback, marked with its own language so pages can give it a `lang` attribute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { demoQuestions } from '../../db/seed/demo-content'
import { EVERY_QUESTION_SLUG, everyQuestionQuestions } from '../../db/seed/every-question-content'
import { findConsultationBySlug } from '~/models/consultation.server'
import * as startRoute from '~/routes/participant/start'
import { loadSurvey } from '~/services/survey.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

process.env.SESSION_SECRET ??= 'integration-tests-only-secret-0123456789abcdef'

describe.each(testDialects())('survey languages [%s]', (dialect) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
  })
  afterAll(async () => test.drop())

  async function consultation(slug: string) {
    const found = await findConsultationBySlug(test.db, slug)
    if (!found) throw new Error(`${slug} missing`)
    return found
  }

  it('has every question and option of both demo surveys in Arabic, with no lang marks', async () => {
    for (const [slug, seeded] of [[DEMO_SLUG, demoQuestions], [EVERY_QUESTION_SLUG, everyQuestionQuestions]] as const) {
      const survey = await loadSurvey(test.db, await consultation(slug), 'ar')
      expect(survey.lang).toBeUndefined()
      expect(survey.questions.map((q) => q.prompt)).toEqual(seeded.map((q) => q.prompt.ar))
      expect(survey.questions.flatMap((q) => q.options.map((o) => o.label))).toEqual(seeded.flatMap((q) => q.options.map((o) => o.label.ar)))
      expect(survey.questions.filter((q) => q.lang || q.options.some((o) => o.lang))).toEqual([])
    }
    const easy = await loadSurvey(test.db, await consultation(DEMO_SLUG), 'ar', 'easy')
    expect(easy.questions[0].prompt).toBe(demoQuestions[0].prompt.arEasy)
  })

  it('falls back to the default language, marked lang="en", where a translation is missing', async () => {
    const demo = await consultation(DEMO_SLUG)
    const question = demoQuestions[2]
    await test.db.deleteFrom('translation').where('locale', '=', 'ar').where('entity_id', 'in', [`q-${question.key}`, `q-${question.key}.${question.options[1].key}`, demo.id]).execute()
    // Whatever changes a survey's texts bumps updated_at (loadSurvey keeps assembled surveys by it).
    const updatedAt = new Date(Date.parse(demo.updated_at) + 1000).toISOString()
    await test.db.updateTable('consultation').set({ updated_at: updatedAt }).where('id', '=', demo.id).execute()
    const survey = await loadSurvey(test.db, { ...demo, updated_at: updatedAt }, 'ar')
    expect(survey.title).toBe('Have your say: our plan for children and young people')
    expect(survey.lang).toEqual({ title: 'en', description: 'en' })
    const shown = survey.questions[2]
    expect(shown.prompt).toBe(question.prompt.en)
    expect(shown.lang).toEqual({ prompt: 'en', hint: undefined })
    expect(shown.options.map((o) => [o.label, o.lang])).toEqual([
      [question.options[0].label.ar, undefined],
      [question.options[1].label.en, 'en'],
      [question.options[2].label.ar, undefined],
    ])
    // In the default language itself nothing is a fallback.
    const english = await loadSurvey(test.db, demo, 'en')
    expect(english.lang).toBeUndefined()
    expect(english.questions[2].lang).toBeUndefined()

    // The start page gives its title and description their own language (rendered as lang="en").
    globalThis.__db = test.db
    try {
      const start = async (language: string) => {
        const request = new Request(`http://localhost/c/${DEMO_SLUG}`, { headers: { 'Accept-Language': language } })
        const result = (await startRoute.loader({ request, params: { slug: DEMO_SLUG }, context: {} })) as unknown as { data: { title: string; titleLang?: string; descriptionLang?: string } }
        return result.data
      }
      expect(await start('ar')).toMatchObject({ title: 'Have your say: our plan for children and young people', titleLang: 'en', descriptionLang: 'en' })
      const inEnglish = await start('en')
      expect(inEnglish.titleLang).toBeUndefined()
      expect(inEnglish.descriptionLang).toBeUndefined()
    } finally {
      globalThis.__db = undefined
    }
  })
})
