// Survey definitions: export, import, export again gives the same file; a bad file saves nothing
// and names the path of each problem. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { EVERY_QUESTION_SLUG } from '../../db/seed/every-question-content'
import { findConsultationBySlug, listTexts } from '~/models/consultation.server'
import { createFromDefinition, exportDefinition, importDefinitionForm } from '~/services/survey-definition.server'
import { loadSurvey } from '~/services/survey.server'
import { changeStatus, createConsultation, duplicateConsultation, qrSvg, settingsValues, updateSettings } from '~/services/consultations.server'
import { stringifySurveyDefinition } from '~/domain/survey-definition'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

describe.each(testDialects())('survey definition round trip [%s]', (dialect) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
  })
  afterAll(async () => test.drop())

  async function consultation(slug: string) {
    const c = await findConsultationBySlug(test.db, slug)
    if (!c) throw new Error(`${slug} missing`)
    return c
  }

  async function counts() {
    const tables = ['consultation', 'question', 'option', 'translation', 'theme', 'option_theme'] as const
    const out: Record<string, number> = {}
    for (const table of tables) {
      const row = await test.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      out[table] = Number(row.n)
    }
    return out
  }

  it.each([DEMO_SLUG, EVERY_QUESTION_SLUG])('exports %s, imports it, and exports the same file again', async (slug) => {
    const original = await consultation(slug)
    const first = await exportDefinition(test.db, original)
    expect(first.questions.length).toBeGreaterThan(0)
    const copySlug = `${slug}-copy`
    await createFromDefinition(test.db, first, { organisationId: original.organisation_id, slug: copySlug, userId: null, action: 'consultation.import' })
    const copy = await consultation(copySlug)
    expect(copy.status).toBe('draft')
    expect(copy.id).not.toBe(original.id)
    const second = await exportDefinition(test.db, copy)
    expect(stringifySurveyDefinition(second)).toBe(stringifySurveyDefinition(first))
    // Every text row came across (same number of rows per locale and register), and the participant sees the same survey.
    const shape = (rows: Awaited<ReturnType<typeof listTexts>>) => rows.map((r) => `${r.entityType}|${r.field}|${r.locale}|${r.register}|${r.value}`).sort()
    expect(shape(await listTexts(test.db, copy.id))).toEqual(shape(await listTexts(test.db, original.id)))
    for (const [locale, register] of [
      ['en', 'plain'],
      ['cy', 'easy'],
      ['ar', 'plain'],
    ] as const) {
      const strip = (s: Awaited<ReturnType<typeof loadSurvey>>) => JSON.stringify(s, (k, v) => (k === 'id' ? undefined : v))
      expect(strip(await loadSurvey(test.db, copy, locale, register))).toBe(strip(await loadSurvey(test.db, original, locale, register)))
    }
  })

  it('carries option themes and Easy Read texts across', async () => {
    const first = await exportDefinition(test.db, await consultation(DEMO_SLUG))
    expect(first.themes.length).toBeGreaterThan(0)
    expect(first.questions.some((q) => q.options.some((o) => o.themes.length > 0))).toBe(true)
    expect(first.questions.some((q) => q.easyRead?.prompt)).toBe(true)
  })

  it('refuses a bad file, naming the path of each problem, and saves nothing', async () => {
    const good = await exportDefinition(test.db, await consultation(DEMO_SLUG))
    const bad = JSON.parse(JSON.stringify(good))
    bad.questions[3].options = [{ key: 'x', label: {}, themes: [] }]
    bad.questions[0].options[0].label = { en: '' }
    bad.questions[1].config = { rankCount: 0 }
    bad.questions[0].options[1].themes = ['no-such-theme']
    bad.consultation.retentionDays = -1
    const before = await counts()
    const form = new FormData()
    form.set('slug', 'from-a-bad-file')
    form.set('json', JSON.stringify(bad))
    const result = await importDefinitionForm(test.db, form, { organisationId: 'demo-org', userId: null })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.fileErrors.map((e) => e.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'consultation.retentionDays',
        'questions[0].options[0].label.en',
        'questions[0].options[1].themes[0]',
        'questions[1].config.rankCount',
        'questions[3].options',
        'questions[3].options[0].label',
      ])
    )
    expect(await counts()).toEqual(before)
    expect(await findConsultationBySlug(test.db, 'from-a-bad-file')).toBeUndefined()
  })

  it('refuses a web address that is taken or badly formed, and saves nothing', async () => {
    const good = stringifySurveyDefinition(await exportDefinition(test.db, await consultation(DEMO_SLUG)))
    const before = await counts()
    for (const [slug, problem] of [
      [DEMO_SLUG, 'slugTaken'],
      ['Not A Slug!', 'slugFormat'],
      ['', 'slugMissing'],
    ]) {
      const form = new FormData()
      form.set('slug', slug)
      form.set('json', good)
      const result = await importDefinitionForm(test.db, form, { organisationId: 'demo-org', userId: null })
      expect(result).toMatchObject({ ok: false, fileErrors: [], slugErrors: [problem] })
    }
    expect(await counts()).toEqual(before)
  })

  it('imports an uploaded file as a new draft', async () => {
    const good = stringifySurveyDefinition(await exportDefinition(test.db, await consultation(EVERY_QUESTION_SLUG)))
    const form = new FormData()
    form.set('slug', 'uploaded-copy')
    form.set('file', new File([good], 'survey.json', { type: 'application/json' }))
    const result = await importDefinitionForm(test.db, form, { organisationId: 'demo-org', userId: null })
    expect(result).toEqual({ ok: true, slug: 'uploaded-copy' })
    const audit = await test.db.selectFrom('audit_event').selectAll().where('subject', '=', 'consultation:uploaded-copy').execute()
    expect(audit.map((a) => a.action)).toEqual(['consultation.import'])
  })
})

