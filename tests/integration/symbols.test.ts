// Symbols: the image route handlers (real sharp output), keyword search over the real OpenMoji
// catalogue, organisations' uploads stored in the database, and display settings with a
// consultation's default — on SQLite and PostgreSQL.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { isPng, isWebp, pngChunkTypes, webpChunkTypes } from '~/domain/image-chunks'
import { findConsultationBySlug } from '~/models/consultation.server'
import { listSymbolAttributions } from '~/models/symbol-image.server'
import { getDisplay, updateDisplay } from '~/services/display.server'
import { loadSurvey } from '~/services/survey.server'
import {
  addSymbolImage,
  openmojiImageResponse,
  searchSymbols,
  symbolCache,
  SYMBOL_MASTER_SIZE,
  uploadedSymbolImageResponse,
} from '~/services/symbols.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

const PNG_PIXEL_CHUNKS = ['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']
const WEBP_IMAGE_CHUNKS = ['VP8X', 'VP8 ', 'VP8L', 'ALPH']
// OpenMoji 1F600 (grinning face) is drawn on a 72 × 72 grid: a circle at (36, 36), r = 23, filled #FCEA2B.
const FACE_YELLOW = [0xfc, 0xea, 0x2b, 255]

async function bytesOf(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer())
}

/** RGBA of one pixel of an encoded image. */
async function pixel(bytes: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const i = (y * info.width + x) * 4
  return [...data.subarray(i, i + 4)]
}

