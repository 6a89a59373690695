// Themes, plans, findings, actions, "You said, we did" and the participation record, through the
// real services on SQLite and PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { parsePlanJson } from '~/domain/plan-import'
import { findConsultationBySlug } from '~/models/consultation.server'
import { listPlanItems } from '~/models/plan.server'
import { findStaffUserByEmail } from '~/models/staff-user.server'
import { createResponse } from '~/models/response.server'
import { insertAggregateImport } from '~/models/aggregate.server'
import { saveCoding } from '~/models/coding.server'
import { insertGroupResult, insertPaperResponse } from '~/models/group-result.server'
import { insertSession, setResponseSession } from '~/models/session.server'
import { submitActionForm } from '~/services/actions.server'
import { buildFindings, buildYouSaidWeDid } from '~/services/findings.server'
import { finishResponse, saveAnswer } from '~/services/participation.server'
import { loadParticipationRecord } from '~/services/participation-record.server'
import { buildResults } from '~/services/results.server'
import { loadThemeMapping, saveThemeMapping, storePlan, submitPlanForm } from '~/services/plans.server'
import { loadSurvey } from '~/services/survey.server'
import { loadThemesPage, submitThemesForm } from '~/services/themes.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

const fixtures = join(process.cwd(), '..', 'shared', 'fixtures', 'plans')

function form(fields: Record<string, string | string[]>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v)
  return data
}

/** A session object shaped like the participant cookie session, enough for finishResponse. */
function fakeSession() {
  const store = new Map<string, unknown>()
  return { get: (k: string) => store.get(k), set: (k: string, v: unknown) => store.set(k, v), flash: (k: string, v: unknown) => store.set(k, v) } as unknown as Parameters<typeof finishResponse>[1]
}

