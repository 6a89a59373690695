// Results broken down by where people took part (issue 7): a response started in a group session carries
// the session's setting in its demographics snapshot, kept as it was; paper forms typed up for a session
// too. The cross-tab then has a row per setting and one for answers given outside any session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { parseBreakdown } from '~/domain/crosstab'
import { findConsultationBySlug } from '~/models/consultation.server'
import { createResponse, submitResponse } from '~/models/response.server'
import { insertSession, setResponseSession } from '~/models/session.server'
import { saveAnswer } from '~/services/participation.server'
import { buildResults } from '~/services/results.server'
import { loadSurvey } from '~/services/survey.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

describe.each(testDialects())('breakdown by session setting [%s]', (dialect) => {
  let test: TestDatabase

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
  })
  afterAll(async () => test.drop())

  it('offers the setting once the consultation has had sessions, and counts each setting apart', async () => {
    const consultation = (await findConsultationBySlug(test.db, DEMO_SLUG))!
    await test.db.updateTable('organisation').set({ suppression_threshold: 1 }).where('id', '=', consultation.organisation_id).execute()
    const survey = await loadSurvey(test.db, consultation, 'en')
    const scale = survey.questions.find((q) => q.type === 'scale')!
    const before = await buildResults(test.db, consultation, 'en', { breakdown: parseBreakdown('setting', null) })
    expect(before.breakdownFields).not.toContain('setting')
    expect(before.breakdown).toBeNull()

    const now = new Date().toISOString()
    await insertSession(test.db, { id: 's-school', consultationId: consultation.id, joinCode: 'ABCDEF', setting: 'school', groupType: 'Year 6', expectedParticipants: 30, kiosk: false, createdBy: null, now })
    await insertSession(test.db, { id: 's-club', consultationId: consultation.id, joinCode: 'GHJKMN', setting: 'youth_club', groupType: 'Juniors', expectedParticipants: 10, kiosk: true, createdBy: null, now })
    let device = 0
    const respond = async (sessionId: string | null, option: string) => {
      const id = await createResponse(test.db, { consultationId: consultation.id, resumeHash: `setting-${++device}`, locale: 'en', now })
      if (sessionId) await setResponseSession(test.db, id, sessionId)
      await saveAnswer(test.db, id, scale, { kind: 'choice', optionKeys: [option] })
      await submitResponse(test.db, id, `receipt-${device}`, now)
      return id
    }
    const [safe, sometimes] = scale.options.map((o) => o.key)
    for (let i = 0; i < 3; i++) await respond('s-school', safe)
    await respond('s-school', sometimes)
    for (let i = 0; i < 2; i++) await respond('s-club', sometimes)
    await respond(null, safe)
    // Joining a second session changes nothing: a response belongs to the first it joined.
    const moved = await respond('s-school', safe)
    await setResponseSession(test.db, moved, 's-club')
    expect((await test.db.selectFrom('response').select(['session_id', 'demographics']).where('id', '=', moved).executeTakeFirstOrThrow())).toEqual({ session_id: 's-school', demographics: '{"setting":"school"}' })

    const results = await buildResults(test.db, consultation, 'en', { breakdown: parseBreakdown('setting', null) })
    expect(results.breakdownFields).toContain('setting')
    expect(results.breakdown).toEqual(['setting'])
    const tab = results.questions.find((q) => q.key === scale.key)!.crossTab!
    const row = (key: string) => {
      const index = tab.groups.findIndex((g) => g.key === key)
      expect(index, key).toBeGreaterThanOrEqual(0)
      return Object.fromEntries(tab.columns.map((c, i) => [c.key, tab.cells[index][i].count.kind === 'value' ? (tab.cells[index][i].count as { value: number }).value : null]))
    }
    expect(row('school')).toMatchObject({ [safe]: 4, [sometimes]: 1 })
    expect(row('youth_club')).toMatchObject({ [safe]: 0, [sometimes]: 2 })
    expect(row('not-given')).toMatchObject({ [safe]: 1, [sometimes]: 0 })
    expect(tab.groups.find((g) => g.key === 'school')!.parts[0].label).toBe('School')
    expect(tab.groups.find((g) => g.key === 'youth_club')!.parts[0].label).toBe('Youth club')
    // In Welsh the settings are named in Welsh.
    const welsh = await buildResults(test.db, consultation, 'cy', { breakdown: parseBreakdown('setting', null) })
    expect(welsh.questions.find((q) => q.key === scale.key)!.crossTab!.groups.find((g) => g.key === 'school')!.parts[0].label).not.toBe('School')
  })
})
