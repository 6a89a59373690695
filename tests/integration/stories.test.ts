// Stories (issue 5) through the real services and routes, on SQLite and PostgreSQL: pictures made safe
// (metadata gone, upright, bombs and non-images refused, with the memory it takes to refuse a bomb),
// a story told through the question page (multipart, as a browser without JavaScript sends it), kept on
// Back, refused pictures keeping the words, withdrawal deleting story and picture, moderation with
// redaction where only the safeguarding role reads the original (audited), and the quote bank.
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { demoAccounts } from '../../db/seed/accounts'
import { demoStories, STORY_SLUG } from '../../db/seed/stories'
import type { Role } from '~/domain/permissions'
import { findConsultationBySlug } from '~/models/consultation.server'
import { findStaffUserByEmail } from '~/models/staff-user.server'
import { deleteResponseByReceipt } from '~/models/withdrawal.server'
import { createSession, type StaffUser } from '~/services/auth.server'
import { processImageUpload } from '~/services/images.server'
import { commitParticipantSession, getParticipantSession, savedAnswers, startResponse } from '~/services/participation.server'
import { loadQuestionPage, submitQuestionPage } from '~/services/question-page.server'
import { addPhrase, screenResponse } from '~/services/safeguarding.server'
import { moderateStory, quoteBank, redactStory, viewOriginalStory, viewStory } from '~/services/stories.server'
import { loadSurvey } from '~/services/survey.server'
import { staffSessionCookie } from '~/utils/session.server'
import * as originalRoute from '~/routes/staff/stories.original'
import * as storyRoute from '~/routes/staff/stories.view'
import * as pictureRoute from '~/routes/staff/stories.picture'
import * as quotePictureRoute from '~/routes/staff/quotes.picture'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

process.env.SESSION_SECRET ??= 'stories-integration-test-secret-0123456789'

const fixtures = path.resolve(__dirname, '../../../shared/fixtures/images')
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, name)))

/** Everything sharp can tell about a file's metadata. */
async function metadataOf(bytes: Uint8Array) {
  const m = await sharp(bytes).metadata()
  return { format: m.format, width: m.width, height: m.height, orientation: m.orientation, exif: m.exif, xmp: m.xmp, iptc: m.iptc, icc: m.icc, comments: m.comments }
}
const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