function settingsForm(values: Record<string, string | string[]>): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(values)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v)
  return form
}

const goodSettings = {
  slug: 'parks-2027',
  title: 'Parks 2027',
  description: 'What should change in our parks?',
  defaultLocale: 'en',
  anonymity: 'anonymous',
  lawfulBasis: 'public_task',
  retentionDays: '365',
  audience: ['age-8-10', 'age-11-13'],
}

describe.each(testDialects())('consultation settings [%s]', (dialect) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
  })
  afterAll(async () => test.drop())

  async function audit(subject: string) {
    return (await test.db.selectFrom('audit_event').selectAll().where('subject', '=', subject).orderBy('id').execute()).map((a) => ({
      action: a.action,
      userId: a.user_id,
      details: a.details ? JSON.parse(a.details) : null,
    }))
  }

  it('refuses a bad form with an error per field, and saves nothing', async () => {
    const result = await createConsultation(test.db, settingsForm({ ...goodSettings, slug: DEMO_SLUG, title: ' ', retentionDays: '0', audience: [], anonymity: 'maybe' }), {
      organisationId: 'demo-org',
      userId: null,
    })
    expect(result).toMatchObject({
      ok: false,
      errors: { slug: 'slugTaken', title: 'titleMissing', retentionDays: 'retentionRange', audience: 'audienceMissing', anonymity: 'anonymityMissing' },
    })
    expect(await findConsultationBySlug(test.db, 'parks-2027')).toBeUndefined()
  })

  it('creates a draft, edits it (bumping updated_at), opens and closes it, every change audited', async () => {
    const created = await createConsultation(test.db, settingsForm(goodSettings), { organisationId: 'demo-org', userId: null })
    expect(created).toEqual({ ok: true, slug: 'parks-2027' })
    const c1 = await findConsultationBySlug(test.db, 'parks-2027')
    if (!c1) throw new Error('not created')
    expect(c1).toMatchObject({ status: 'draft', retention_days: 365, anonymity: 'anonymous', audience: '["age-8-10","age-11-13"]' })
    expect(await settingsValues(test.db, c1)).toMatchObject({ title: 'Parks 2027', description: 'What should change in our parks?' })

    const updated = await updateSettings(test.db, c1, settingsForm({ ...goodSettings, title: 'Parks and play 2027', retentionDays: '400', symbolModeDefault: 'on' }), null)
    expect(updated.ok).toBe(true)
    const c2 = await findConsultationBySlug(test.db, 'parks-2027')
    if (!c2) throw new Error('gone')
    expect(c2.updated_at > c1.updated_at).toBe(true)
    expect(c2).toMatchObject({ retention_days: 400, symbol_mode_default: 1 })
    expect((await loadSurvey(test.db, c2, 'en')).title).toBe('Parks and play 2027')

    expect(await changeStatus(test.db, c2, 'open', null)).toBe(true)
    const c3 = await findConsultationBySlug(test.db, 'parks-2027')
    expect(c3?.status).toBe('open')
    expect(c3 && c3.updated_at > c2.updated_at).toBe(true)
    expect(await changeStatus(test.db, c3!, 'open', null)).toBe(false)
    expect(await changeStatus(test.db, c3!, 'closed', null)).toBe(true)
    expect((await findConsultationBySlug(test.db, 'parks-2027'))?.status).toBe('closed')

    expect(await audit('consultation:parks-2027')).toEqual([
      { action: 'consultation.create', userId: null, details: { status: 'draft' } },
      { action: 'consultation.update', userId: null, details: { fields: ['title', 'retentionDays', 'symbolModeDefault'] } },
      { action: 'consultation.open', userId: null, details: { from: 'draft' } },
      { action: 'consultation.close', userId: null, details: { from: 'open' } },
    ])
  })

  it('duplicates a consultation as a draft with a new address, and refuses a taken address', async () => {
    const demo = await findConsultationBySlug(test.db, DEMO_SLUG)
    if (!demo) throw new Error('demo missing')
    expect(await duplicateConsultation(test.db, demo, settingsForm({ slug: DEMO_SLUG }), null)).toMatchObject({ ok: false, errors: { 'duplicate-slug': 'slugTaken' } })
    expect(await duplicateConsultation(test.db, demo, settingsForm({ slug: 'demo-copy' }), null)).toEqual({ ok: true, slug: 'demo-copy' })
    const copy = await findConsultationBySlug(test.db, 'demo-copy')
    expect(copy?.status).toBe('draft')
    expect(stringifySurveyDefinition(await exportDefinition(test.db, copy!))).toBe(stringifySurveyDefinition(await exportDefinition(test.db, demo)))
    expect(await audit('consultation:demo-copy')).toMatchObject([{ action: 'consultation.duplicate', details: { from: DEMO_SLUG } }])
  })

  it('makes a QR code SVG with role="img" and an escaped accessible name', async () => {
    const svg = await qrSvg('https://example.org/c/parks', 'QR code for "parks" <here>')
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="QR code for &quot;parks&quot; &lt;here&gt;"/)
    expect(svg).toContain('<title>QR code for &quot;parks&quot; &lt;here&gt;</title>')
    expect(svg).toContain('<path')
  })
})
