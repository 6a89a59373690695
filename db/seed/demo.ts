// Seeds the demo organisation, the ECM plan and the demo consultation, with 1,000 made-up
// responses so the planner's page has numbers big enough to show past small-number suppression.
import type { Kysely } from 'kysely'
import type { Database } from '../schema'
import { demoConsultation, demoQuestions, demoTextAnswers, demoThemes, ecmOutcomes, haltonCountsPer1000 } from './demo-content'
import { seedEveryQuestion } from './every-question-content'
import { seedFindings } from './findings'
import { seedStories } from './stories'
import { seedDemoCoding } from './coding'
import { seedDemoAccounts } from './accounts'
import { rebuildTallies } from '../../app/models/tally-cell.server'

export const DEMO_SLUG = demoConsultation.slug
const ORG = 'demo-org'
const CONSULTATION = 'demo-consultation'
const PLAN = 'demo-plan-ecm'

/** Returns false when the demo is already there (the seed is safe to run twice). */
export async function seedDemo(db: Kysely<Database>, { syntheticResponses = 1000 } = {}): Promise<boolean> {
  await seedDemoAccounts(db) // one staff account per role (README: "Signing in to the demo")
  const existing = await db.selectFrom('consultation').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst()
  if (existing) {
    await seedEveryQuestion(db, ORG) // "Try every kind of question", also into databases seeded before it existed
    await applyDemoSymbols(db) // symbols, also into databases seeded before they existed
    await seedFindings(db) // "You said, we did": theme words for children and example actions
    await seedStories(db, ORG, CONSULTATION) // stories (issue 5): the published quotes, and "Tell us your story"
    await seedDemoCoding(db, CONSULTATION) // coding (issue 5): keyword rules, and the demo stories already coded
    return false
  }
  const now = new Date().toISOString()

  await db.transaction().execute(async (trx) => {
    await trx.insertInto('organisation').values({ id: ORG, name: 'Demo Council', suppression_threshold: 10, created_at: now }).execute()
    await trx.insertInto('plan').values({ id: PLAN, organisation_id: ORG, title: 'Every Child Matters outcomes', source: 'Every Child Matters (England, 2003-2010)' }).execute()
    await trx
      .insertInto('plan_outcome')
      .values(ecmOutcomes.map((o, i) => ({ id: `outcome-${o.code}`, plan_id: PLAN, code: o.code, title: o.title, position: i + 1 })))
      .execute()
    await trx
      .insertInto('consultation')
      .values({ id: CONSULTATION, organisation_id: ORG, slug: DEMO_SLUG, status: 'open', default_locale: 'en', anonymity: 'anonymous', lawful_basis: 'public_task', retention_days: 730, symbol_mode_default: 0, created_at: now, updated_at: now })
      .execute()
    await trx
      .insertInto('theme')
      .values(demoThemes.map((t) => ({ id: `theme-${t.key}`, consultation_id: CONSULTATION, key: t.key, title: t.title, description: null })))
      .execute()
    await trx
      .insertInto('theme_outcome')
      .values(demoThemes.flatMap((t) => t.outcomes.map((code) => ({ theme_id: `theme-${t.key}`, outcome_id: `outcome-${code}` }))))
      .execute()

    const texts: Database['translation'][] = []
    const addTexts = (entityType: Database['translation']['entity_type'], entityId: string, field: string, t: { en: string; cy: string; ar: string; enEasy?: string; cyEasy?: string; arEasy?: string }) => {
      texts.push({ entity_type: entityType, entity_id: entityId, field, locale: 'en', register: 'plain', value: t.en })
      texts.push({ entity_type: entityType, entity_id: entityId, field, locale: 'cy', register: 'plain', value: t.cy })
      if (t.enEasy) texts.push({ entity_type: entityType, entity_id: entityId, field, locale: 'en', register: 'easy', value: t.enEasy })
      if (t.cyEasy) texts.push({ entity_type: entityType, entity_id: entityId, field, locale: 'cy', register: 'easy', value: t.cyEasy })
      texts.push({ entity_type: entityType, entity_id: entityId, field, locale: 'ar', register: 'plain', value: t.ar })
      if (t.arEasy) texts.push({ entity_type: entityType, entity_id: entityId, field, locale: 'ar', register: 'easy', value: t.arEasy })
    }
    addTexts('consultation', CONSULTATION, 'title', demoConsultation.title)
    addTexts('consultation', CONSULTATION, 'description', demoConsultation.description)

    for (const [index, q] of demoQuestions.entries()) {
      const questionId = `q-${q.key}`
      await trx
        .insertInto('question')
        .values({ id: questionId, consultation_id: CONSULTATION, position: index + 1, key: q.key, type: q.type, required: 0, config: JSON.stringify(q.config), symbol: q.symbol ?? null })
        .execute()
      addTexts('question', questionId, 'prompt', q.prompt)
      if (q.hint) addTexts('question', questionId, 'hint', q.hint)
      for (const [position, o] of q.options.entries()) {
        const optionId = `${questionId}.${o.key}`
        await trx.insertInto('option').values({ id: optionId, question_id: questionId, position: position + 1, key: o.key, symbol: o.symbol ?? null }).execute()
        addTexts('option', optionId, 'label', o.label)
        for (const theme of o.themes) await trx.insertInto('option_theme').values({ option_id: optionId, theme_id: `theme-${theme}` }).execute()
      }
    }
    await trx.insertInto('translation').values(texts).execute()
  })

  await seedEveryQuestion(db, ORG)
  if (syntheticResponses > 0) await seedSyntheticResponses(db, syntheticResponses)
  // The synthetic answers went straight into the tables: count them into the tally cells in one go.
  await rebuildTallies(db, CONSULTATION)
  await seedFindings(db)
  await seedStories(db, ORG, CONSULTATION)
  await seedDemoCoding(db, CONSULTATION)
  return true
}