describe('pictures (sharp, no database)', () => {
  it('drawing-with-gps.jpg: GPS, camera, artist and date are gone; a WebP of the same size remains', async () => {
    const input = fixture('drawing-with-gps.jpg')
    const before = await metadataOf(input)
    expect(before.exif, 'the fixture has EXIF to remove').toBeDefined()
    const exifText = ascii(before.exif!)
    expect(exifText).toMatch(/GPS|\x88\x25/) // the GPS IFD pointer (tag 0x8825) is in the fixture
    const result = await processImageUpload(input)
    if (!result.ok) throw new Error(`refused: ${result.reason}`)
    const after = await metadataOf(result.webp)
    expect(after).toMatchObject({ format: 'webp', width: 1200, height: 900 })
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.iptc).toBeUndefined()
    expect(after.icc).toBeUndefined()
    expect(after.orientation).toBeUndefined()
    // No trace of the EXIF strings anywhere in the bytes (make, model, artist were plain text in the fixture).
    const strings = [...exifText.matchAll(/[\x20-\x7e]{5,}/g)].map((m) => m[0].trim()).filter((s) => s.length >= 5)
    expect(strings.length).toBeGreaterThan(0)
    for (const s of strings) expect(ascii(result.webp)).not.toContain(s)
    expect(ascii(result.webp)).not.toMatch(/EXIF|XMP |ICCP/)
  })

  it('removes XMP, IPTC-style text and an ICC profile too (a JPEG made here with all of them)', async () => {
    const tagged = await sharp(fixture('drawing-plain.jpg'))
      .withIccProfile('p3')
      .withExif({ IFD0: { Artist: 'Jamie Secretname', ImageDescription: 'Oakfield Primary School', Copyright: 'Jamie' } })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jamie Secretname</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>')
      .jpeg()
      .toBuffer()
    const before = await metadataOf(new Uint8Array(tagged))
    expect(before.icc && before.xmp && before.exif, 'the test input carries ICC, XMP and EXIF').toBeTruthy()
    const result = await processImageUpload(new Uint8Array(tagged))
    if (!result.ok) throw new Error(`refused: ${result.reason}`)
    const after = await metadataOf(result.webp)
    expect([after.exif, after.xmp, after.iptc, after.icc, after.comments]).toEqual([undefined, undefined, undefined, undefined, undefined])
    expect(ascii(result.webp)).not.toContain('Secretname')
    expect(ascii(result.webp)).not.toContain('Oakfield')
  })

  it('photo-rotated-exif.jpg (orientation 6) is stored upright: sides swapped, pixels turned, no orientation tag', async () => {
    const input = fixture('photo-rotated-exif.jpg')
    const before = await metadataOf(input)
    expect(before).toMatchObject({ width: 1200, height: 900, orientation: 6 })
    const result = await processImageUpload(input)
    if (!result.ok) throw new Error(`refused: ${result.reason}`)
    expect([result.width, result.height]).toEqual([900, 1200])
    const after = await metadataOf(result.webp)
    expect(after).toMatchObject({ width: 900, height: 1200 })
    expect(after.orientation).toBeUndefined()
    // The stored pixels match the photo turned as EXIF says (small differences from re-encoding only).
    const expected = await sharp(input).rotate().resize(90, 120).greyscale().raw().toBuffer()
    const got = await sharp(result.webp).resize(90, 120).greyscale().raw().toBuffer()
    const wrongWay = await sharp(input).rotate(270).resize(90, 120).greyscale().raw().toBuffer()
    const distance = (a: Buffer, b: Buffer) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0) / a.length
    expect(distance(got, expected)).toBeLessThan(8)
    expect(distance(got, wrongWay)).toBeGreaterThan(distance(got, expected))
  })

  it('a big photo is shrunk to 1600 px on its longest side', async () => {
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg().toBuffer()
    const result = await processImageUpload(new Uint8Array(big))
    expect(result).toMatchObject({ ok: true, width: 1600, height: 1200 })
  })

  it('not-an-image.jpg is refused as not a picture', async () => {
    expect(await processImageUpload(fixture('not-an-image.jpg'))).toEqual({ ok: false, reason: 'notImage' })
  })

  it('bomb-20000x20000.png is refused as too many pixels, without decoding it (peak memory reported)', async () => {
    const bomb = fixture('bomb-20000x20000.png')
    expect(bomb.length).toBeLessThan(60_000)
    global.gc?.()
    const before = process.memoryUsage()
    const maxRssBefore = process.resourceUsage().maxRSS
    let peakRss = before.rss
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
    }, 1)
    const result = await processImageUpload(bomb)
    clearInterval(sampler)
    const after = process.memoryUsage()
    peakRss = Math.max(peakRss, after.rss)
    const kb = (n: number) => Math.round(n / 1024)
    const figures = {
      rssDeltaKB: kb(after.rss - before.rss),
      peakRssDeltaKB: kb(peakRss - before.rss),
      maxRssGrowthKB: process.resourceUsage().maxRSS - maxRssBefore,
      heapDeltaKB: kb(after.heapUsed - before.heapUsed),
      externalDeltaKB: kb(after.external - before.external),
    }
    console.log(`[stories] refusing bomb-20000x20000.png: ${JSON.stringify(figures)}`)
    expect(result).toEqual({ ok: false, reason: 'tooManyPixels' })
    // Decoding it would need 20000 × 20000 × 3 bytes = 1.2 GB; refusing it must cost next to nothing.
    expect(figures.peakRssDeltaKB).toBeLessThan(64 * 1024)
  })
})

