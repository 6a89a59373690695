// The question editor on SQLite and PostgreSQL: add a question of every type, edit, move and remove
// questions, symbols, texts in Welsh and Easy Read; the structure lock once a response exists
// (structure refused and nothing saved; wording allowed and audited with old and new words); and a
// new version whose structure can change again. What a participant would see is read back through
// loadSurvey, so the survey cache (keyed by consultation.updated_at) is checked too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../db/seed/demo'
import { findConsultationBySlug, listOptions, listQuestions } from '~/models/consultation.server'
import { createResponse } from '~/models/response.server'
import { findStaffUserByEmail } from '~/models/staff-user.server'
import { createConsultation } from '~/services/consultations.server'
import {
  addQuestion,
  chooseSymbol,
  editQuestion,
  editQuestionValues,
  makeNewVersion,
  moveQuestion,
  questionList,
  removeQuestion,
  saveTextsPage,
  textsOverview,
  textsPageRows,
  versionInfo,
} from '~/services/question-editor.server'
import { loadSurvey } from '~/services/survey.server'
import { createI18n } from '~/i18n/i18n'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

const t = createI18n('en').t as unknown as (key: string, options?: Record<string, unknown>) => string

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(values)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v)
  return data
}

/** The fields of a question form with `options` as rows (label, key?, id?). */
function questionForm(fields: Record<string, string>, options: Array<{ label: string; key?: string; id?: string; remove?: boolean }> = []): FormData {
  const rows: Record<string, string> = { optionRows: String(options.length) }
  options.forEach((o, i) => {
    rows[`option-${i}-label`] = o.label
    rows[`option-${i}-key`] = o.key ?? ''
    rows[`option-${i}-id`] = o.id ?? ''
    if (o.remove) rows[`option-${i}-remove`] = 'on'
  })
  return form({ intent: 'save', ...fields, ...rows })
}

const everyType: Array<{ fields: Record<string, string>; options: Array<{ label: string; key?: string }> }> = [
  { fields: { type: 'single', prompt: 'Which park do you like best?' }, options: [{ label: 'Big park' }, { label: 'Small park' }] },
  { fields: { type: 'multi', prompt: 'What would make parks better?', 'setting-maxChoices': '2' }, options: [{ label: 'Swings' }, { label: 'Toilets' }, { label: 'Lights' }] },
  { fields: { type: 'ranking', prompt: 'Put these in order', 'setting-rankCount': '2' }, options: [{ label: 'Safety' }, { label: 'Fun' }, { label: 'Clean' }] },
  { fields: { type: 'scale', prompt: 'How safe do you feel?', 'setting-style': 'emoji' }, options: [{ label: 'Not safe' }, { label: 'OK' }, { label: 'Safe' }] },
  { fields: { type: 'text', prompt: 'Anything else?', 'setting-maxLength': '300' }, options: [] },
  { fields: { type: 'demographic', prompt: 'Where do you live?', 'setting-field': 'area' }, options: [{ label: 'North' }, { label: 'South' }] },
  {
    fields: { type: 'consent', prompt: 'Can we quote your words?', 'setting-purpose': 'quote', required: 'on' },
    options: [
      { label: 'Yes', key: 'yes' },
      { label: 'No', key: 'no' },
    ],
  },
  { fields: { type: 'story', prompt: 'Tell us about a day at the park', 'setting-maxLength': '800' }, options: [] },
]

