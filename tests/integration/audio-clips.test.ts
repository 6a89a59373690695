// Recorded audio per question, through the staff route and the services: upload (type from the bytes),
// refusal that keeps what was there, replace, remove, serving at /audio/<id>.<format>, the survey
// cache seeing each change at once, and the audit log. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { demoAccounts } from '../../db/seed/accounts'
import { MAX_AUDIO_BYTES } from '~/domain/audio-upload'
import { findConsultationBySlug } from '~/models/consultation.server'
import { findStaffUserByEmail } from '~/models/staff-user.server'
import { audioClipResponse, removeQuestionAudio, requireQuestion, uploadQuestionAudio } from '~/services/audio-clips.server'
import { createSession } from '~/services/auth.server'
import { loadSurvey } from '~/services/survey.server'
import { staffSessionCookie } from '~/utils/session.server'
import * as audioRoute from '~/routes/staff/question-audio'
import * as servedRoute from '~/routes/audio'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

process.env.SESSION_SECRET ??= 'integration-tests-only-secret-0123456789abcdef'

const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff]
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff]
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))
/** A real, playable WAV: 8 kHz mono 16-bit, `samples` samples of a quiet square wave. */
function wav(samples = 800): Uint8Array {
  const data = samples * 2
  const pcm = Array.from({ length: samples }, (_, i) => le16(i % 16 < 8 ? 1000 : 64536)).flat()
  return new Uint8Array([...ascii('RIFF'), ...le32(36 + data), ...ascii('WAVE'), ...ascii('fmt '), ...le32(16), ...le16(1), ...le16(1), ...le32(8000), ...le32(16000), ...le16(2), ...le16(16), ...ascii('data'), ...le32(data), ...pcm])
}
const mp3 = () => new Uint8Array([...ascii('ID3'), 3, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64, ...new Array(413).fill(0)])

