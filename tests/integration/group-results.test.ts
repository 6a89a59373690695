// Group activities and paper entry in a session (issue #6), on SQLite and PostgreSQL: diamond 9, dot
// votes and group rankings stored and counted as group evidence weighted by group size, apart from
// the answers given online; a paper form typed up as a response entered on behalf; a paper tally CSV
// checked line by line (a malformed file keeps nothing); imported paper counts shown as paper evidence.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { findConsultationBySlug } from '~/models/consultation.server'
import { insertSession } from '~/models/session.server'
import { findStaffUserByEmail } from '~/models/staff-user.server'
import {
  boardGroupEvidence,
  enterPaperForm,
  importSessionTally,
  questionsForKind,
  removeGroupResult,
  requireSessionContext,
  saveGroupResult,
  type SessionContext,
  sessionGroupEvidence,
  sessionGroupsOverview,
} from '~/services/group-results.server'
import { importAggregatesCsv } from '~/services/import.server'
import { buildResults } from '~/services/results.server'
import { type Consultation, loadSurvey } from '~/services/survey.server'
import type { GroupKind } from '~/domain/group-activities'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

function form(entries: Record<string, string | string[]>, photo?: { name: string; bytes: Uint8Array; type: string }) {
  const data = new FormData()
  for (const [k, v] of Object.entries(entries)) for (const value of Array.isArray(v) ? v : [v]) data.append(k, value)
  if (photo) data.append('photo', new File([Buffer.from(photo.bytes)], photo.name, { type: photo.type }))
  return data
}
const file = (name: string, text: string) => ({ name, type: 'text/csv', bytes: new TextEncoder().encode(text) })
const value = (v: number) => ({ kind: 'value', value: v })
const c = { kind: 'suppressed', mark: 'c' }