describe.each(testDialects())('themes, plans and findings [%s]', (dialect) => {
  let test: TestDatabase
  let planner: string
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    planner = (await findStaffUserByEmail(test.db, 'planner@demo.invalid'))!.id
  })
  afterAll(async () => test.drop())

  async function demo() {
    const consultation = await findConsultationBySlug(test.db, DEMO_SLUG)
    if (!consultation) throw new Error('demo missing')
    return { consultation, survey: await loadSurvey(test.db, consultation, 'en') }
  }

  it('imports every fixture plan with its items in order, and records who did it', async () => {
    for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.json'))) {
      const parsed = parsePlanJson(readFileSync(join(fixtures, file), 'utf8'))
      if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.errors)}`)
      const planId = await storePlan(test.db, 'demo-org', parsed.plan, null)
      const items = await listPlanItems(test.db, [planId])
      const expected = parsed.plan.items.reduce((n, i) => n + 1 + i.children.length, 0)
      expect(items, file).toHaveLength(expected)
      expect(items.filter((i) => i.parentId === null).map((i) => i.code), file).toEqual(parsed.plan.items.map((i) => i.code))
    }
    const audit = await test.db.selectFrom('audit_event').select(['action', 'subject']).where('action', '=', 'plan.import').execute()
    expect(audit.length).toBeGreaterThanOrEqual(3)
  })

  it('refuses a bad plan file with an error naming the path of each problem, and stores nothing', async () => {
    const before = await test.db.selectFrom('plan').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const bad = JSON.stringify({ plan: 'Broken plan 2027-2030', priorities: [{ code: 'OK', title: 'Fine', sub: ['good', 7] }, { code: 'X Y', title: '' }] })
    const result = await submitPlanForm(test.db, form({ intent: 'import', organisation: 'demo-org', json: bad }), 'nobody')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.path)).toEqual(['priorities[0].sub[1]', 'priorities[1].code', 'priorities[1].title'])
    const after = await test.db.selectFrom('plan').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('imports a plan from an uploaded file, and types one in as an outline', async () => {
    const upload = new FormData()
    upload.set('intent', 'import')
    upload.set('organisation', 'demo-org')
    upload.set('file', new File([readFileSync(join(fixtures, 'ecm-outcomes.json'))], 'ecm-outcomes.json', { type: 'application/json' }))
    const fromFile = await submitPlanForm(test.db, upload, planner)
    if (!fromFile.ok) throw new Error(JSON.stringify(fromFile.errors))
    expect((await listPlanItems(test.db, [fromFile.planId])).map((i) => i.code)).toEqual(['BH', 'SS', 'EA', 'PC', 'EWB'])
    const typed = await submitPlanForm(test.db, form({ intent: 'outline', organisation: 'demo-org', title: 'Our plan', period: '2027-2030', outline: 'SAFE: Stay safe\n- Less bullying\nBe heard' }), planner)
    if (!typed.ok) throw new Error(JSON.stringify(typed.errors))
    expect((await listPlanItems(test.db, [typed.planId])).map((i) => [i.code, i.kind, i.parentId === null])).toEqual([['SAFE', 'outcome', true], ['SAFE.1', 'priority', false], ['2', 'outcome', true]])
    const refused = await submitPlanForm(test.db, form({ intent: 'outline', organisation: 'demo-org', title: '', outline: '' }), planner)
    expect(refused.ok ? [] : refused.errors.map((e) => e.path)).toEqual(['title', 'outline'])
  })

  it('adds, renames and removes themes, refuses a taken key, and links options to themes', async () => {
    const { consultation } = await demo()
    expect(await submitThemesForm(test.db, consultation, form({ intent: 'create', key: 'Bullying', title: 'Bullying', 'title-cy-plain': 'Bwlio' }), planner)).toEqual({ ok: true, message: 'themes.created' })
    const taken = await submitThemesForm(test.db, consultation, form({ intent: 'create', key: 'bullying', title: 'Again' }), planner)
    expect(taken).toMatchObject({ ok: false, errors: [{ field: 'key', message: 'errors.themeKeyTaken' }] })
    const page = await loadThemesPage(test.db, consultation, 'en')
    const bullying = page.themes.find((t) => t.key === 'bullying')!
    expect(bullying.titles).toEqual({ 'title-cy-plain': 'Bwlio' })
    // Link "less bullying" to the new theme as well as its old one; everything else stays as it was.
    const lessBullying = page.questions.flatMap((q) => q.options).find((o) => o.id === 'q-top-priorities.less-bullying')!
    const fields: Record<string, string[]> = {}
    for (const o of page.questions.flatMap((q) => q.options)) fields[`option-${o.id}`] = o.themeIds
    fields[`option-${lessBullying.id}`] = [...lessBullying.themeIds, bullying.id]
    await submitThemesForm(test.db, consultation, form({ intent: 'links', ...fields }), planner)
    const after = await loadThemesPage(test.db, consultation, 'en')
    expect(after.questions.flatMap((q) => q.options).find((o) => o.id === lessBullying.id)!.themeIds.sort()).toEqual([...lessBullying.themeIds, bullying.id].sort())
    expect(after.questions.flatMap((q) => q.options).filter((o) => o.themeIds.length).length).toBe(page.questions.flatMap((q) => q.options).filter((o) => o.themeIds.length).length)
    await submitThemesForm(test.db, consultation, form({ intent: 'update', themeId: bullying.id, title: 'Bullying and fear', key: 'ignored' }), planner)
    expect((await loadThemesPage(test.db, consultation, 'en')).themes.find((t) => t.id === bullying.id)).toMatchObject({ key: 'bullying', title: 'Bullying and fear', titles: {} })
    await submitThemesForm(test.db, consultation, form({ intent: 'delete', themeId: bullying.id }), planner)
    expect((await loadThemesPage(test.db, consultation, 'en')).themes.some((t) => t.key === 'bullying')).toBe(false)
    const audit = await test.db.selectFrom('audit_event').select('action').where('action', 'like', 'theme.%').execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['theme.create', 'theme.delete', 'theme.option-links', 'theme.update'])
  })

  it('counts theme evidence once per respondent, from choices and first choices only, and maps themes to a plan with weights', async () => {
    const { consultation, survey } = await demo()
    const [groups, ranking, scale] = survey.questions
    // 12 children choose in-care AND young-carers (both "family-support"): 12 respondents, not 24.
    // 15 put less-bullying first ("safety"); 11 of the 12 also say they feel "not safe" (a scale: not evidence).
    for (let i = 0; i < 27; i++) {
      const id = await createResponse(test.db, { consultationId: consultation.id, resumeHash: `findings-${i}`, locale: 'en', now: new Date().toISOString() })
      if (i < 12) {
        await saveAnswer(test.db, id, groups, { kind: 'choice', optionKeys: ['in-care', 'young-carers'] })
        if (i < 11) await saveAnswer(test.db, id, scale, { kind: 'choice', optionKeys: ['not-safe'] })
      } else {
        await saveAnswer(test.db, id, ranking, { kind: 'ranking', order: ['less-bullying', 'safe-places', 'respect', 'things-to-do', 'safer-from-crime'] })
      }
    }
    const southwark = parsePlanJson(readFileSync(join(fixtures, 'southwark-2010-13.json'), 'utf8'))
    if (!southwark.ok) throw new Error('fixture')
    const planId = await storePlan(test.db, 'demo-org', southwark.plan, null)
    const mapping = await loadThemeMapping(test.db, consultation, planId, 'safety')
    const lessCrime = mapping.items.find((i) => i.code === 'SA.3')!
    const workingTogether = mapping.items.find((i) => i.code === 'WT')!
    expect(await saveThemeMapping(test.db, consultation, planId, 'safety', form({ item: [lessCrime.id, workingTogether.id], [`weight-${lessCrime.id}`]: '3', [`weight-${workingTogether.id}`]: '' }), planner)).toEqual({ ok: true })
    const refused = await saveThemeMapping(test.db, consultation, planId, 'safety', form({ item: [lessCrime.id], [`weight-${lessCrime.id}`]: '9' }), planner)
    expect(refused.ok).toBe(false)

    const findings = await buildFindings(test.db, consultation, 'en')
    const row = (key: string) => findings.evidence.rows.find((r) => r.key === key)!
    expect(findings.evidence.base).toEqual({ kind: 'value', value: 27 })
    expect(row('family-support')).toMatchObject({ respondents: { kind: 'value', value: 12 }, percent: 44.4, rank: 2 })
    expect(row('safety')).toMatchObject({ respondents: { kind: 'value', value: 15 }, percent: 55.6, rank: 1 })
    expect(row('mental-health')).toMatchObject({ respondents: { kind: 'value', value: 0 }, percent: 0 })
    const plan = findings.plans.find((p) => p.plan.id === planId)!
    const byCode = Object.fromEntries(plan.items.map((i) => [i.code, i]))
    expect(byCode['SA.3']).toMatchObject({ score: 166.8, rank: 1, themes: [{ key: 'safety', weight: 3, contribution: 166.8 }] })
    expect(byCode.WT).toMatchObject({ score: 55.6, rank: 2 })
    // The demo's own Every Child Matters plan: Stay safe is fed by safety (weight 3 from the seed) and others.
    const ecm = findings.plans.find((p) => p.plan.id === 'demo-plan-ecm')!
    expect(ecm.items.find((i) => i.code === 'SS')!.themes.map((t) => t.key)).toEqual(expect.arrayContaining(['safety', 'family-support', 'drugs-alcohol']))
  })

  it('records an action (reason needed when not doing it), shows it on the public page in Welsh and Easy Read, and audits it', async () => {
    const { consultation } = await demo()
    const themes = await test.db.selectFrom('theme').select(['id', 'key']).where('consultation_id', '=', consultation.id).execute()
    const safety = themes.find((t) => t.key === 'safety')!.id
    const base = { decision: 'Better lights in parks', decidedBy: 'Parks team', status: 'not_doing', decidedOn: '2027-01-10', themes: [safety], 'summary-en-plain': 'We cannot add lights this year.', 'summary-cy-plain': 'Allwn ni ddim ychwanegu goleuadau eleni.', 'summary-en-easy': 'No new lights this year.' }
    const refused = await submitActionForm(test.db, consultation, null, form(base), planner)
    expect(refused).toMatchObject({ ok: false, errors: [{ field: 'reason', message: 'errors.reasonRequired' }] })
    const saved = await submitActionForm(test.db, consultation, null, form({ ...base, reason: 'The money is spent on youth clubs.' }), planner)
    expect(saved.ok).toBe(true)

    const welsh = await buildYouSaidWeDid(test.db, consultation, 'cy', 'plain')
    const action = welsh.actions.find((a) => a.summary === 'Allwn ni ddim ychwanegu goleuadau eleni.')
    expect(action).toMatchObject({ status: 'not_doing', reason: 'The money is spent on youth clubs.', themes: ["Teimlo'n ddiogel"] })
    const easy = await buildYouSaidWeDid(test.db, consultation, 'en', 'easy')
    expect(easy.actions.map((a) => a.summary)).toContain('No new lights this year.')
    // The seeded examples are there too, and the top findings are only shown numbers.
    expect(welsh.actions.length).toBeGreaterThanOrEqual(3)
    expect(welsh.top.map((t) => t.key)).toEqual(['safety', 'family-support'])
    const audit = await test.db.selectFrom('audit_event').select(['action', 'user_id']).where('action', '=', 'action.create').execute()
    expect(audit).toEqual([{ action: 'action.create', user_id: planner }])
    expect(await test.db.selectFrom('audit_event').select('action').where('action', '=', 'theme.plan-links').execute()).toHaveLength(1)
  })

  it('keeps the participation record: who finished, in which language, with symbols or Easy Read, and actions fed back', async () => {
    const { consultation, survey } = await demo()
    for (let i = 0; i < 14; i++) {
      const id = await createResponse(test.db, { consultationId: consultation.id, resumeHash: `record-${i}`, locale: 'en', now: new Date().toISOString() })
      await saveAnswer(test.db, id, survey.questions[0], { kind: 'choice', optionKeys: ['in-care'] })
      await finishResponse(test.db, fakeSession(), consultation.id, id, { locale: i < 11 ? 'cy' : 'en', symbols: i < 12, easyRead: false })
    }
    const { record } = await loadParticipationRecord(test.db, consultation, 'en')
    expect(record.tookPart).toEqual({ kind: 'value', value: 14 })
    const count = (b: typeof record.languages, value: string) => b.rows.find((r) => r.value === value)?.count
    // 3 finished in English: too few to show, and with only two languages the Welsh 11 would give it away (14 − 11).
    expect(count(record.languages, 'en')).toEqual({ kind: 'suppressed', mark: 'c' })
    expect(count(record.languages, 'cy')).toEqual({ kind: 'suppressed', mark: 'c' })
    expect(count(record.easyRead, 'no')).toEqual({ kind: 'value', value: 14 })
    expect(record.actions.total).toBeGreaterThanOrEqual(3)
  })

  it('counts the participation record by method and setting: kiosk, group session, paper, group activities and paper tallies', async () => {
    const { consultation, survey } = await demo()
    const now = new Date().toISOString()
    const before = (await loadParticipationRecord(test.db, consultation, 'en')).record
    const shownCount = (b: typeof before.methods, value: string) => {
      const cell = b.rows.find((r) => r.value === value)?.count
      return cell?.kind === 'value' ? cell.value : cell ? 'c' : undefined
    }
    const online = Number(shownCount(before.methods, 'online'))
    expect(online).toBeGreaterThan(0)
    await insertSession(test.db, { id: 'rec-kiosk', consultationId: consultation.id, joinCode: 'RKQSTA', setting: 'school', groupType: 'Year 6', expectedParticipants: 30, kiosk: true, createdBy: planner, now })
    await insertSession(test.db, { id: 'rec-club', consultationId: consultation.id, joinCode: 'RCLUBA', setting: 'youth_club', groupType: 'Forum', expectedParticipants: 20, kiosk: false, createdBy: planner, now })
    // 12 on the kiosk, 11 on their own phones at the youth club, 13 paper forms typed up there, and one kiosk answer left unfinished.
    const respond = async (i: number, session: string, finish = true) => {
      const id = await createResponse(test.db, { consultationId: consultation.id, resumeHash: `route-${session}-${i}`, locale: 'en', now })
      await setResponseSession(test.db, id, session)
      await saveAnswer(test.db, id, survey.questions[0], { kind: 'choice', optionKeys: ['in-care'] })
      if (finish) await finishResponse(test.db, fakeSession(), consultation.id, id, { locale: 'en', symbols: false, easyRead: false })
    }
    for (let i = 0; i < 12; i++) await respond(i, 'rec-kiosk')
    await respond(99, 'rec-kiosk', false)
    for (let i = 0; i < 11; i++) await respond(i, 'rec-club')
    for (let i = 0; i < 13; i++) await insertPaperResponse(test.db, { consultationId: consultation.id, sessionId: 'rec-club', enteredBy: planner, locale: 'en', resumeHash: `paper-${i}`, demographics: null, now, answers: [] })
    const question = survey.questions.find((q) => q.key === 'top-priorities')!
    const result = (people: number, session: string, kind: 'dots' | 'ranking') =>
      insertGroupResult(test.db, { kind, sessionId: session, consultationId: consultation.id, questionId: question.id, label: null, people, dotsPerPerson: kind === 'dots' ? 2 : null, agreed: null, enteredBy: planner, imageId: null, now, items: [] })
    await result(8, 'rec-kiosk', 'dots')
    await result(7, 'rec-kiosk', 'dots')
    await result(4, 'rec-club', 'ranking')
    const line = (group: string, optionIndex: number, count: number, statedTotal: number) => ({ group, questionId: question.id, optionId: question.options[optionIndex].id, position: null, count, statedTotal })
    await insertAggregateImport(test.db, { consultationId: consultation.id, filename: 'school.csv', userId: planner, now, sessionId: 'rec-kiosk', counts: [line('Class 1', 0, 20, 25), line('Class 1', 1, 5, 25), line('Class 2', 0, 9, 18)] })

    const { record } = await loadParticipationRecord(test.db, consultation, 'en')
    expect(record.tookPart).toEqual({ kind: 'value', value: online + 36 })
    expect(record.methods.rows.map((r) => [r.value, shownCount(record.methods, r.value)])).toEqual([['online', online], ['kiosk', 12], ['session-device', 11], ['paper', 13], ['imported', 0]])
    expect(shownCount(record.settings, 'school')).toBe(12)
    expect(shownCount(record.settings, 'youth_club')).toBe(24)
    expect(shownCount(record.settings, 'no-session')).toBe(online)
    // Group activities: 3 groups, 19 people by group size; the youth club's 4 is hidden with the school's 15.
    expect(record.groupActivities.groups).toBe(3)
    expect(record.groupActivities.people).toEqual({ kind: 'value', value: 19 })
    expect(record.groupActivities.bySetting.rows.map((r) => [r.value, r.count.kind])).toEqual([['school', 'suppressed'], ['youth_club', 'suppressed']])
    expect(shownCount(record.groupActivities.byKind, 'dots')).toBe('c')
    // The paper tally speaks for 25 + 18 people (the largest stated total of each group).
    expect(record.paperTallies.imports).toBe(1)
    expect(record.paperTallies.people).toEqual({ kind: 'value', value: 43 })
    expect(shownCount(record.paperTallies.bySetting, 'school')).toBe(43)
  })

  it('shows each theme its approved quotes (coded, or told about a question feeding it) and the group activities feeding it', async () => {
    const { consultation, survey } = await demo()
    const now = new Date().toISOString()
    const themeId = async (key: string) => (await test.db.selectFrom('theme').select('id').where('consultation_id', '=', consultation.id).where('key', '=', key).executeTakeFirstOrThrow()).id
    const feelSafe = survey.questions.find((q) => q.key === 'feel-safe')!
    // A demo quote told about "Do you feel safe?" (whose options feed safety), one coded to things-to-do with a name redacted,
    // and two that must never show: one still waiting for moderation and one without consent to use the words.
    await test.db.updateTable('story').set({ question_id: feelSafe.id }).where('id', '=', 'demo-story-1').execute()
    await test.db.updateTable('story').set({ redacted_text: 'We go to [name removed] club.' }).where('id', '=', 'demo-story-3').execute()
    const story = (id: string, status: 'pending' | 'approved', consentWords: number) => ({ id, consultation_id: consultation.id, response_id: null, question_id: feelSafe.id, text: `Secret ${id}`, redacted_text: null, image_id: null, consent_words: consentWords, consent_picture: 0, attribution: 'Year 5 child', status, moderated_by: null, moderated_at: null, created_at: now, updated_at: now })
    await test.db.insertInto('story').values([story('pending-one', 'pending', 1), story('no-consent', 'approved', 0)]).execute()
    const thingsToDo = await themeId('things-to-do')
    for (const id of ['demo-story-3', 'pending-one', 'no-consent']) await saveCoding(test.db, { consultationId: consultation.id, kind: 'story', id, coderId: planner, themeIds: [thingsToDo], shared: true, now })
    // Twice for the same story: shown once.
    await saveCoding(test.db, { consultationId: consultation.id, kind: 'story', id: 'demo-story-1', coderId: planner, themeIds: [await themeId('safety')], shared: true, now })
    // Dot voting on "Do you feel safe?": 13 people in two groups (shown); a ranking with 3 people (too few).
    await test.db.insertInto('session').values({ id: 'quote-session', consultation_id: consultation.id, join_code: 'QTSESS', setting: 'school', group_type: 'Year 6', expected_participants: null, kiosk: 0, status: 'open', created_by: planner, created_at: now, closed_at: null }).execute()
    const [safe, sometimes, notSafe] = feelSafe.options
    const dots = (people: number, counts: number[]) =>
      insertGroupResult(test.db, { kind: 'dots', sessionId: 'quote-session', consultationId: consultation.id, questionId: feelSafe.id, label: null, people, dotsPerPerson: 3, agreed: null, enteredBy: planner, imageId: null, now, items: feelSafe.options.map((o, i) => ({ optionId: o.id, tier: null, dots: counts[i], rank: null })) })
    await dots(6, [10, 5, 3])
    await dots(7, [12, 6, 3])
    await insertGroupResult(test.db, { kind: 'ranking', sessionId: 'quote-session', consultationId: consultation.id, questionId: feelSafe.id, label: null, people: 3, dotsPerPerson: null, agreed: null, enteredBy: planner, imageId: null, now, items: [safe, sometimes, notSafe].map((o, i) => ({ optionId: o.id, tier: null, dots: null, rank: i + 1 })) })

    const findings = await buildFindings(test.db, consultation, 'en')
    const quote = (theme: string, id: string) => findings.quotes[theme]?.quotes.find((q) => q.id === id)
    expect(quote('safety', 'demo-story-1')?.teller).toEqual({ kind: 'attribution', text: '14-15 year old, anger management group' })
    expect(findings.quotes['safety'].quotes.filter((q) => q.id === 'demo-story-1')).toHaveLength(1)
    // The seed codes a few demo stories to things-to-do too; at most three are shown, oldest first, the rest behind "more".
    expect(quote('things-to-do', 'demo-story-3')?.text).toBe('We go to [name removed] club.')
    for (const [key, set] of Object.entries(findings.quotes)) {
      expect(set.quotes.length, key).toBeLessThanOrEqual(3)
      expect(set.quotes.length, key).toBeGreaterThan(0)
    }
    const allText = JSON.stringify(findings.quotes)
    expect(allText).not.toContain('Secret')
    // The redacted story's own words never show.
    expect(allText).not.toContain('More free stuff')

    const activities = findings.groupEvidence['safety'].filter((a) => a.questionKey === 'feel-safe')
    expect(activities.map((a) => [a.kind, a.groups, a.members, a.tooFew])).toEqual([
      ['dots', 2, { kind: 'value', value: 13 }, false],
      ['ranking', 1, { kind: 'suppressed', mark: 'c' }, true],
    ])
    expect(activities[0].rows.map((r) => [r.key, r.rank])).toEqual([[safe.key, 1], [sometimes.key, 2], [notSafe.key, 3]])
    expect(activities[1].rows).toEqual([])
    // Options not linked to the theme are left out: nothing of "Do you feel safe?" feeds things-to-do.
    expect((findings.groupEvidence['things-to-do'] ?? []).filter((a) => a.questionKey === 'feel-safe')).toEqual([])
  })
})

describe.each(testDialects())('findings for the seeded demo [%s]', (dialect) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 300 })
  }, 60_000)
  afterAll(async () => test.drop())

  it('agrees with the per-option results: a theme counts at least its biggest option and at most all of them', async () => {
    const consultation = (await findConsultationBySlug(test.db, DEMO_SLUG))!
    const findings = await buildFindings(test.db, consultation, 'en')
    const results = await buildResults(test.db, consultation, 'en')
    const links = await test.db.selectFrom('option_theme').innerJoin('theme', 'theme.id', 'option_theme.theme_id').select(['option_theme.option_id', 'theme.key']).execute()
    expect(findings.evidence.base).toEqual({ kind: 'value', value: 300 })
    for (const row of findings.evidence.rows) {
      const counts: number[] = []
      for (const question of results.questions) {
        for (const r of question.kind === 'choice' ? question.rows : question.kind === 'ranking' ? question.rows : []) {
          if (!links.some((l) => l.key === row.key && l.option_id === `q-${question.key}.${r.key}`)) continue
          const cell = 'count' in r ? r.count : r.firstPreferences
          if (cell.kind === 'value') counts.push(cell.value)
        }
      }
      if (row.respondents.kind !== 'value') continue
      expect(row.respondents.value, row.key).toBeGreaterThanOrEqual(Math.max(0, ...counts))
      expect(row.respondents.value, row.key).toBeLessThanOrEqual(counts.reduce((a, b) => a + b, 0))
    }
    // Every theme of the demo is chosen by someone, so all are ranked, and the ECM plan has scores.
    expect(findings.evidence.rows.every((r) => r.rank !== null)).toBe(true)
    const ecm = findings.plans.find((p) => p.plan.id === 'demo-plan-ecm')!
    expect(ecm.items.map((i) => i.code)).toEqual(['BH', 'SS', 'EA', 'PC', 'EWB'])
    expect(ecm.items.every((i) => i.score !== null && i.rank !== null)).toBe(true)
    const yswd = await buildYouSaidWeDid(test.db, consultation, 'en', 'plain')
    expect(yswd.top.length).toBeGreaterThanOrEqual(3)
    expect(yswd.actions.map((a) => a.id)).toEqual(['demo-action-school-counsellors', 'demo-action-youth-clubs'])
  })
})
