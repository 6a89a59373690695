// Organisations' own symbol images (referenced as upload:<id>).
import type { DB } from '~/utils/db.server'

export interface NewSymbolImage {
  id: string
  organisationId: string
  name: string
  licence: string
  attribution: string | null
  image: Uint8Array
  createdAt: string
}

export async function insertSymbolImage(db: DB, symbol: NewSymbolImage): Promise<void> {
  await db
    .insertInto('symbol_image')
    .values({
      id: symbol.id,
      organisation_id: symbol.organisationId,
      name: symbol.name,
      licence: symbol.licence,
      attribution: symbol.attribution,
      image: symbol.image,
      created_at: symbol.createdAt,
    })
    .execute()
}

/** The stored master image of one symbol, or undefined. */
export async function findSymbolImageBytes(db: DB, id: string): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('symbol_image').select('image').where('id', '=', id).executeTakeFirst()
  return row?.image
}

/** Each licence and attribution used by uploaded symbols, once, for the credits page. */
export async function listSymbolAttributions(db: DB): Promise<Array<{ licence: string; attribution: string | null; symbols: number }>> {
  const rows = await db
    .selectFrom('symbol_image')
    .select((eb) => ['licence', 'attribution', eb.fn.countAll<number>().as('symbols')])
    .groupBy(['licence', 'attribution'])
    .orderBy('licence')
    .orderBy('attribution')
    .execute()
  return rows.map((r) => ({ licence: r.licence, attribution: r.attribution, symbols: Number(r.symbols) }))
}

export interface SymbolImageSummary {
  id: string
  organisationId: string
  organisation: string
  name: string
  licence: string
  attribution: string | null
  createdAt: string
}

/** Every uploaded symbol without its image bytes, newest first (for the staff library and search). */
export async function listSymbolImages(db: DB): Promise<SymbolImageSummary[]> {
  const rows = await db
    .selectFrom('symbol_image')
    .innerJoin('organisation', 'organisation.id', 'symbol_image.organisation_id')
    .select([
      'symbol_image.id',
      'symbol_image.organisation_id',
      'organisation.name as organisation',
      'symbol_image.name',
      'symbol_image.licence',
      'symbol_image.attribution',
      'symbol_image.created_at',
    ])
    .orderBy('symbol_image.created_at', 'desc')
    .orderBy('symbol_image.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    organisation: r.organisation,
    name: r.name,
    licence: r.licence,
    attribution: r.attribution,
    createdAt: r.created_at,
  }))
}
