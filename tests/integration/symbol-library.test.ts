// The staff symbol library's upload service fed every fixture image (/work/shared/fixtures/images,
// copied in shared/fixtures): accepted files become a stored master and served WebP and PNG images
// with no EXIF, XMP, IPTC, ICC or GPS; refused files give their exact reason and store nothing; each
// attempt is in the audit log; uploads are found by search as upload:<id>. On SQLite and PostgreSQL.
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../db/seed/demo'
import { MAX_SYMBOL_BYTES, type FileRefusal } from '~/domain/symbol-upload'
import { loadSymbolLibrary, prepareSymbolImage, SYMBOL_MASTER_SIZE, uploadedSymbolImageResponse, uploadSymbol } from '~/services/symbols.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

const FIXTURES = process.env.IMAGE_FIXTURES ?? '/work/shared/fixtures/images'
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)))

/** Every fixture, and what must happen to it. */
const expected: Record<string, { ok: true; upright: 'landscape' | 'portrait' } | { ok: false; reason: FileRefusal }> = {
  'drawing-plain.jpg': { ok: true, upright: 'landscape' },
  'drawing-with-gps.jpg': { ok: true, upright: 'landscape' },
  'drawing.png': { ok: true, upright: 'landscape' },
  // EXIF orientation 6: stored 1200 × 900, shown turned a quarter: upright it is 900 wide, 1200 high
  'photo-rotated-exif.jpg': { ok: true, upright: 'portrait' },
  'not-an-image.jpg': { ok: false, reason: 'notImage' },
  'bomb-20000x20000.png': { ok: false, reason: 'tooManyPixels' },
}

const fields = { name: 'Drawing, picture, art', licence: 'CC BY 4.0', attribution: 'Test Artist' }

async function expectNoMetadata(bytes: Uint8Array, format: string, size: number) {
  const meta = await sharp(bytes).metadata()
  expect({ format: meta.format, width: meta.width, height: meta.height, exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc, icc: meta.icc, orientation: meta.orientation }).toEqual({
    format,
    width: size,
    height: size,
    exif: undefined,
    xmp: undefined,
    iptc: undefined,
    icc: undefined,
    orientation: undefined,
  })
  // No camera text anywhere in the bytes either
  const text = Buffer.from(bytes).toString('latin1')
  for (const word of ['TestPhone', 'Model-X', 'GPS', 'Exif']) expect(text).not.toContain(word)
}

/** Alpha of one pixel of an image. */
async function alphaAt(bytes: Uint8Array, x: number, y: number): Promise<number> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return data[(y * info.width + x) * 4 + 3]
}

it('has every fixture image it checks', () => {
  expect(fs.readdirSync(FIXTURES).sort()).toEqual(Object.keys(expected).sort())
})