describe.each(testDialects())('group activities and paper entry [%s]', (dialect) => {
  let test: TestDatabase
  let consultation: Consultation
  let ctx: SessionContext
  let small: SessionContext
  let userId: string

  async function newSession(id: string, code: string) {
    await insertSession(test.db, { id, consultationId: consultation.id, joinCode: code, setting: 'youth_club', groupType: 'Youth forum', expectedParticipants: 30, kiosk: false, createdBy: userId, now: new Date().toISOString() })
    return requireSessionContext(test.db, id)
  }
  async function question(key: string) {
    return (await loadSurvey(test.db, consultation, 'en')).questions.find((q) => q.key === key)!
  }
  async function save(kind: GroupKind, questionKey: string, fields: Record<string, string>, on = ctx, photo?: Parameters<typeof form>[1]) {
    return saveGroupResult(test.db, on, { kind, question: await question(questionKey), form: form(fields, photo), userId })
  }
  async function count(table: 'group_result' | 'response' | 'aggregate_import' | 'image') {
    const row = await test.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    return Number(row.n)
  }

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    consultation = (await findConsultationBySlug(test.db, DEMO_SLUG))!
    userId = (await findStaffUserByEmail(test.db, 'facilitator@demo.invalid'))!.id
    ctx = await newSession('session-a', 'ABCDEF')
    small = await newSession('session-b', 'GHJKLM')
  })
  afterAll(async () => test.drop())

  it('offers a diamond only for questions with nine cards or more', async () => {
    const survey = await loadSurvey(test.db, consultation, 'en')
    expect(questionsForKind(survey, 'diamond9').map((q) => q.key)).toEqual(['priority-groups'])
    expect(questionsForKind(survey, 'dots').map((q) => q.key)).toEqual(['priority-groups', 'top-priorities', 'feel-safe'])
  })

  it('refuses a diamond whose rows do not hold 1, 2, 3, 2, 1 cards, and saves nothing', async () => {
    const outcome = await save('diamond9', 'priority-groups', { people: '6', 'tier-disabilities': '1', 'tier-mental-health': '1' })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.errors.map((e) => e.messageKey)).toContain('groups:errors.tierMissing')
    expect(await count('group_result')).toBe(0)
  })

  it('stores diamonds, dot votes and group rankings with one item per option', async () => {
    const diamondA = { disabilities: '1', 'mental-health': '2', 'in-care': '2', 'young-carers': '3', 'drugs-alcohol': '3', 'teenage-parents': '3', 'run-away': '4', reoffending: '4', attendance: '5', 'hate-crime': 'discard' }
    const diamondB = { 'in-care': '1', disabilities: '2', 'mental-health': '2', 'young-carers': '3', 'run-away': '3', reoffending: '3', 'drugs-alcohol': '4', attendance: '4', 'hate-crime': '5', 'teenage-parents': 'discard' }
    const tiers = (d: Record<string, string>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [`tier-${k}`, v]))
    const png = new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: '#cc3300' } }).png().toBuffer())
    const outcomes = [
      await save('diamond9', 'priority-groups', { label: 'Table 1', people: '6', ...tiers(diamondA) }, ctx, { name: 'wall.png', bytes: png, type: 'image/png' }),
      await save('diamond9', 'priority-groups', { label: 'Table 2', people: '5', ...tiers(diamondB) }),
      await save('dots', 'top-priorities', { people: '8', dotsPerPerson: '3', 'dots-safe-places': '10', 'dots-less-bullying': '8', 'dots-respect': '2', 'dots-things-to-do': '4' }),
      await save('dots', 'top-priorities', { people: '4', dotsPerPerson: '2', 'dots-less-bullying': '6', 'dots-safe-places': '2' }),
      await save('ranking', 'top-priorities', { people: '7', agreed: '6', 'rank-respect': '1', 'rank-less-bullying': '2', 'rank-safe-places': '3' }),
      await save('ranking', 'top-priorities', { people: '5', agreed: '5', 'rank-less-bullying': '1', 'rank-respect': '2' }),
      await save('ranking', 'feel-safe', { people: '4', 'rank-safe': '1' }, small),
    ]
    expect(outcomes.every((o) => o.ok)).toBe(true)
    expect(await count('group_result')).toBe(7)
    const items = await test.db.selectFrom('group_result_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(items.n)).toBe(10 + 10 + 5 + 5 + 5 + 5 + 3)
    const stored = await test.db.selectFrom('group_result').selectAll().where('label', '=', 'Table 1').executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ kind: 'diamond9', session_id: 'session-a', people: 6, entered_by: userId })
    const image = await test.db.selectFrom('image').select(['purpose', 'mime', 'consultation_id']).where('id', '=', stored.image_id!).executeTakeFirstOrThrow()
    expect(image).toEqual({ purpose: 'group', mime: 'image/webp', consultation_id: consultation.id })

    const overview = await sessionGroupsOverview(test.db, ctx, 'en')
    expect(overview.results).toHaveLength(6)
    // Listed as entered; two saved in the same millisecond may come either way round, so found by label.
    expect(overview.results.find((r) => r.label === 'Table 1')).toMatchObject({ kind: 'diamond9', label: 'Table 1', people: 6, top: ['Children and young people with disabilities'] })
  })

  it('refuses a photo that is not a picture, and the result with it', async () => {
    const before = await count('group_result')
    const outcome = await save('dots', 'top-priorities', { people: '4', dotsPerPerson: '2', 'dots-respect': '1' }, ctx, { name: 'wall.png', bytes: new TextEncoder().encode('not a picture at all'), type: 'image/png' })
    expect(outcome).toMatchObject({ ok: false, errors: [{ field: 'photo', messageKey: 'groups:errors.photo.notImage' }] })
    expect(await count('group_result')).toBe(before)
  })

  it('counts group evidence by group size, apart from the answers given online', async () => {
    const results = await buildResults(test.db, consultation, 'en')
    // No child answered online: the group results are not added to the question's answers.
    expect(results.questions.find((q) => q.key === 'priority-groups')?.answered).toEqual(value(0))
    const evidence = (key: string, kind: GroupKind) => results.groupEvidence.find((e) => e.questionKey === key && e.kind === kind)
    const diamond = evidence('priority-groups', 'diamond9')
    expect(diamond).toMatchObject({ groups: 2, members: value(11), tooFew: false })
    const row = (key: string) => diamond?.kind === 'diamond9' && diamond.rows.find((r) => r.key === key)
    // tier points 5..1 × group size: disabilities 5×6 + 4×5 = 50; in care 4×6 + 5×5 = 49; hate crime 0 + 1×5
    expect(row('disabilities')).toMatchObject({ weightedScore: 50, score: 9, rank: 1, topTier: 1 })
    expect(row('in-care')).toMatchObject({ weightedScore: 49, rank: 2 })
    expect(row('hate-crime')).toMatchObject({ weightedScore: 5, meanTier: 5 })

    const dots = evidence('top-priorities', 'dots')
    expect(dots).toMatchObject({ groups: 2, members: value(12), dots: 32 })
    const dotRow = (key: string) => dots?.kind === 'dots' && dots.rows.find((r) => r.key === key)
    // shares weighted by members: (8/24 × 8 + 6/8 × 4) / 12 = 47.2%; (10/24 × 8 + 2/8 × 4) / 12 = 36.1%
    expect(dotRow('less-bullying')).toMatchObject({ dots: 14, weightedPercent: 47.2, rank: 1 })
    expect(dotRow('safe-places')).toMatchObject({ dots: 12, weightedPercent: 36.1, rank: 2 })

    const ranking = evidence('top-priorities', 'ranking')
    expect(ranking).toMatchObject({ groups: 2, members: value(12), positions: 5, agreement: { agreed: 11, of: 12 } })
    const rankRow = (key: string) => ranking?.kind === 'ranking' && ranking.rows.find((r) => r.key === key)
    // Borda over 5 positions × group size: respect 5×7 + 4×5 = 55; less bullying 4×7 + 5×5 = 53
    expect(rankRow('respect')).toMatchObject({ weightedBorda: 55, borda: 9, rank: 1, firstPlaces: 1 })
    expect(rankRow('less-bullying')).toMatchObject({ weightedBorda: 53, rank: 2 })

    // One group of 4: fewer children than the threshold, so only the number of groups is shown
    expect(evidence('feel-safe', 'ranking')).toMatchObject({ groups: 1, members: c, tooFew: true, rows: [] })
    expect(await sessionGroupEvidence(test.db, small, 'en')).toMatchObject([{ questionKey: 'feel-safe', tooFew: true, rows: [] }])
  })

  it('words the session\'s group evidence for the live board, best first, in the board\'s language', async () => {
    const board = await boardGroupEvidence(test.db, ctx.session, 'en')
    expect(board.map((b) => b.kind)).toEqual(['diamond9', 'dots', 'ranking'])
    expect(board[0].title).toMatch(/^Diamond 9: .*\(groups: 2, people: 11\)$/)
    expect(board[0].rows.slice(0, 2)).toEqual([
      { label: 'Children and young people with disabilities', value: '50' },
      { label: 'Children in care', value: '49' },
    ])
    expect(board[1].rows[0]).toEqual({ label: 'Less bullying', value: '47.2%' })
    expect((await boardGroupEvidence(test.db, ctx.session, 'cy'))[0].title).toMatch(/^Diemwnt 9: /)
    expect(await boardGroupEvidence(test.db, small.session, 'en')).toEqual([{ id: 'feel-safe-ranking', kind: 'ranking', title: expect.stringContaining('Group ranking'), rows: [{ label: 'Not shown yet', value: 'Too few people so far' }] }])
  })

  it('takes a group result back out', async () => {
    const [latest] = (await sessionGroupsOverview(test.db, small, 'en')).results
    expect(await removeGroupResult(test.db, ctx, latest.id)).toBe(false) // not this session's
    expect(await removeGroupResult(test.db, small, latest.id)).toBe(true)
    expect((await sessionGroupsOverview(test.db, small, 'en')).results).toEqual([])
  })

  it('types up a paper form as a finished response entered on behalf, with the session and who typed it', async () => {
    const paper = {
      'priority-groups.answer': ['in-care', 'young-carers'],
      'top-priorities.rank-respect': '1',
      'top-priorities.rank-safe-places': '2',
      'top-priorities.rank-less-bullying': '3',
      'top-priorities.rank-things-to-do': '4',
      'top-priorities.rank-safer-from-crime': '5',
      'feel-safe.answer': 'sometimes',
      'one-change.answer': 'More buses',
    }
    const outcome = await enterPaperForm(test.db, ctx, form(paper), userId)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    const response = await test.db.selectFrom('response').selectAll().where('id', '=', outcome.responseId).executeTakeFirstOrThrow()
    expect(response).toMatchObject({ status: 'submitted', entered_on_behalf: 1, session_id: 'session-a', entered_by: userId, receipt_hash: null })
    const answers = await test.db.selectFrom('answer').select(['question_id', 'rank', 'text']).where('response_id', '=', outcome.responseId).execute()
    expect(answers).toHaveLength(2 + 5 + 1 + 1)
    // A blank question on the paper: "did not want to say"
    const blank = await enterPaperForm(test.db, ctx, form({ 'feel-safe.answer': 'safe' }), userId)
    expect(blank.ok).toBe(true)
    const results = await buildResults(test.db, consultation, 'en')
    expect(results.questions.find((q) => q.key === 'feel-safe')?.answered).toEqual(c) // 2 answers: too few to show
    expect((await sessionGroupsOverview(test.db, ctx, 'en')).paperForms).toBe(2)
  })

  it('checks a paper form by the participant pages\' rules and saves nothing when it is wrong', async () => {
    const before = await count('response')
    const outcome = await enterPaperForm(test.db, ctx, form({ 'feel-safe.answer': 'maybe', 'top-priorities.rank-respect': '1' }), userId)
    expect(outcome).toMatchObject({
      ok: false,
      errors: [
        { questionKey: 'top-priorities', number: 2, messageKey: 'errors.rankMissingMany' },
        { questionKey: 'feel-safe', number: 3, field: 'q-feel-safe-answer-safe', messageKey: 'errors.chooseOne' },
      ],
    })
    expect(await enterPaperForm(test.db, ctx, form({}), userId)).toMatchObject({ ok: false, errors: [{ messageKey: 'groups:paper.errors.empty' }] })
    expect(await count('response')).toBe(before)
  })

  it('refuses a malformed paper tally, naming each line, and keeps nothing', async () => {
    const before = await count('aggregate_import')
    const bad = 'option,count\nsafe,12\nangry,3\nsometimes,lots\n"broken,4\n'
    const outcome = await importSessionTally(test.db, ctx, { questionKey: 'feel-safe', statedTotal: '20', file: file('tally.csv', bad), userId })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'unknownOption'],
      [4, 'badCount'],
      [5, 'quoteNotClosed'],
    ])
    const noQuestion = await importSessionTally(test.db, ctx, { questionKey: 'one-change', statedTotal: 'x', file: file('tally.csv', 'option,count\nsafe,1\n'), userId })
    expect(noQuestion).toMatchObject({ ok: false, fieldErrors: [{ field: 'question' }, { field: 'statedTotal' }] })
    expect(await importSessionTally(test.db, ctx, { questionKey: 'feel-safe', statedTotal: '5', file: file('tally.csv', 'choice,votes\n'), userId })).toMatchObject({
      ok: false,
      errors: [{ line: 1, code: 'unknownColumn' }, { line: 1, code: 'unknownColumn' }, { line: 1, code: 'missingColumn' }, { line: 1, code: 'missingColumn' }],
    })
    expect(await count('aggregate_import')).toBe(before)
  })

  it('imports a paper tally for the session, by option key or label, and shows it with the other paper counts', async () => {
    const outcome = await importSessionTally(test.db, ctx, { questionKey: 'feel-safe', statedTotal: '20', file: file('tally.csv', 'option,count\nSafe,12\nsometimes,5\nNOT SAFE,3\n'), userId })
    expect(outcome).toMatchObject({ ok: true, counts: 3 })
    const stored = await test.db.selectFrom('aggregate_import').select(['session_id', 'filename']).executeTakeFirstOrThrow()
    expect(stored).toEqual({ session_id: 'session-a', filename: 'tally.csv' })
    expect((await sessionGroupsOverview(test.db, ctx, 'en')).tallies).toHaveLength(1)
    // A school's paper ballots, imported on the imports page, join the same paper evidence.
    const school = await importAggregatesCsv(test.db, consultation, file('school.csv', "group,question,option,position,count,stated_total\nSt Mary's,feel-safe,safe,,10,10\n"), userId)
    expect(school.ok).toBe(true)
    const results = await buildResults(test.db, consultation, 'en')
    const paper = results.paperEvidence.find((p) => p.questionKey === 'feel-safe')
    expect(paper).toMatchObject({ kind: 'additive', groups: 2, base: value(30), tooFew: false })
    expect(paper?.rows.map((r) => [r.optionKey, r.count])).toEqual([
      ['safe', value(22)],
      ['sometimes', c],
      ['not-safe', c],
    ])
    expect(paper?.rows[0]).toMatchObject({ label: 'Safe', percent: 73.3, rank: 1 })
    // and still apart from the online answers
    expect(results.questions.find((q) => q.key === 'feel-safe')?.answered).toEqual(c)
  })
})