describe.each(testDialects())('stories [%s]', (dialect) => {
  let test: TestDatabase
  let storyConsultationId: string
  let demoConsultationId: string
  const users = new Map<Role, StaffUser>()

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    globalThis.__db = test.db
    storyConsultationId = (await findConsultationBySlug(test.db, STORY_SLUG))!.id
    demoConsultationId = (await findConsultationBySlug(test.db, DEMO_SLUG))!.id
    for (const account of demoAccounts) {
      const row = (await findStaffUserByEmail(test.db, account.email))!
      users.set(account.role, { id: row.id, email: row.email, name: row.name, roles: row.roles })
    }
  })
  afterAll(async () => {
    globalThis.__db = undefined
    await test.drop()
  })

  /** A participant's device: a started response and its cookie. */
  async function participant() {
    const session = await getParticipantSession(new Request(`http://localhost/c/${STORY_SLUG}`))
    const responseId = await startResponse(test.db, session, storyConsultationId, 'en')
    const cookie = (await commitParticipantSession(session)).split(';')[0]
    return { responseId, cookie }
  }
  /** POST a page as a browser without JavaScript sends a multipart form. */
  function post(cookie: string, position: number, fields: Record<string, string>, picture?: { bytes: Uint8Array; name: string; type: string }) {
    const form = new FormData()
    for (const [k, v] of Object.entries(fields)) form.append(k, v)
    form.append('picture', picture ? new File([Buffer.from(picture.bytes)], picture.name, { type: picture.type }) : new File([], '', { type: 'application/octet-stream' }))
    return submitQuestionPage(new Request(`http://localhost/c/${STORY_SLUG}/q/${position}`, { method: 'POST', headers: { Cookie: cookie }, body: form }), STORY_SLUG, String(position))
  }
  const storyOf = (responseId: number) => test.db.selectFrom('story').selectAll().where('response_id', '=', responseId).executeTakeFirst()
  const imagesOf = (responseId: number) => test.db.selectFrom('image').select(['id', 'bytes', 'width', 'height', 'mime']).where('response_id', '=', responseId).execute()
  async function staffRequest(role: Role, url: string) {
    const cookie = (await staffSessionCookie().serialize(await createSession(test.db, users.get(role)!.id))).split(';')[0]
    return new Request(`http://localhost${url}`, { headers: { Cookie: cookie } })
  }
  async function outcome(promise: Promise<unknown>): Promise<unknown> {
    try {
      return await promise
    } catch (thrown) {
      return thrown
    }
  }

  it('seeds the published quotes as approved stories with consent, and "Tell us your story"', async () => {
    const quotes = await quoteBank(test.db, demoConsultationId)
    expect(quotes).toHaveLength(demoStories.length)
    expect(quotes.map((q) => q.text)).toContain('Ask us proper questions and do something with the answer.')
    expect(quotes.find((q) => q.text.startsWith('More free stuff'))?.teller).toEqual({ kind: 'attribution', text: '8-9 year old' })
    const survey = await loadSurvey(test.db, (await findConsultationBySlug(test.db, STORY_SLUG))!, 'en')
    expect(survey.questions.map((q) => [q.key, q.type])).toEqual([
      ['my-story', 'story'],
      ['age-band', 'demographic'],
    ])
    // Seeding again adds nothing.
    await seedDemo(test.db, { syntheticResponses: 0 })
    expect(await quoteBank(test.db, demoConsultationId)).toHaveLength(demoStories.length)
  })

  it('a story with a GPS-tagged drawing and both consents: saved, the picture clean, shown again on Back', async () => {
    const { responseId, cookie } = await participant()
    const result = await post(cookie, 1, { answer: 'We built a den in the park and it was great.', consentWords: 'yes', consentPicture: 'yes', intent: 'next' }, { bytes: fixture('drawing-with-gps.jpg'), name: 'den.jpg', type: 'image/jpeg' })
    expect(result).toBeInstanceOf(Response)
    expect((result as Response).headers.get('Location')).toBe(`/c/${STORY_SLUG}/q/2`)
    const story = await storyOf(responseId)
    expect(story).toMatchObject({ text: 'We built a den in the park and it was great.', consent_words: 1, consent_picture: 1, status: 'pending', question_id: 'ys-my-story' })
    const [image] = await imagesOf(responseId)
    expect(image).toMatchObject({ id: story!.image_id, mime: 'image/webp', width: 1200, height: 900 })
    const meta = await metadataOf(image.bytes)
    expect([meta.format, meta.exif, meta.xmp, meta.iptc, meta.icc]).toEqual(['webp', undefined, undefined, undefined, undefined])
    // The answer row only marks the question answered: the words are not copied into the answer table.
    const rows = await test.db.selectFrom('answer').select(['text', 'skipped']).where('response_id', '=', responseId).execute()
    expect(rows).toEqual([{ text: null, skipped: 0 }])
    // Back: the page shows the words, the consents and that a picture is saved.
    const page = await loadQuestionPage(new Request(`http://localhost/c/${STORY_SLUG}/q/1`, { headers: { Cookie: cookie } }), STORY_SLUG, '1')
    expect(page.answer).toEqual({ kind: 'story', text: 'We built a den in the park and it was great.', consentWords: true, consentPicture: true, picture: true })
  })

  it('consents are off unless ticked; a refused picture keeps the words and consents and loses nothing saved', async () => {
    const { responseId, cookie } = await participant()
    await post(cookie, 1, { answer: 'First go at my story.', intent: 'next' })
    expect(await storyOf(responseId)).toMatchObject({ text: 'First go at my story.', consent_words: 0, consent_picture: 0, image_id: null })
    for (const [name, reason] of [
      ['not-an-image.jpg', 'notImage'],
      ['bomb-20000x20000.png', 'tooManyPixels'],
    ] as const) {
      const refused = await post(cookie, 1, { answer: 'A better story, with a picture.', consentWords: 'yes', intent: 'next' }, { bytes: fixture(name), name, type: 'image/jpeg' })
      expect(refused).not.toBeInstanceOf(Response)
      const body = (refused as unknown as { data: { errors: unknown; draft: unknown }; init: { status: number } | null })
      expect(body.init?.status).toBe(400)
      expect(body.data.errors).toEqual([{ field: 'picture', messageKey: `story.errors.picture.${reason}` }])
      expect(body.data.draft).toEqual({ kind: 'story', text: 'A better story, with a picture.', consentWords: true, consentPicture: false, picture: false })
      // What was saved before is still there, unchanged; no picture stored.
      expect(await storyOf(responseId)).toMatchObject({ text: 'First go at my story.', consent_words: 0 })
      expect(await imagesOf(responseId)).toEqual([])
    }
  })

  it('an empty story is refused; "I don\'t want to say" takes a story and its picture away', async () => {
    const { responseId, cookie } = await participant()
    const empty = (await post(cookie, 1, { answer: '   ', intent: 'next' })) as unknown as { data: { errors: unknown } }
    expect(empty.data.errors).toEqual([{ field: 'answer', messageKey: 'story.errors.empty' }])
    await post(cookie, 1, { answer: '', intent: 'next' }, { bytes: fixture('drawing.png'), name: 'd.png', type: 'image/png' })
    expect(await imagesOf(responseId)).toHaveLength(1)
    await post(cookie, 1, { intent: 'skip' })
    expect(await storyOf(responseId)).toBeUndefined()
    expect(await imagesOf(responseId)).toEqual([])
    const survey = await loadSurvey(test.db, (await findConsultationBySlug(test.db, STORY_SLUG))!, 'en')
    expect((await savedAnswers(test.db, responseId, survey)).get('my-story')).toEqual({ kind: 'skipped' })
  })

  it('a worrying story raises a safeguarding flag and goes to the support page; the flag page can read it', async () => {
    const { responseId, cookie } = await participant()
    const result = (await post(cookie, 1, { answer: 'My stepdad hits me when he has been drinking and I am scared to go home', intent: 'next' })) as Response
    expect(result.headers.get('Location')).toBe(`/c/${STORY_SLUG}/support?next=2`)
    const flags = await test.db.selectFrom('safeguarding_flag').selectAll().where('response_id', '=', responseId).execute()
    expect(flags.map((f) => [f.question_id, JSON.parse(f.categories)])).toEqual([['ys-my-story', ['harm']]])
  })

  it('at the finish a story is screened again, with phrases the safeguarding lead added since', async () => {
    const { responseId, cookie } = await participant()
    await post(cookie, 1, { answer: 'They make me sleep outside in the garden shed', intent: 'next' })
    expect(await test.db.selectFrom('safeguarding_flag').select('id').where('response_id', '=', responseId).execute()).toEqual([])
    expect(await addPhrase(test.db, users.get('safeguarding')!, { locale: 'en', category: 'neglect', phrase: 'garden shed' })).toEqual({ ok: true })
    expect(await screenResponse(test.db, storyConsultationId, responseId)).toBe(true)
    const flags = await test.db.selectFrom('safeguarding_flag').select(['question_id', 'categories']).where('response_id', '=', responseId).execute()
    expect(flags.map((f) => [f.question_id, JSON.parse(f.categories)])).toEqual([['ys-my-story', ['neglect']]])
  })

  it('withdrawing a response deletes its story and its picture', async () => {
    const { responseId, cookie } = await participant()
    await post(cookie, 1, { answer: 'Take me back later.', consentWords: 'yes', intent: 'next' }, { bytes: fixture('drawing.png'), name: 'd.png', type: 'image/png' })
    await test.db.updateTable('response').set({ status: 'submitted', receipt_hash: `hash-${responseId}` }).where('id', '=', responseId).execute()
    expect(await storyOf(responseId)).toBeDefined()
    expect(await deleteResponseByReceipt(test.db, responseId, `hash-${responseId}`)).toBe(true)
    expect(await storyOf(responseId)).toBeUndefined()
    expect(await imagesOf(responseId)).toEqual([])
  })

  it('moderation: a redacted name is hidden from everyone but the safeguarding lead, and every view is audited', async () => {
    const { responseId, cookie } = await participant()
    await post(cookie, 1, { answer: 'Jamie from Oakfield School helped me when Jamie saw I was sad.', consentWords: 'yes', consentPicture: 'yes', intent: 'next' }, { bytes: fixture('drawing.png'), name: 'd.png', type: 'image/png' })
    await post(cookie, 2, { answer: 'age-11-13', intent: 'next' })
    const storyId = (await storyOf(responseId))!.id
    const coder = users.get('coder')!
    expect(await redactStory(test.db, coder, storyId, { words: 'Jamie', kind: 'name', reason: '' })).toEqual({ ok: false, error: 'reasonRequired' })
    expect(await redactStory(test.db, coder, storyId, { words: 'Jamie', kind: 'name', reason: "A child's name" })).toEqual({ ok: true, added: 2 })
    expect(await redactStory(test.db, coder, storyId, { words: 'Oakfield School', kind: 'school', reason: 'Names the school' })).toEqual({ ok: true, added: 1 })
    // Once hidden, the words cannot be found again by guessing them.
    expect(await redactStory(test.db, coder, storyId, { words: 'Jamie', kind: 'name', reason: 'again' })).toEqual({ ok: false, error: 'notFound' })
    const redacted = '[name] from [school] helped me when [name] saw I was sad.'

    const moderatorView = await viewStory(test.db, coder, storyId)
    expect(moderatorView?.text).toBe(redacted)
    expect(JSON.stringify(moderatorView)).not.toContain('Jamie')
    expect(JSON.stringify(moderatorView)).not.toContain('Oakfield')
    expect(moderatorView?.teller).toEqual({ kind: 'ageBand', band: 'age-11-13' })

    // Through the routes: the moderation page as a coder; the original page as each role.
    const storyPage = (await storyRoute.loader({ request: await staffRequest('coder', `/staff/stories/${storyId}`), params: { storyId }, context: {} })) as { story: { text: string } }
    expect(storyPage.story.text).toBe(redacted)
    for (const role of ['admin', 'planner', 'facilitator', 'coder'] as const) {
      const denied = await outcome(originalRoute.loader({ request: await staffRequest(role, `/staff/stories/${storyId}/original`), params: { storyId }, context: {} }))
      expect(denied instanceof Response && denied.status, role).toBe(403)
    }
    const original = (await originalRoute.loader({ request: await staffRequest('safeguarding', `/staff/stories/${storyId}/original`), params: { storyId }, context: {} })) as {
      story: { original: string; redactedText: string; redactions: Array<{ words: string }> }
    }
    expect(original.story.original).toBe('Jamie from Oakfield School helped me when Jamie saw I was sad.')
    expect(original.story.redactedText).toBe(redacted)
    expect(original.story.redactions.map((r) => r.words)).toEqual(['Jamie', 'Oakfield School', 'Jamie'])
    // The safeguarding lead cannot moderate (no 'stories:moderate').
    const noModeration = await outcome(storyRoute.loader({ request: await staffRequest('safeguarding', `/staff/stories/${storyId}`), params: { storyId }, context: {} }))
    expect(noModeration instanceof Response && noModeration.status).toBe(403)

    const audit = await test.db.selectFrom('audit_event').select(['action', 'user_id', 'details']).where('subject', '=', `story:${storyId}`).orderBy('id').execute()
    expect(audit.map((a) => a.action)).toEqual(['stories.redact', 'stories.redact', 'stories.view', 'stories.view', 'stories.original-view'])
    expect(audit.filter((a) => a.action === 'stories.view').map((a) => JSON.parse(a.details!).shown)).toEqual(['redacted', 'redacted'])
    expect(audit.find((a) => a.action === 'stories.original-view')?.user_id).toBe(users.get('safeguarding')!.id)
    expect(JSON.stringify(audit)).not.toContain('Jamie')
    await viewOriginalStory(test.db, users.get('safeguarding')!, storyId)
    expect(await test.db.selectFrom('audit_event').select('id').where('subject', '=', `story:${storyId}`).where('action', '=', 'stories.original-view').execute()).toHaveLength(2)
  })

  it('the quote bank: approved stories with words consent only, redacted, with an age band; the picture only with picture consent', async () => {
    const told = async (text: string, fields: Record<string, string>, withPicture: boolean) => {
      const { responseId, cookie } = await participant()
      await post(cookie, 1, { answer: text, intent: 'next', ...fields }, withPicture ? { bytes: fixture('drawing-plain.jpg'), name: 'p.jpg', type: 'image/jpeg' } : undefined)
      await post(cookie, 2, { answer: 'age-8-10', intent: 'next' })
      return (await storyOf(responseId))!.id
    }
    const both = await told('Sam said the new park is brilliant.', { consentWords: 'yes', consentPicture: 'yes' }, true)
    const wordsOnly = await told('The bus is always late.', { consentWords: 'yes' }, true)
    const noConsent = await told('Please do not share this one.', {}, false)
    const notApproved = await told('Still waiting for a moderator.', { consentWords: 'yes' }, false)
    const rejected = await told('This one was rejected.', { consentWords: 'yes' }, false)
    const planner = users.get('planner')!
    await redactStory(test.db, planner, both, { words: 'Sam', kind: 'name', reason: 'name' })
    for (const id of [both, wordsOnly, noConsent]) await moderateStory(test.db, planner, id, 'approved')
    await moderateStory(test.db, planner, rejected, 'rejected')
    const quotes = await quoteBank(test.db, storyConsultationId)
    const ids = quotes.map((q) => q.id)
    expect(ids).toEqual(expect.arrayContaining([both, wordsOnly]))
    for (const id of [noConsent, notApproved, rejected]) expect(ids).not.toContain(id)
    expect(quotes.find((q) => q.id === both)).toEqual({ id: both, text: '[name] said the new park is brilliant.', teller: { kind: 'ageBand', band: 'age-8-10' }, hasPicture: true })
    expect(quotes.find((q) => q.id === wordsOnly)?.hasPicture).toBe(false)
    // The picture routes: a quote's picture only with consent; a moderator sees any story's picture.
    const quotePic = (await quotePictureRoute.loader({ request: await staffRequest('planner', '/x'), params: { slug: STORY_SLUG, storyId: both }, context: {} })) as Response
    expect([quotePic.status, quotePic.headers.get('Content-Type'), quotePic.headers.get('Cache-Control')]).toEqual([200, 'image/webp', 'private, no-store'])
    const noPic = (await quotePictureRoute.loader({ request: await staffRequest('planner', '/x'), params: { slug: STORY_SLUG, storyId: wordsOnly }, context: {} })) as Response
    expect(noPic.status).toBe(404)
    const moderatorPic = (await pictureRoute.loader({ request: await staffRequest('coder', '/x'), params: { storyId: wordsOnly }, context: {} })) as Response
    expect(moderatorPic.status).toBe(200)
    const facilitator = await outcome(pictureRoute.loader({ request: await staffRequest('facilitator', '/x'), params: { storyId: wordsOnly }, context: {} }))
    expect(facilitator instanceof Response && facilitator.status).toBe(403)
  })
})
