// Processed pictures (app/services/images.server.ts): bytes in the database, never served publicly.
import type { DB } from '~/utils/db.server'

export interface NewImage {
  id: string
  consultationId: string
  responseId: number | null
  purpose: string
  mime: string
  width: number
  height: number
  bytes: Uint8Array
  createdAt: string
}

export async function insertImage(db: DB, image: NewImage): Promise<void> {
  await db
    .insertInto('image')
    .values({
      id: image.id,
      consultation_id: image.consultationId,
      response_id: image.responseId,
      purpose: image.purpose,
      mime: image.mime,
      width: image.width,
      height: image.height,
      byte_size: image.bytes.length,
      bytes: image.bytes,
      created_at: image.createdAt,
    })
    .execute()
}

export async function findImage(db: DB, id: string) {
  return db.selectFrom('image').select(['id', 'consultation_id', 'response_id', 'purpose', 'mime', 'width', 'height', 'bytes']).where('id', '=', id).executeTakeFirst()
}

export async function deleteImage(db: DB, id: string): Promise<void> {
  await db.deleteFrom('image').where('id', '=', id).execute()
}