describe.each(testDialects())('symbol library uploads [%s]', (dialect) => {
  let test: TestDatabase
  let userId: string
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    userId = (await test.db.selectFrom('staff_user').select('id').where('email', '=', 'planner@demo.invalid').executeTakeFirstOrThrow()).id
  })
  afterAll(async () => test.drop())

  const audits = (action: string) => test.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id').execute()

  it.each(Object.entries(expected))('%s', async (name, outcome) => {
    const file = fixture(name)
    const memoryBefore = process.memoryUsage().rss
    const before = await test.db.selectFrom('symbol_image').select('id').execute()
    const result = await uploadSymbol(test.db, { organisationId: null, fields, file, filename: name, userId })
    if (!outcome.ok) {
      expect(result).toEqual({ ok: false, errors: [{ field: 'file', code: outcome.reason }] })
      // The bomb's 400 million pixels were never decoded (that would take at least 400 MB)
      expect(process.memoryUsage().rss - memoryBefore).toBeLessThan(100 * 1024 * 1024)
      expect(await test.db.selectFrom('symbol_image').select('id').execute()).toEqual(before)
      const refused = (await audits('symbols.upload-refused')).at(-1)
      expect(refused?.user_id).toBe(userId)
      expect(JSON.parse(refused?.details ?? '{}')).toMatchObject({ filename: name, reason: outcome.reason, bytes: file.length })
      return
    }
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`)
    // The camera data really was there before (so its absence below means something)
    if (name === 'drawing-with-gps.jpg') expect(Buffer.from(file).toString('latin1')).toContain('TestPhone')
    if (name.includes('exif') || name.includes('gps')) expect((await sharp(file).metadata()).exif).toBeDefined()
    const row = await test.db.selectFrom('symbol_image').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow()
    expect([row.organisation_id, row.name, row.licence, row.attribution]).toEqual(['demo-org', fields.name, fields.licence, fields.attribution])
    const master = new Uint8Array(row.image)
    await expectNoMetadata(master, 'png', SYMBOL_MASTER_SIZE)
    // Fitted upright and padded transparent to a square: a landscape picture leaves the top empty, a portrait one the side.
    const [edgeX, edgeY] = outcome.upright === 'landscape' ? [256, 5] : [5, 256]
    expect(await alphaAt(master, edgeX, edgeY)).toBe(0)
    expect(await alphaAt(master, 256, 256)).toBe(255)

    // The served renditions: WebP and PNG at two sizes, long-cached, no metadata
    for (const format of ['webp', 'png'] as const) {
      for (const size of [64, 128] as const) {
        const response = await uploadedSymbolImageResponse(test.db, `${result.id}.${format}`, new URL(`http://localhost/symbols/upload/${result.id}.${format}?size=${size}`))
        expect(response.status).toBe(200)
        expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
        await expectNoMetadata(new Uint8Array(await response.arrayBuffer()), format, size)
      }
    }
    const audit = (await audits('symbols.upload')).at(-1)
    expect([audit?.user_id, audit?.subject]).toEqual([userId, `symbol_image:${result.id}`])
    expect(JSON.parse(audit?.details ?? '{}')).toMatchObject({ filename: name, bytes: file.length, name: fields.name, licence: fields.licence })
  })

  it('refuses SVG, GIF, a cut-short PNG, an oversized file and no file, each with its reason', async () => {
    const svg = new TextEncoder().encode(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>'
    )
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } })
      .gif()
      .toBuffer()
    const png = fixture('drawing.png')
    const cut = png.subarray(0, Math.floor(png.length / 2))
    const huge = new Uint8Array(MAX_SYMBOL_BYTES + 1)
    huge.set(png)
    const cases: Array<[Uint8Array | null, FileRefusal]> = [
      [svg, 'svg'],
      [new Uint8Array(gif), 'unsupported'],
      [cut, 'damaged'],
      [huge, 'tooBig'],
      [null, 'noFile'],
    ]
    for (const [file, reason] of cases) {
      const prepared = await prepareSymbolImage(file)
      expect(prepared.ok ? 'accepted' : prepared.reason).toBe(reason)
    }
  })

  it('reports every problem at once and stores nothing', async () => {
    const before = (await test.db.selectFrom('symbol_image').select('id').execute()).length
    const result = await uploadSymbol(test.db, {
      organisationId: null,
      fields: { name: ' ', licence: '', attribution: '' },
      file: fixture('not-an-image.jpg'),
      filename: 'x.jpg',
      userId,
    })
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'file', code: 'notImage' },
        { field: 'name', code: 'nameRequired' },
        { field: 'licence', code: 'licenceRequired' },
      ],
    })
    // A good file with a missing licence is refused too
    const noLicence = await uploadSymbol(test.db, { organisationId: null, fields: { ...fields, licence: ' ' }, file: fixture('drawing.png'), filename: 'drawing.png', userId })
    expect(noLicence).toEqual({ ok: false, errors: [{ field: 'licence', code: 'licenceRequired' }] })
    expect((await test.db.selectFrom('symbol_image').select('id').execute()).length).toBe(before)
  })

  it('finds uploads by name and keyword as upload:<id>, before OpenMoji, and pages the results', async () => {
    const result = await uploadSymbol(test.db, {
      organisationId: 'demo-org',
      fields: { name: 'Our school, classroom', licence: 'Widgit Symbols licence', attribution: '' },
      file: fixture('drawing.png'),
      filename: 'school.png',
      userId,
    })
    if (!result.ok) throw new Error('refused')
    const library = await loadSymbolLibrary(test.db, 'school', null)
    expect(library.results[0]).toEqual({
      reference: `upload:${result.id}`,
      kind: 'upload',
      name: 'Our school',
      keywords: ['classroom'],
      licence: 'Widgit Symbols licence',
      attribution: null,
    })
    expect(library.results.some((r) => r.reference === 'openmoji:1F3EB')).toBe(true)
    expect((await loadSymbolLibrary(test.db, 'classroom', null)).results.map((r) => r.reference)).toContain(`upload:${result.id}`)
    expect(library.uploads.find((u) => u.reference === `upload:${result.id}`)).toMatchObject({ organisation: expect.any(String), licence: 'Widgit Symbols licence' })

    const many = await loadSymbolLibrary(test.db, 'face', '2')
    expect(many.total).toBeGreaterThan(48)
    expect([many.page, many.results.length]).toEqual([2, 24])
    const first = await loadSymbolLibrary(test.db, 'face', '1')
    expect(first.results.map((r) => r.reference)).not.toContain(many.results[0].reference)
    expect((await loadSymbolLibrary(test.db, '', null)).results).toEqual([])
  })
})
