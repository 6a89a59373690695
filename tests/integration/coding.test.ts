// Coding into themes through the real services on SQLite and PostgreSQL: the codebook (import with
// path-named errors, sub-themes, from a plan), the workspace (items, redacted stories only, filters,
// save and next, suggestions), a withdrawn response taking its codes with it, double coding with a
// reproducible sample, each coder seeing only their own codes, and kappa on the agreement page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { demoStoryCodes } from '../../db/seed/coding'
import { cohensKappa } from '~/domain/kappa'
import { countCodedItemsByTheme, listCodingItems } from '~/models/coding.server'
import { findConsultationBySlug } from '~/models/consultation.server'
import { findStaffUserByEmail } from '~/models/staff-user.server'
import { countThemeEvidence, countThemeEvidenceBySnapshot } from '~/models/theme.server'
import { loadAgreement, loadCodebookPage, loadCodingWorkspace, submitCodebookForm, submitCoding, submitSampleForm } from '~/services/coding.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

function form(fields: Record<string, string | string[]>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v)
  return data
}

const url = (search = '') => new URL(`http://localhost/staff/consultations/${DEMO_SLUG}/coding${search}`)

describe.each(testDialects())('coding into themes [%s]', (dialect) => {
  let test: TestDatabase
  let coder: string
  let planner: string
  const answerIds: number[] = []
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    coder = (await findStaffUserByEmail(test.db, 'coder@demo.invalid'))!.id
    planner = (await findStaffUserByEmail(test.db, 'planner@demo.invalid'))!.id
    // Six free-text answers: two 8-10 year olds, one 14-16, three with no age given; and a story waiting for moderation.
    const texts = ['We need a youth club near us', 'I was bullied on the bus', 'Nothing to do in the park at night', 'Teachers should listen to us', 'More buses please', 'Roedd y clwb ieuenctid yn wych']
    const bands = ['age-8-10', 'age-8-10', 'age-14-16', null, null, null]
    const now = new Date().toISOString()
    for (const [i, text] of texts.entries()) {
      const response = await test.db
        .insertInto('response')
        .values({ consultation_id: 'demo-consultation', resume_hash: `coding-${i}`, locale: 'en', status: 'submitted', entered_on_behalf: 0, demographics: bands[i] ? JSON.stringify({ ageBand: bands[i] }) : null, created_at: now, submitted_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      const answer = await test.db.insertInto('answer').values({ response_id: response.id, question_id: 'q-one-change', option_id: null, rank: null, value: null, text, skipped: 0 }).returning('id').executeTakeFirstOrThrow()
      answerIds.push(answer.id)
    }
    await test.db
      .insertInto('story')
      .values({ id: 'pending-story', consultation_id: 'demo-consultation', response_id: null, question_id: null, text: 'Not moderated yet', created_at: now, updated_at: now })
      .execute()
    // A redacted, approved story: only the redacted text may ever be shown to a coder.
    await test.db
      .insertInto('story')
      .values({ id: 'redacted-story', consultation_id: 'demo-consultation', response_id: null, question_id: null, text: 'Sam at Hillside School bullies me', redacted_text: '[name] at [school] bullies me', status: 'approved', created_at: now, updated_at: now })
      .execute()
  })
  afterAll(async () => test.drop())

  async function consultation() {
    const c = await findConsultationBySlug(test.db, DEMO_SLUG)
    if (!c) throw new Error('demo missing')
    return c
  }

  it('the demo question used here is a free-text question', async () => {
    const question = await test.db.selectFrom('question').select('type').where('id', '=', 'q-one-change').executeTakeFirstOrThrow()
    expect(question.type).toBe('text')
  })

  it('imports a codebook with a sub-theme, and names the path of each problem', async () => {
    const c = await consultation()
    const bad = await submitCodebookForm(test.db, c, form({ intent: 'import', codebook: JSON.stringify({ version: 1, themes: [{ key: 'transport', title: '' }, { key: 'Bad', title: 'x' }] }) }), coder)
    expect(bad).toMatchObject({ ok: false, intent: 'import', importErrors: expect.arrayContaining([{ path: 'themes[0].title', message: 'empty' }, { path: 'themes[1].key', message: 'keyFormat' }]) })
    const codebook = { version: 1, themes: [{ key: 'transport', title: 'Getting about', description: 'Buses, trains, lifts', keywords: ['bus*'], subThemes: [{ key: 'bus-fares', title: 'Bus fares', keywords: ['fare*'] }] }, { key: 'safety', title: 'Feeling safe: crime, bullying and safe places', keywords: ['bull*'] }] }
    const good = await submitCodebookForm(test.db, c, form({ intent: 'import', codebook: JSON.stringify(codebook) }), coder)
    expect(good).toEqual({ ok: true, message: 'imported', counts: { created: 2, updated: 1 } })
    const page = await loadCodebookPage(test.db, c)
    const transport = page.themes.find((t) => t.key === 'transport')!
    const fares = page.themes.find((t) => t.key === 'bus-fares')!
    expect(fares).toMatchObject({ parentId: transport.id, depth: 1, keywords: ['fare*'] })
    expect(page.themes.indexOf(fares)).toBe(page.themes.indexOf(transport) + 1)
    expect(page.themes.find((t) => t.key === 'safety')!.keywords).toEqual(['bull*'])
    expect(JSON.parse(page.json).themes.find((t: { key: string }) => t.key === 'transport').subThemes[0].key).toBe('bus-fares')
    const audit = await test.db.selectFrom('audit_event').select('action').where('action', '=', 'codebook.import').execute()
    expect(audit).toHaveLength(1)
  })

  it('keeps sub-themes one level deep when a theme is edited', async () => {
    const c = await consultation()
    const page = await loadCodebookPage(test.db, c)
    const transport = page.themes.find((t) => t.key === 'transport')!
    const fares = page.themes.find((t) => t.key === 'bus-fares')!
    const safety = page.themes.find((t) => t.key === 'safety')!
    const under = await submitCodebookForm(test.db, c, form({ intent: 'update', themeId: safety.id, title: safety.title, description: '', parentId: fares.id, keywords: 'bull*' }), coder)
    expect(under).toMatchObject({ ok: false, errors: [{ field: 'parentId', message: 'errors.parentIsSubTheme' }] })
    const parentWithChildren = await submitCodebookForm(test.db, c, form({ intent: 'update', themeId: transport.id, title: transport.title, description: '', parentId: safety.id, keywords: '' }), coder)
    expect(parentWithChildren).toMatchObject({ ok: false, errors: [{ field: 'parentId', message: 'errors.hasSubThemes' }] })
  })

  it('starts themes from the plan’s outcomes, leaving out keys that are taken', async () => {
    const c = await consultation()
    const made = await submitCodebookForm(test.db, c, form({ intent: 'fromPlan', planId: 'demo-plan-ecm' }), planner)
    expect(made).toMatchObject({ ok: true, message: 'fromPlan', counts: { created: 5, updated: 0 } })
    const keys = (await loadCodebookPage(test.db, c)).themes.map((t) => t.key)
    expect(keys).toEqual(expect.arrayContaining(['bh', 'ss', 'ea', 'pc', 'ewb']))
    const again = await submitCodebookForm(test.db, c, form({ intent: 'fromPlan', planId: 'demo-plan-ecm' }), planner)
    expect(again).toMatchObject({ ok: true, counts: { created: 0 }, skipped: ['BH', 'SS', 'EA', 'PC', 'EWB'] })
    expect(await submitCodebookForm(test.db, c, form({ intent: 'fromPlan', planId: 'nope' }), planner)).toMatchObject({ ok: false, errors: [{ field: 'planId' }] })
    // Remove them again so the rest of the tests work with a smaller codebook.
    for (const theme of (await loadCodebookPage(test.db, c)).themes.filter((t) => ['bh', 'ss', 'ea', 'pc', 'ewb'].includes(t.key))) {
      expect(await submitCodebookForm(test.db, c, form({ intent: 'delete', themeId: theme.id }), planner)).toEqual({ ok: true, message: 'deleted' })
    }
  })

  it('lists free-text answers and approved stories only, and shows a story’s redacted text, never the original', async () => {
    const c = await consultation()
    const items = await listCodingItems(test.db, c.id)
    expect(items.filter((i) => i.kind === 'answer').map((i) => i.id)).toEqual(answerIds.map(String))
    expect(items.some((i) => i.key === 'story:pending-story')).toBe(false)
    expect(items.some((i) => i.key === 'story:redacted-story')).toBe(true)
    expect(items.filter((i) => i.kind === 'story')).toHaveLength(12) // 11 demo stories + the redacted one
    const page = await loadCodingWorkspace(test.db, c, coder, url('?item=story:redacted-story'))
    expect(page.item).toMatchObject({ key: 'story:redacted-story', text: '[name] at [school] bullies me' })
    expect(JSON.stringify(page)).not.toContain('Hillside')
    // The demo stories come coded (db/seed/coding.ts).
    expect(page.totals).toEqual({ items: 18, coded: 11 })
  })

  it('suggests themes from keywords without applying them', async () => {
    const c = await consultation()
    const page = await loadCodingWorkspace(test.db, c, coder, url(`?item=answer:${answerIds[1]}`))
    const byKey = new Map(page.themes.map((t) => [t.id, t.key]))
    expect(page.item!.text).toBe('I was bullied on the bus')
    expect(page.item!.suggested.map((s) => byKey.get(s.themeId)).sort()).toEqual(['safety', 'transport'])
    expect(page.item!.themeIds).toEqual([])
    expect(page.item!.coded).toBe(false)
  })

  it('filters uncoded items and moves on with "Save and next", counting position', async () => {
    const c = await consultation()
    const first = await loadCodingWorkspace(test.db, c, coder, url('?status=uncoded&kind=answer'))
    expect(first.position).toMatchObject({ index: 1, total: 6 })
    expect(first.item!.key).toBe(`answer:${answerIds[0]}`)
    const thingsToDo = first.themes.find((t) => t.key === 'things-to-do')!.id
    const saved = await submitCoding(test.db, c, coder, form({ item: first.item!.key, themes: [thingsToDo], intent: 'next', status: 'uncoded', kind: 'answer' }))
    expect(saved.ok).toBe(true)
    const next = new URL(`http://localhost${(saved as { redirectTo: string }).redirectTo}`)
    expect(next.searchParams.get('item')).toBe(`answer:${answerIds[1]}`)
    expect(next.searchParams.get('status')).toBe('uncoded')
    const after = await loadCodingWorkspace(test.db, c, coder, next)
    expect(after.position).toMatchObject({ index: 1, total: 5 })
    // Filters by theme, by age group
    const byTheme = await loadCodingWorkspace(test.db, c, coder, url(`?theme=${thingsToDo}&kind=answer`))
    expect(byTheme.position.total).toBe(1)
    const young = await loadCodingWorkspace(test.db, c, coder, url('?group=age-8-10'))
    expect(young.position.total).toBe(2)
    expect(young.groups).toEqual(['age-8-10', 'age-14-16'])
    // "No theme fits" is a coding too
    expect((await submitCoding(test.db, c, coder, form({ item: `answer:${answerIds[4]}`, intent: 'save' }))).ok).toBe(true)
    expect((await loadCodingWorkspace(test.db, c, coder, url('?status=uncoded&kind=answer'))).position.total).toBe(4)
  })

  it('coded answers count as evidence for their theme on the findings page (once per respondent)', async () => {
    const c = await consultation()
    const things = (await test.db.selectFrom('theme').select('id').where('key', '=', 'things-to-do').where('consultation_id', '=', c.id).executeTakeFirstOrThrow()).id
    // So far: the first answer coded "things to do"; the fifth coded with no theme (no evidence, not in the base).
    const evidence = await countThemeEvidence(test.db, c.id)
    expect(evidence.byTheme[things]).toBe(1)
    expect(evidence.base).toBe(1)
    const bySnapshot = await countThemeEvidenceBySnapshot(test.db, c.id)
    expect(bySnapshot.counts).toEqual([{ demographics: JSON.stringify({ ageBand: 'age-8-10' }), themeId: things, count: 1 }])
  })

  it('refuses unknown items and themes from another consultation', async () => {
    const c = await consultation()
    expect(await submitCoding(test.db, c, coder, form({ item: 'answer:999999', intent: 'save' }))).toMatchObject({ ok: false, status: 404 })
    expect(await submitCoding(test.db, c, coder, form({ item: 'story:pending-story', intent: 'save' }))).toMatchObject({ ok: false, status: 404 })
    expect(await submitCoding(test.db, c, coder, form({ item: `answer:${answerIds[0]}`, themes: 'theme-elsewhere', intent: 'save' }))).toMatchObject({ ok: false, status: 400 })
  })

  it('counts coded items per theme, suppressed outside the workspace', async () => {
    const c = await consultation()
    const counts = await countCodedItemsByTheme(test.db, c.id)
    const themeId = async (key: string) => (await test.db.selectFrom('theme').select('id').where('key', '=', key).where('consultation_id', '=', c.id).executeTakeFirstOrThrow()).id
    const expectedRespect = demoStoryCodes.filter((codes) => codes.includes('respect-voice')).length
    expect(counts[await themeId('respect-voice')]).toBe(expectedRespect)
    expect(counts[await themeId('things-to-do')]).toBe(demoStoryCodes.filter((codes) => codes.includes('things-to-do')).length + 1)
    const page = await loadCodebookPage(test.db, c)
    // The demo organisation's threshold is 10: 5 respect-voice items are hidden; the workspace shows the number.
    expect(page.themes.find((t) => t.key === 'respect-voice')!.coded).toEqual({ kind: 'suppressed', mark: 'c' })
    const workspace = await loadCodingWorkspace(test.db, c, coder, url())
    expect(workspace.themes.find((t) => t.key === 'respect-voice')!.count).toBe(expectedRespect)
  })

  it('filters by group session when the consultation has sessions', async () => {
    const c = await consultation()
    expect((await loadCodingWorkspace(test.db, c, coder, url())).sessions).toEqual([])
    await test.db.insertInto('session').values({ id: 'session-1', consultation_id: c.id, join_code: 'ABC123', setting: 'school', group_type: 'Year 6', expected_participants: null, kiosk: 0, status: 'open', created_by: null, created_at: '2026-11-30T10:00:00.000Z', closed_at: null }).execute()
    const answer = await test.db.selectFrom('answer').select('response_id').where('id', '=', answerIds[2]).executeTakeFirstOrThrow()
    await test.db.updateTable('response').set({ session_id: 'session-1' }).where('id', '=', answer.response_id).execute()
    const page = await loadCodingWorkspace(test.db, c, coder, url('?session=session-1'))
    expect(page.sessions).toEqual([{ id: 'session-1', label: 'Year 6 (ABC123, 2026-11-30)' }])
    expect(page.position.total).toBe(1)
    expect(page.item!.key).toBe(`answer:${answerIds[2]}`)
  })

  it('a withdrawn response takes its codes with it', async () => {
    const c = await consultation()
    const answer = await test.db.selectFrom('answer').select('response_id').where('id', '=', answerIds[0]).executeTakeFirstOrThrow()
    expect(await test.db.selectFrom('coding').select('id').where('answer_id', '=', answerIds[0]).execute()).toHaveLength(1)
    await test.db.deleteFrom('answer').where('response_id', '=', answer.response_id).execute()
    await test.db.deleteFrom('response').where('id', '=', answer.response_id).execute()
    expect(await test.db.selectFrom('coding').select('id').where('item_key', '=', `answer:${answerIds[0]}`).execute()).toEqual([])
    const items = await listCodingItems(test.db, c.id)
    expect(items.some((i) => i.key === `answer:${answerIds[0]}`)).toBe(false)
  })

  it('double codes a reproducible sample independently and reports kappa per theme', async () => {
    const c = await consultation()
    expect(await submitSampleForm(test.db, c, form({ size: 'lots', seed: '' }), planner)).toMatchObject({ ok: false, errors: [{ field: 'size' }] })
    expect(await submitSampleForm(test.db, c, form({ size: '100%', seed: 'fixed' }), planner)).toEqual({ ok: true, size: 17 })
    const sampleA = (await test.db.selectFrom('coding_sample_item').select('item_key').orderBy('item_key').execute()).map((r) => r.item_key)
    expect(await submitSampleForm(test.db, c, form({ size: '6', seed: 'fixed' }), planner)).toEqual({ ok: true, size: 6 })
    const six = (await test.db.selectFrom('coding_sample_item').select('item_key').orderBy('item_key').execute()).map((r) => r.item_key)
    expect(await submitSampleForm(test.db, c, form({ size: '6', seed: 'fixed' }), planner)).toEqual({ ok: true, size: 6 })
    expect((await test.db.selectFrom('coding_sample_item').select('item_key').orderBy('item_key').execute()).map((r) => r.item_key)).toEqual(six)
    expect(sampleA).toEqual(expect.arrayContaining(six))

    const sample = await loadCodingWorkspace(test.db, c, planner, url('?sample=1'))
    expect(sample.position.total).toBe(6)
    // The second coder sees none of the first coder's codes on sample items: all six are uncoded for them.
    expect((await loadCodingWorkspace(test.db, c, planner, url('?sample=1&status=uncoded'))).position.total).toBe(6)
    const safety = sample.themes.find((t) => t.key === 'safety')!.id
    const voice = sample.themes.find((t) => t.key === 'respect-voice')!.id
    // Coder: safety on items 1–3, voice on 1; planner: safety on items 1, 2 and 4, voice on 1.
    for (const [i, key] of six.entries()) {
      const forCoder = [...(i < 3 ? [safety] : []), ...(i === 0 ? [voice] : [])]
      const forPlanner = [...([0, 1, 3].includes(i) ? [safety] : []), ...(i === 0 ? [voice] : [])]
      expect((await submitCoding(test.db, c, coder, form({ item: key, themes: forCoder, intent: 'save' }))).ok).toBe(true)
      expect((await submitCoding(test.db, c, planner, form({ item: key, themes: forPlanner, intent: 'save' }))).ok).toBe(true)
    }
    const coderView = await loadCodingWorkspace(test.db, c, coder, url(`?item=${six[3]}`))
    const plannerView = await loadCodingWorkspace(test.db, c, planner, url(`?item=${six[3]}`))
    expect(coderView.item!.themeIds).toEqual([])
    expect(plannerView.item!.themeIds).toEqual([safety])

    const agreement = await loadAgreement(test.db, c)
    expect(agreement.sample).toMatchObject({ size: 6, requested: '6', seed: 'fixed' })
    expect(agreement.pair!.items).toBe(6)
    const safetyRow = agreement.themes.find((t) => t.themeId === safety)!
    // 2 both, 1 only coder, 1 only planner, 2 neither (in whichever order the two were paired)
    expect(safetyRow.a).toBe(2)
    expect(safetyRow.d).toBe(2)
    expect(safetyRow.b + safetyRow.c).toBe(2)
    expect(safetyRow.kappa).toBeCloseTo(cohensKappa({ a: 2, b: 1, c: 1, d: 2 }).kappa!, 12)
    expect(safetyRow.kappa).toBeCloseTo(1 / 3, 12) // po = 4/6, pe = (3·3 + 3·3)/36 = 1/2, κ = (2/3 − 1/2)/(1/2) = 1/3
    expect(agreement.themes.find((t) => t.themeId === voice)!.kappa).toBeCloseTo(1, 12)
    expect(agreement.disagreements.map((d) => d.key).sort()).toEqual([six[2], six[3]].sort())
    expect(agreement.disagreements.every((d) => d.text.length > 0 && !d.text.includes('Hillside'))).toBe(true)
    expect(agreement.pairRefused).toBeNull()

    // A planner may pick the pair (and its order): the first and second coder's columns follow the pick.
    const [defaultFirst, defaultSecond] = [agreement.pair!.firstId, agreement.pair!.secondId]
    const swapped = await loadAgreement(test.db, c, { first: defaultSecond, second: defaultFirst })
    expect([swapped.pair!.firstId, swapped.pair!.secondId]).toEqual([defaultSecond, defaultFirst])
    const swappedSafety = swapped.themes.find((t) => t.themeId === safety)!
    expect([swappedSafety.a, swappedSafety.b, swappedSafety.c, swappedSafety.d]).toEqual([safetyRow.a, safetyRow.c, safetyRow.b, safetyRow.d])
    // The same coder twice, or someone who did not code the sample: said so, and the usual pair is shown.
    const same = await loadAgreement(test.db, c, { first: coder, second: coder })
    expect(same.pairRefused).toBe('same')
    expect([same.pair!.firstId, same.pair!.secondId]).toEqual([defaultFirst, defaultSecond])
    expect((await loadAgreement(test.db, c, { first: 'nobody', second: coder })).pairRefused).toBe('unknown')
  })
})
