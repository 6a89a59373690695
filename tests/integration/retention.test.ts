// Retention: responses older than their consultation's retention period are deleted with their answers,
// in batches; newer ones and other consultations' are untouched; each purge is audited without content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { EVERY_QUESTION_SLUG } from '../../db/seed/every-question-content'
import { findConsultationBySlug } from '~/models/consultation.server'
import { createResponse } from '~/models/response.server'
import { countResponsesStartedBefore } from '~/models/retention.server'
import { purgeExpiredResponses } from '~/services/retention.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

const now = new Date('2026-11-30T12:00:00.000Z')
const daysAgo = (days: number, extraMs = 0) => new Date(now.getTime() - days * 86_400_000 - extraMs).toISOString()

describe.each(testDialects())('retention purge [%s]', (dialect) => {
  let test: TestDatabase
  let demoId: string
  let otherId: string
  let questionId: string

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    demoId = (await findConsultationBySlug(test.db, DEMO_SLUG))!.id
    otherId = (await findConsultationBySlug(test.db, EVERY_QUESTION_SLUG))!.id
    await test.db.updateTable('consultation').set({ retention_days: 30 }).where('id', '=', demoId).execute()
    await test.db.updateTable('consultation').set({ retention_days: 3650 }).where('id', '=', otherId).execute()
    questionId = (await test.db.selectFrom('question').select('id').where('consultation_id', '=', demoId).orderBy('position').executeTakeFirstOrThrow()).id
  })
  afterAll(async () => test.drop())

  async function respond(consultationId: string, createdAt: string, tag: string): Promise<number> {
    const id = await createResponse(test.db, { consultationId, resumeHash: `retention-${tag}`, locale: 'en', now: createdAt })
    await test.db.insertInto('answer').values({ response_id: id, question_id: questionId, option_id: null, rank: null, value: null, text: `answer ${tag}`, skipped: 0 }).execute()
    return id
  }

  it('deletes only what is past keeping, with its answers, in batches, and audits each consultation once', async () => {
    const old = await Promise.all(Array.from({ length: 7 }, (_, i) => respond(demoId, daysAgo(31 + i), `old-${i}`)))
    const edge = await respond(demoId, daysAgo(30), 'edge') // exactly 30 days: kept
    const justOver = await respond(demoId, daysAgo(30, 1), 'just-over') // 30 days and a millisecond: deleted
    const recent = await respond(demoId, daysAgo(2), 'recent')
    const otherOld = await respond(otherId, daysAgo(400), 'other-old') // kept for ten years

    expect(await countResponsesStartedBefore(test.db, demoId, daysAgo(30))).toBe(8)
    const purged = await purgeExpiredResponses(test.db, now, 3) // batches of 3: 3 + 3 + 2
    expect(purged).toEqual([{ slug: DEMO_SLUG, cutoff: daysAgo(30), deleted: 8 }])

    const left = (await test.db.selectFrom('response').select('id').execute()).map((r) => r.id)
    for (const id of [...old, justOver]) expect(left).not.toContain(id)
    for (const id of [edge, recent, otherOld]) expect(left).toContain(id)
    const answersOfGone = await test.db.selectFrom('answer').select('id').where('response_id', 'in', [...old, justOver]).execute()
    expect(answersOfGone).toEqual([])
    expect(await test.db.selectFrom('answer').select('id').where('response_id', 'in', [edge, recent, otherOld]).execute()).toHaveLength(3)

    const audit = await test.db.selectFrom('audit_event').selectAll().where('action', '=', 'retention.purge').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0].subject).toBe(`consultation:${DEMO_SLUG}`)
    expect(audit[0].user_id).toBeNull()
    const details = JSON.parse(String(audit[0].details))
    expect(details).toEqual({ deleted: 8, startedBefore: daysAgo(30), retentionDays: 30 })
    expect(String(audit[0].details)).not.toContain('answer ')

    // Run again: nothing more to delete, no new audit entry.
    expect(await purgeExpiredResponses(test.db, now, 3)).toEqual([])
    expect(await test.db.selectFrom('audit_event').select('id').where('action', '=', 'retention.purge').execute()).toHaveLength(1)
  })
})