describe.each(testDialects())('question audio clips [%s]', (dialect) => {
  let test: TestDatabase
  let userId: string
  let cookie: string
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    globalThis.__db = test.db
    userId = (await findStaffUserByEmail(test.db, demoAccounts.find((a) => a.role === 'planner')!.email))!.id
    cookie = (await staffSessionCookie().serialize(await createSession(test.db, userId))).split(';')[0]
  })
  afterAll(async () => {
    globalThis.__db = undefined
    await test.drop()
  })

  const consultation = async () => (await findConsultationBySlug(test.db, DEMO_SLUG))!
  const questionId = async (position: number) =>
    (await test.db.selectFrom('question').select('id').where('consultation_id', '=', (await consultation()).id).where('position', '=', position).executeTakeFirstOrThrow()).id
  const audioOf = async (id: string) => (await test.db.selectFrom('question').select('audio').where('id', '=', id).executeTakeFirstOrThrow()).audio
  const clipCount = async () => Number((await test.db.selectFrom('audio_clip').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const audits = async (action: string) => test.db.selectFrom('audit_event').select(['user_id', 'subject', 'details']).where('action', '=', action).execute()

  function uploadRequest(id: string, file: Uint8Array, name: string, type: string) {
    const form = new FormData()
    form.append('file', new File([file as Uint8Array<ArrayBuffer>], name, { type }))
    return new Request(`http://localhost/staff/consultations/${DEMO_SLUG}/questions/${id}/audio`, { method: 'POST', headers: { Cookie: cookie, Origin: 'http://localhost' }, body: form })
  }

  it('uploads a WAV through the page; the question plays it at once and it is served with the right headers', async () => {
    const id = await questionId(1)
    const before = await consultation()
    await loadSurvey(test.db, before, 'en') // cached
    const response = (await audioRoute.action({ request: uploadRequest(id, wav(), 'reading.txt', 'text/plain'), params: { slug: DEMO_SLUG, questionId: id }, context: {} })) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/staff/consultations/${DEMO_SLUG}/questions/${id}/audio?done=uploaded`)
    const path = await audioOf(id)
    expect(path).toMatch(/^\/audio\/[0-9a-f-]{36}\.wav$/)
    const after = await consultation()
    expect(after.updated_at > before.updated_at).toBe(true)
    expect((await loadSurvey(test.db, after, 'en')).questions[0].audio).toBe(path)

    const served = await servedRoute.loader({ params: { file: path!.slice('/audio/'.length) }, request: new Request(`http://localhost${path}`), context: {} })
    expect(served.status).toBe(200)
    expect(served.headers.get('Content-Type')).toBe('audio/wav')
    expect(served.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(wav())
    // The same id with another extension is not served
    expect((await audioClipResponse(test.db, path!.slice('/audio/'.length).replace('.wav', '.mp3'))).status).toBe(404)
    expect((await audits('question.audio-upload')).map((a) => a.subject)).toEqual([`question:${id}`])

    const page = (await audioRoute.loader({ request: new Request(`http://localhost/staff/consultations/${DEMO_SLUG}/questions/${id}/audio`, { headers: { Cookie: cookie } }), params: { slug: DEMO_SLUG, questionId: id }, context: {} })) as {
      audio: string
      clip: { format: string; size: number }
    }
    expect(page.audio).toBe(path)
    expect(page.clip).toMatchObject({ format: 'wav', size: wav().length })
  })

  it('refuses a text file called .mp3 and an oversized file, keeping the clip the question had', async () => {
    const id = await questionId(1)
    const kept = await audioOf(id)
    const clips = await clipCount()
    const text = new TextEncoder().encode('This is not a recording, whatever its name says.')
    const refused = (await audioRoute.action({ request: uploadRequest(id, text, 'question.mp3', 'audio/mpeg'), params: { slug: DEMO_SLUG, questionId: id }, context: {} })) as unknown as {
      init: { status: number }
      data: { error: string }
    }
    expect(refused.init.status).toBe(400)
    expect(refused.data.error).toBe('notAudio')
    const big = new Uint8Array(MAX_AUDIO_BYTES + 1)
    big.set(wav())
    const tooBig = (await audioRoute.action({ request: uploadRequest(id, big, 'long.wav', 'audio/wav'), params: { slug: DEMO_SLUG, questionId: id }, context: {} })) as unknown as { data: { error: string } }
    expect(tooBig.data.error).toBe('tooBig')
    const none = await uploadQuestionAudio(test.db, await consultation(), await requireQuestion(test.db, await consultation(), id), null, userId)
    expect(none).toEqual({ ok: false, reason: 'noFile' })
    expect(await audioOf(id)).toBe(kept)
    expect(await clipCount()).toBe(clips)
    expect((await audits('question.audio-refused')).length).toBeGreaterThanOrEqual(2)
  })

  it('replaces a clip (the old one goes) and keeps a clip another question still uses', async () => {
    const id = await questionId(1)
    const old = (await audioOf(id))!
    const replaced = await uploadQuestionAudio(test.db, await consultation(), await requireQuestion(test.db, await consultation(), id), mp3(), userId)
    expect(replaced.ok && replaced.path).toMatch(/\.mp3$/)
    expect((await audioClipResponse(test.db, old.slice('/audio/'.length))).status).toBe(404)
    const served = await audioClipResponse(test.db, (replaced as { path: string }).path.slice('/audio/'.length))
    expect(served.headers.get('Content-Type')).toBe('audio/mpeg')
    expect((await audits('question.audio-replace'))[0].details).toContain(old)

    // A second question pointing at the same clip (as a duplicated consultation's does) keeps it alive
    const other = await questionId(2)
    await test.db.updateTable('question').set({ audio: (replaced as { path: string }).path }).where('id', '=', other).execute()
    const removed = await removeQuestionAudio(test.db, await consultation(), await requireQuestion(test.db, await consultation(), id), userId)
    expect(removed).toBe(true)
    expect(await audioOf(id)).toBeNull()
    expect((await audioClipResponse(test.db, (replaced as { path: string }).path.slice('/audio/'.length))).status).toBe(200)
  })

  it('removes a clip through the page (a plain form post), and then it is gone', async () => {
    const id = await questionId(2)
    const path = (await audioOf(id))!
    const before = await consultation()
    const request = new Request(`http://localhost/staff/consultations/${DEMO_SLUG}/questions/${id}/audio`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'intent=remove',
    })
    const response = (await audioRoute.action({ request, params: { slug: DEMO_SLUG, questionId: id }, context: {} })) as Response
    expect(response.headers.get('Location')).toContain('done=removed')
    expect(await audioOf(id)).toBeNull()
    expect((await audioClipResponse(test.db, path.slice('/audio/'.length))).status).toBe(404)
    expect(await clipCount()).toBe(0)
    const after = await consultation()
    expect(after.updated_at > before.updated_at).toBe(true)
    expect((await loadSurvey(test.db, after, 'en')).questions[1].audio).toBeNull()
    expect((await audits('question.audio-remove')).length).toBe(2)
  })

  it('a question of another consultation, or none, is not found', async () => {
    await expect(requireQuestion(test.db, await consultation(), 'no-such-question')).rejects.toMatchObject({ status: 404 })
    expect((await audioClipResponse(test.db, '../etc/passwd')).status).toBe(404)
  })
})