/** Sets the demo's question and option symbols from the content (idempotent). */
async function applyDemoSymbols(db: Kysely<Database>) {
  for (const q of demoQuestions) {
    const questionId = `q-${q.key}`
    await db.updateTable('question').set({ symbol: q.symbol ?? null }).where('id', '=', questionId).where('consultation_id', '=', CONSULTATION).execute()
    for (const o of q.options) await db.updateTable('option').set({ symbol: o.symbol ?? null }).where('id', '=', `${questionId}.${o.key}`).execute()
  }
}

/** Deterministic pseudo-random numbers (so the demo looks the same every time). */
function lcg(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

async function seedSyntheticResponses(db: Kysely<Database>, count: number) {
  const random = lcg(20071)
  const priority = demoQuestions[0]
  const ranking = demoQuestions[1]
  const scale = demoQuestions[2]
  const text = demoQuestions[3]
  // Halton: option i is chosen by exactly round(count_i / 1000 × count) respondents, in a
  // window that starts at a different place for each option, so everyone chooses at least one.
  const chosenBy = haltonCountsPer1000.map((per1000, i) => {
    const size = Math.round((per1000 * count) / 1000)
    const start = Math.floor((i * count) / haltonCountsPer1000.length)
    return new Set(Array.from({ length: size }, (_, k) => (start + k) % count))
  })
  // Ranking: published order is most likely first (a Plackett–Luce draw with falling weights).
  const weights = [5, 4, 3, 2.5, 2]
  const scaleCut = [0.52, 0.88] // 52% safe, 36% sometimes, 12% not safe

  const createdAt = new Date(Date.UTC(2026, 10, 1)).toISOString()
  const batch = 200
  for (let from = 0; from < count; from += batch) {
    await db.transaction().execute(async (trx) => {
      const size = Math.min(batch, count - from)
      const ids = await trx
        .insertInto('response')
        .values(
          Array.from({ length: size }, (_, k) => ({
            consultation_id: CONSULTATION,
            resume_hash: `seed-${from + k}`,
            receipt_hash: null,
            locale: 'en',
            status: 'submitted' as const,
            entered_on_behalf: 0,
            demographics: null,
            created_at: createdAt,
            submitted_at: createdAt,
          })),
        )
        .returning('id')
        .execute()
      const answers: Array<Database['answer'] extends infer A ? Omit<A, 'id'> : never> = []
      ids.forEach(({ id }, k) => {
        const r = from + k
        const none = { option_id: null, rank: null, value: null, text: null, skipped: 0 }
        priority.options.forEach((o, i) => {
          if (chosenBy[i].has(r)) answers.push({ ...none, response_id: id, question_id: `q-${priority.key}`, option_id: `q-${priority.key}.${o.key}` })
        })
        const remaining = ranking.options.map((o, i) => ({ key: o.key, weight: weights[i] }))
        for (let rank = 1; remaining.length; rank++) {
          let pick = random() * remaining.reduce((s, x) => s + x.weight, 0)
          const index = remaining.findIndex((x) => (pick -= x.weight) < 0)
          const [chosen] = remaining.splice(index === -1 ? remaining.length - 1 : index, 1)
          answers.push({ ...none, response_id: id, question_id: `q-${ranking.key}`, option_id: `q-${ranking.key}.${chosen.key}`, rank })
        }
        const roll = random()
        const point = roll < scaleCut[0] ? 0 : roll < scaleCut[1] ? 1 : 2
        answers.push({ ...none, response_id: id, question_id: `q-${scale.key}`, option_id: `q-${scale.key}.${scale.options[point].key}`, value: point + 1 })
        if (r % 7 === 0) answers.push({ ...none, response_id: id, question_id: `q-${text.key}`, text: demoTextAnswers[(r / 7) % demoTextAnswers.length] })
        else answers.push({ ...none, response_id: id, question_id: `q-${text.key}`, skipped: 1 })
      })
      for (let i = 0; i < answers.length; i += 500) await trx.insertInto('answer').values(answers.slice(i, i + 500)).execute()
    })
  }
}