function expectClose(actual: number[], expected: number[], tolerance: number) {
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]), `channel ${i}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance))
}

/** WebP's VP8X header has flag bits for an ICC profile (0x20), EXIF (0x08) and XMP (0x04). */
function webpMetadataFlags(bytes: Uint8Array): number {
  return webpChunkTypes(bytes)[0] === 'VP8X' ? bytes[20] & 0x2c : 0
}

const url = (path: string) => new URL(path, 'http://localhost')

describe('OpenMoji images (GET /symbols/openmoji/<HEX>.<webp|png>?size=)', () => {
  it('serves a real PNG of the requested size with no metadata, cached for a year', async () => {
    const response = await openmojiImageResponse('1F600.png', url('/symbols/openmoji/1F600.png?size=128'))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('image/png')
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    const bytes = await bytesOf(response)
    expect(Number(response.headers.get('Content-Length'))).toBe(bytes.length)
    expect(isPng(bytes)).toBe(true)
    const meta = await sharp(bytes).metadata()
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', 128, 128, true])
    expect([meta.exif, meta.icc, meta.xmp, meta.iptc]).toEqual([undefined, undefined, undefined, undefined])
    for (const chunk of pngChunkTypes(bytes)) expect(PNG_PIXEL_CHUNKS, `PNG chunk ${chunk}`).toContain(chunk)
    // The face's centre (36/72 × 128 = 64) is its yellow; the corner is transparent.
    expectClose(await pixel(bytes, 64, 64), FACE_YELLOW, 8)
    expect((await pixel(bytes, 0, 0))[3]).toBe(0)
    expect(bytes.length).toBeLessThan(8_000)
  })

  it('serves WebP too, 64 px when no size is given', async () => {
    const response = await openmojiImageResponse('1F600.webp', url('/symbols/openmoji/1F600.webp'))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('image/webp')
    const bytes = await bytesOf(response)
    expect(isWebp(bytes)).toBe(true)
    const meta = await sharp(bytes).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 64, 64])
    expect([meta.exif, meta.icc, meta.xmp]).toEqual([undefined, undefined, undefined])
    for (const chunk of webpChunkTypes(bytes)) expect(WEBP_IMAGE_CHUNKS, `WebP chunk ${chunk}`).toContain(chunk)
    expect(webpMetadataFlags(bytes)).toBe(0)
    expectClose(await pixel(bytes, 32, 32), FACE_YELLOW, 12)
  })

  it('renders once and then answers from the cache', async () => {
    symbolCache.clear()
    const first = await bytesOf(await openmojiImageResponse('1F3EB.webp', url('/x?size=256')))
    const second = await bytesOf(await openmojiImageResponse('1F3EB.webp', url('/x?size=256')))
    expect(second).toEqual(first)
    expect(symbolCache.size().entries).toBe(1)
    expect(symbolCache.size().bytes).toBe(first.length)
    expect((await sharp(first).metadata()).width).toBe(256)
  })

  it('answers 404 for anything that is not a known symbol, format and size', async () => {
    const cases: Array<[string | undefined, string]> = [
      ['FFFFF.png', '/x'], // valid-looking hexcode, not in OpenMoji
      ['1F600.svg', '/x'],
      ['1F600.gif', '/x'],
      ['1F600.png', '/x?size=100'],
      ['1F600.png', '/x?size=4096'],
      ['..%2F..%2Fpackage.json', '/x'],
      ['1f600.png', '/x'], // hexcodes are upper case, as in the package
      [undefined, '/x'],
    ]
    for (const [file, path] of cases) {
      const response = await openmojiImageResponse(file, url(path))
      expect(response.status, `${file} ${path}`).toBe(404)
      expect(response.headers.get('Cache-Control')).toBe('no-store')
    }
  })
})

describe('searchSymbols over OpenMoji', () => {
  it('finds a symbol by its name first, then by its keywords', async () => {
    const school = await searchSymbols('school', 5)
    expect(school[0]).toMatchObject({ reference: 'openmoji:1F3EB', hexcode: '1F3EB', annotation: 'school' })
    expect(school.length).toBe(5)
    expect((await searchSymbols('wheelchair', 10)).map((m) => m.hexcode)).toContain('267F')
    expect((await searchSymbols('grinning face', 3))[0].hexcode).toBe('1F600')
  })

  it('leaves out skin-tone variants, respects the limit, and finds nothing for nonsense', async () => {
    const waving = await searchSymbols('waving hand', 50)
    expect(waving[0].hexcode).toBe('1F44B')
    expect(waving.some((m) => /-1F3F[B-F]/.test(m.hexcode))).toBe(false)
    expect(await searchSymbols('bus', 2)).toHaveLength(2)
    expect(await searchSymbols('zzqxv', 10)).toEqual([])
    expect(await searchSymbols('', 10)).toEqual([])
  })
})

describe.each(testDialects())('uploaded symbols and display settings [%s]', (dialect) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
  })
  afterAll(async () => test.drop())

  it('stores a normalised master without metadata and serves it at each size', async () => {
    // A 300 × 150 JPEG with EXIF (a camera name and a GPS-like comment) that must not survive.
    const upload = await sharp({ create: { width: 300, height: 150, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Phone', ImageDescription: 'GPS 51.5N 0.1W' } })
      .toBuffer()
    expect((await sharp(upload).metadata()).exif).toBeDefined()
    const id = await addSymbolImage(test.db, { organisationId: 'demo-org', name: 'Red card', licence: 'Widgit Symbols © Widgit Software', attribution: 'Widgit', file: upload })
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/)

    const stored = await test.db.selectFrom('symbol_image').select(['image', 'name']).where('id', '=', id).executeTakeFirstOrThrow()
    const master = new Uint8Array(stored.image)
    const meta = await sharp(master).metadata()
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['png', SYMBOL_MASTER_SIZE, SYMBOL_MASTER_SIZE, undefined])
    expect(pngChunkTypes(master).every((c) => PNG_PIXEL_CHUNKS.includes(c))).toBe(true)
    // Fitted, not stretched: 300 × 150 → 512 × 256 in the middle, transparent above and below.
    expect((await pixel(master, 256, 10))[3]).toBe(0)
    expectClose(await pixel(master, 256, 256), [200, 30, 30, 255], 2)

    for (const [file, size, format] of [[`${id}.webp`, 64, 'webp'], [`${id}.png`, 128, 'png']] as const) {
      const response = await uploadedSymbolImageResponse(test.db, file, url(`/symbols/upload/${file}?size=${size}`))
      expect(response.status).toBe(200)
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
      const served = await sharp(await bytesOf(response)).metadata()
      expect([served.format, served.width, served.height, served.exif]).toEqual([format, size, size, undefined])
    }
    expect((await uploadedSymbolImageResponse(test.db, 'nope.png', url('/x'))).status).toBe(404)
    expect((await uploadedSymbolImageResponse(test.db, `${id}.png`, url('/x?size=65'))).status).toBe(404)
    expect(await listSymbolAttributions(test.db)).toEqual([{ licence: 'Widgit Symbols © Widgit Software', attribution: 'Widgit', symbols: 1 }])
  })

  it('refuses a file that is not an image', async () => {
    await expect(addSymbolImage(test.db, { organisationId: 'demo-org', name: 'x', licence: 'x', attribution: null, file: new TextEncoder().encode('<html>not an image</html>') })).rejects.toThrow()
  })

  it('gives the demo its symbols and carries a question’s audio clip through', async () => {
    const consultation = await findConsultationBySlug(test.db, DEMO_SLUG)
    if (!consultation) throw new Error('demo missing')
    await test.db.updateTable('question').set({ audio: '/audio/feel-safe-en.mp3' }).where('id', '=', 'q-feel-safe').execute()
    await test.db.updateTable('question').set({ audio: 'https://elsewhere.example/a.mp3' }).where('id', '=', 'q-one-change').execute()
    const survey = await loadSurvey(test.db, consultation, 'en')
    expect(survey.questions.map((q) => q.symbol)).toEqual(['openmoji:1F9D2', 'openmoji:1F3C6', 'openmoji:1F3E0', 'openmoji:1F4A1'])
    expect(survey.questions[2].options.map((o) => o.symbol)).toEqual(['openmoji:1F600', 'openmoji:1F610', 'openmoji:1F641'])
    expect(survey.questions.every((q) => q.options.every((o) => o.symbol?.startsWith('openmoji:')))).toBe(true)
    expect(survey.questions.map((q) => q.audio)).toEqual([null, null, '/audio/feel-safe-en.mp3', null]) // another site's clip is dropped
  })

  it('uses the consultation’s symbol default until the participant switches', async () => {
    const page = `http://localhost/c/${DEMO_SLUG}/q/1`
    expect(await getDisplay(new Request(page), DEMO_SLUG, test.db)).toEqual({ symbols: false, easyRead: false })
    await test.db.updateTable('consultation').set({ symbol_mode_default: 1 }).where('slug', '=', DEMO_SLUG).execute()
    expect(await getDisplay(new Request(page), DEMO_SLUG, test.db)).toEqual({ symbols: true, easyRead: false })
    // Not on a consultation's page: nothing to take a default from.
    expect(await getDisplay(new Request('http://localhost/'), undefined, test.db)).toEqual({ symbols: false, easyRead: false })

    // The participant switches symbols off and Easy Read on (two POSTs, the cookie carried between them).
    const post = (body: Record<string, string>, cookie?: string) =>
      updateDisplay(new Request('http://localhost/display', { method: 'POST', body: new URLSearchParams(body), headers: cookie ? { Cookie: cookie } : {} }))
    const first = await post({ symbols: 'off', redirectTo: `/c/${DEMO_SLUG}/q/1` })
    expect(first.status).toBe(302)
    expect(first.headers.get('Location')).toBe(`/c/${DEMO_SLUG}/q/1`)
    const setCookie = first.headers.get('Set-Cookie') ?? ''
    expect(setCookie).toMatch(/^display=/)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const cookie1 = setCookie.split(';')[0]
    const second = await post({ easyRead: 'on', redirectTo: 'https://evil.example/' }, cookie1)
    expect(second.headers.get('Location')).toBe('/')
    const cookie2 = (second.headers.get('Set-Cookie') ?? '').split(';')[0]
    expect(await getDisplay(new Request(page, { headers: { Cookie: cookie2 } }), DEMO_SLUG, test.db)).toEqual({ symbols: false, easyRead: true })
    // A forged cookie (not signed with the app's secret) counts as no choice at all.
    const forged = `display=${Buffer.from(JSON.stringify({ symbols: false, easyRead: true })).toString('base64')}`
    expect(await getDisplay(new Request(page, { headers: { Cookie: forged } }), DEMO_SLUG, test.db)).toEqual({ symbols: true, easyRead: false })
  })
})