describe.each(testDialects())('question editor [%s]', (dialect) => {
  let test: TestDatabase
  let userId: string
  const SLUG = 'editor-test'

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    userId = (await findStaffUserByEmail(test.db, 'planner@demo.invalid'))!.id
    const created = await createConsultation(
      test.db,
      form({
        slug: SLUG,
        title: 'Parks',
        description: 'Tell us about parks',
        defaultLocale: 'en',
        anonymity: 'anonymous',
        lawfulBasis: 'public_task',
        retentionDays: '365',
        audience: ['age-8-10'],
      }),
      { organisationId: (await test.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id, userId }
    )
    expect(created.ok).toBe(true)
  })
  afterAll(async () => test.drop())

  async function consultation(slug = SLUG) {
    const c = await findConsultationBySlug(test.db, slug)
    if (!c) throw new Error(`${slug} missing`)
    return c
  }
  async function survey(locale = 'en', register: 'plain' | 'easy' = 'plain', slug = SLUG) {
    return loadSurvey(test.db, await consultation(slug), locale, register)
  }
  async function audit(action: string) {
    const rows = await test.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id').execute()
    return rows.map((r) => ({ ...r, details: JSON.parse(r.details ?? '{}') as Record<string, unknown> }))
  }

  it('adds a question of every type, which participants then see in order with its settings', async () => {
    await survey() // cached before: each change must show through the cache
    for (const { fields, options } of everyType) {
      const result = await addQuestion(test.db, await consultation(), questionForm(fields, options), { userId, t })
      expect(result, fields.type).toMatchObject({ ok: true })
    }
    const s = await survey()
    expect(s.questions.map((q) => q.type)).toEqual(['single', 'multi', 'ranking', 'scale', 'text', 'demographic', 'consent', 'story'])
    expect(s.questions.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(s.questions[1]).toMatchObject({ key: 'what-would-make-parks-better', config: { maxChoices: 2 }, required: false })
    expect(s.questions[1].options.map((o) => [o.key, o.label])).toEqual([
      ['swings', 'Swings'],
      ['toilets', 'Toilets'],
      ['lights', 'Lights'],
    ])
    expect(s.questions[2].config).toEqual({ rankCount: 2 })
    expect(s.questions[4]).toMatchObject({ type: 'text', config: { maxLength: 300 }, options: [] })
    expect(s.questions[5].config).toEqual({ field: 'area' })
    expect(s.questions[6]).toMatchObject({ required: true, config: { purpose: 'quote' } })
    // A story's picture box is off when its tick box is not sent (a form with the box unticked)
    expect(s.questions[7]).toMatchObject({ type: 'story', config: { maxLength: 800, allowPicture: false }, options: [] })
    expect((await audit('question.create')).map((e) => e.details.type)).toEqual(everyType.map((q) => q.fields.type))
  })

  it('refuses a bad question and saves nothing', async () => {
    const before = (await listQuestions(test.db, (await consultation()).id)).length
    const result = await addQuestion(
      test.db,
      await consultation(),
      questionForm({ type: 'scale', prompt: '', 'setting-style': 'emoji' }, [{ label: 'A' }, { label: 'B' }, { label: 'C' }, { label: 'D' }]),
      { userId, t }
    )
    expect(result).toMatchObject({ ok: false, errors: { prompt: { code: 'promptMissing' }, options: { code: 'scalePoints' } } })
    expect((await listQuestions(test.db, (await consultation()).id)).length).toBe(before)
  })

  it('edits a question: words, settings, an option added, one removed, the order changed', async () => {
    const c = await consultation()
    const multi = (await survey()).questions[1]
    const [swings, toilets, lights] = multi.options
    const result = await editQuestion(
      test.db,
      c,
      multi.id,
      questionForm({ type: 'multi', key: multi.key, prompt: 'What would make parks best?', hint: 'Pick up to three', 'setting-maxChoices': '3' }, [
        { id: lights.id, key: 'lights', label: 'Lights at night' },
        { id: swings.id, key: 'swings', label: 'Swings' },
        { id: toilets.id, key: 'toilets', label: 'Toilets', remove: true },
        { label: 'Benches' },
      ]),
      { userId, t }
    )
    expect(result).toEqual({ ok: true, questionId: multi.id })
    const edited = (await survey()).questions[1]
    expect(edited).toMatchObject({ prompt: 'What would make parks best?', hint: 'Pick up to three', config: { maxChoices: 3 } })
    expect(edited.options.map((o) => [o.key, o.label])).toEqual([
      ['lights', 'Lights at night'],
      ['swings', 'Swings'],
      ['benches', 'Benches'],
    ])
    const values = await editQuestionValues(test.db, c, multi.id)
    expect(values.options.filter((o) => o.id).map((o) => o.key)).toEqual(['lights', 'swings', 'benches'])
  })

  it('moves questions up and down, and removes one (the rest close up)', async () => {
    const before = (await survey()).questions
    expect(await moveQuestion(test.db, await consultation(), before[1].id, 'up', userId)).toBe('moved')
    expect((await survey()).questions.slice(0, 2).map((q) => q.id)).toEqual([before[1].id, before[0].id])
    expect(await moveQuestion(test.db, await consultation(), before[1].id, 'up', userId)).toBe('cannot')
    expect(await moveQuestion(test.db, await consultation(), before[1].id, 'down', userId)).toBe('moved')
    expect((await survey()).questions.map((q) => q.id)).toEqual(before.map((q) => q.id))

    const added = await addQuestion(test.db, await consultation(), questionForm({ type: 'single', prompt: 'To be removed' }, [{ label: 'A' }, { label: 'B' }]), { userId, t })
    if (!added.ok) throw new Error('not added')
    await moveQuestion(test.db, await consultation(), added.questionId, 'up', userId)
    expect(await removeQuestion(test.db, await consultation(), added.questionId, userId)).toBe('removed')
    const after = await listQuestions(test.db, (await consultation()).id)
    expect(after.map((q) => q.id)).toEqual(before.map((q) => q.id))
    expect(after.map((q) => q.position)).toEqual(before.map((_, i) => i + 1))
    const options = await listOptions(test.db, (await consultation()).id)
    expect(options.some((o) => o.question_id === added.questionId)).toBe(false)
    expect((await audit('question.remove')).at(-1)?.details).toMatchObject({ question: 'to-be-removed' })
  })

  it('sets and removes symbols of the question and an option; refuses unknown symbols', async () => {
    const q = (await survey()).questions[0]
    expect(await chooseSymbol(test.db, await consultation(), q.id, 'question', 'openmoji:1F333', userId)).toBe('saved')
    expect(await chooseSymbol(test.db, await consultation(), q.id, q.options[1].id, 'openmoji:1F600', userId)).toBe('saved')
    expect(await chooseSymbol(test.db, await consultation(), q.id, q.options[0].id, 'openmoji:FFFFF', userId)).toBe('unknown')
    expect(await chooseSymbol(test.db, await consultation(), q.id, 'not-an-option', 'openmoji:1F600', userId)).toBe('unknown')
    expect(await chooseSymbol(test.db, await consultation(), q.id, q.options[0].id, 'upload:missing', userId)).toBe('unknown')
    let shown = (await survey()).questions[0]
    expect(shown.symbol).toBe('openmoji:1F333')
    expect(shown.options.map((o) => o.symbol)).toEqual([null, 'openmoji:1F600'])
    const list = await questionList(test.db, await consultation())
    expect(list.questions[0]).toMatchObject({ symbol: 'openmoji:1F333', symbolName: 'deciduous tree' })
    expect(await chooseSymbol(test.db, await consultation(), q.id, q.options[1].id, null, userId)).toBe('saved')
    shown = (await survey()).questions[0]
    expect(shown.options[1].symbol).toBeNull()
    expect((await audit('question.symbol')).at(-1)?.details).toMatchObject({ old: 'openmoji:1F600', new: null })
  })

  it('saves a Welsh translation and Easy Read texts, listing what is still missing', async () => {
    const c = await consultation()
    const q = (await survey()).questions[0]
    const { rows, missing } = await textsPageRows(test.db, c, 'cy', 'plain')
    expect(missing.length).toBe(rows.length) // nothing in Welsh yet
    const welsh = form({
      [`text-consultation-${c.id}-title`]: 'Parciau',
      [`text-question-${q.id}-prompt`]: 'Pa barc wyt ti’n ei hoffi orau?',
      [`text-option-${q.options[0].id}-label`]: 'Parc mawr',
    })
    expect(await saveTextsPage(test.db, c, 'cy', 'plain', welsh, userId)).toEqual({ ok: true, changed: 3 })
    const cy = await survey('cy')
    expect(cy.title).toBe('Parciau')
    expect(cy.questions[0].prompt).toBe('Pa barc wyt ti’n ei hoffi orau?')
    expect(cy.questions[0].options.map((o) => [o.label, o.lang])).toEqual([
      ['Parc mawr', undefined],
      ['Small park', 'en'],
    ])
    expect((await textsPageRows(test.db, await consultation(), 'cy', 'plain')).missing.length).toBe(rows.length - 3)

    expect(await saveTextsPage(test.db, await consultation(), 'en', 'easy', form({ [`text-question-${q.id}-prompt`]: 'Which park is best?' }), userId)).toEqual({
      ok: true,
      changed: 1,
    })
    expect((await survey('en', 'easy')).questions[0].prompt).toBe('Which park is best?')
    const overview = await textsOverview(test.db, await consultation())
    expect(overview.pages.find((p) => p.locale === 'cy' && p.register === 'plain')).toMatchObject({ missing: rows.length - 3, total: rows.length })

    const tooLong = await saveTextsPage(test.db, await consultation(), 'cy', 'plain', form({ [`text-question-${q.id}-prompt`]: 'x'.repeat(5001) }), userId)
    expect(tooLong).toMatchObject({ ok: false })
    expect((await survey('cy')).questions[0].prompt).toBe('Pa barc wyt ti’n ei hoffi orau?')
  })

  it('locks the structure once a response exists: structure refused, wording allowed and audited', async () => {
    const c = await consultation()
    await createResponse(test.db, { consultationId: c.id, resumeHash: 'editor-test-device', locale: 'en', now: new Date().toISOString() })
    const before = await survey()
    const single = before.questions[0]
    const [big, small] = single.options

    // Structure: a new option key, an option added, the order: refused, nothing saved.
    const structural = await editQuestion(
      test.db,
      await consultation(),
      single.id,
      questionForm({ type: 'single', key: single.key, prompt: single.prompt }, [
        { id: small.id, key: 'small', label: 'Small park' },
        { id: big.id, key: 'big', label: 'Big park' },
        { label: 'Skate park' },
      ]),
      { userId, t }
    )
    expect(structural).toMatchObject({ ok: false, errors: { lock: { code: 'locked' } } })
    expect(!structural.ok && structural.errors.lock.values?.changes).toContain('new options')
    expect(await addQuestion(test.db, await consultation(), questionForm({ type: 'single', prompt: 'New' }, [{ label: 'A' }, { label: 'B' }]), { userId, t })).toMatchObject({
      ok: false,
      errors: { lock: { code: 'lockedAdd' } },
    })
    expect(await moveQuestion(test.db, await consultation(), before.questions[1].id, 'up', userId)).toBe('locked')
    expect(await removeQuestion(test.db, await consultation(), before.questions[1].id, userId)).toBe('locked')
    expect(JSON.stringify(await survey())).toBe(JSON.stringify(before))

    // Wording: allowed, each change recorded with the old and new words.
    const wording = await editQuestion(
      test.db,
      await consultation(),
      single.id,
      questionForm({ type: 'single', key: single.key, prompt: 'Which park do you love most?' }, [
        { id: big.id, key: big.key, label: 'The big park' },
        { id: small.id, key: small.key, label: 'Small park' },
      ]),
      { userId, t }
    )
    expect(wording).toEqual({ ok: true, questionId: single.id })
    const after = await survey()
    expect(after.questions[0].prompt).toBe('Which park do you love most?')
    expect(after.questions[0].options.map((o) => o.label)).toEqual(['The big park', 'Small park'])
    const events = (await audit('question.wording')).slice(-2)
    expect(events.map((e) => e.details)).toEqual([
      expect.objectContaining({ field: 'prompt', old: 'Which park do you like best?', new: 'Which park do you love most?', locked: true }),
      expect.objectContaining({ field: 'label', old: 'Big park', new: 'The big park', locked: true }),
    ])
    expect(events[0].user_id).toBe(userId)

    // Translations and symbols too.
    expect(await saveTextsPage(test.db, await consultation(), 'cy', 'plain', form({ [`text-option-${big.id}-label`]: 'Y parc mawr' }), userId)).toEqual({ ok: true, changed: 1 })
    expect((await audit('consultation.text')).at(-1)?.details).toMatchObject({
      field: 'label',
      locale: 'cy',
      register: 'plain',
      old: 'Parc mawr',
      new: 'Y parc mawr',
      locked: true,
    })
    expect(await chooseSymbol(test.db, await consultation(), single.id, small.id, 'openmoji:1F600', userId)).toBe('saved')
    expect((await questionList(test.db, await consultation())).locked).toBe(true)
  })

  it('makes a new version: a linked draft copy whose structure can change', async () => {
    const original = await consultation()
    const bad = await makeNewVersion(test.db, original, form({ slug: SLUG }), userId)
    expect(bad).toMatchObject({ ok: false, errors: { 'version-slug': 'slugTaken' } })
    const list = await questionList(test.db, original)
    expect(list.suggestedVersionSlug).toBe('editor-test-v2')
    const made = await makeNewVersion(test.db, original, form({ slug: list.suggestedVersionSlug }), userId)
    expect(made).toEqual({ ok: true, slug: 'editor-test-v2' })
    const copy = await consultation('editor-test-v2')
    expect(copy).toMatchObject({ status: 'draft', version: 2, previous_version_id: original.id })
    expect(await versionInfo(test.db, copy)).toEqual({ version: 2, previous: { slug: SLUG, version: 1 }, next: [] })
    expect(await versionInfo(test.db, await consultation())).toEqual({ version: 1, previous: null, next: [{ slug: 'editor-test-v2', version: 2 }] })
    const copied = await survey('cy', 'plain', 'editor-test-v2')
    expect(copied.questions.map((q) => q.key)).toEqual((await survey('cy')).questions.map((q) => q.key))
    expect(copied.questions[0].options[0].label).toBe('Y parc mawr')

    // Not locked: questions can be added and moved.
    const added = await addQuestion(test.db, copy, questionForm({ type: 'single', prompt: 'A new question' }, [{ label: 'A' }, { label: 'B' }]), { userId, t })
    expect(added).toMatchObject({ ok: true })
    expect((await survey('en', 'plain', 'editor-test-v2')).questions.at(-1)?.prompt).toBe('A new question')
    expect((await survey()).questions.some((q) => q.prompt === 'A new question')).toBe(false)
    expect((await audit('consultation.new-version')).at(-1)?.details).toMatchObject({ from: SLUG, version: 2 })
  })
})
