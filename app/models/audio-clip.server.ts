// Recorded audio clips of questions (table audio_clip) and the question.audio path that points at one.
import type { DB } from '~/utils/db.server'

export interface NewAudioClip {
  id: string
  format: string
  bytes: Uint8Array
  createdBy: string | null
  createdAt: string
}

/** One question of a consultation (what the audio page needs), or undefined. */
export async function findConsultationQuestion(db: DB, consultationId: string, questionId: string) {
  return db.selectFrom('question').select(['id', 'key', 'position', 'type', 'audio']).where('consultation_id', '=', consultationId).where('id', '=', questionId).executeTakeFirst()
}

/**
 * Stores a clip and points the question at it, bumping the consultation's updated_at (surveys are
 * cached by it), in one transaction. Returns the path the question had before.
 */
export async function attachAudioClip(db: DB, clip: NewAudioClip, question: { id: string; consultationId: string }, path: string, updatedAt: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('audio_clip').values({ id: clip.id, format: clip.format, bytes: clip.bytes, size: clip.bytes.length, created_by: clip.createdBy, created_at: clip.createdAt }).execute()
    await trx.updateTable('question').set({ audio: path }).where('id', '=', question.id).execute()
    await trx.updateTable('consultation').set({ updated_at: updatedAt }).where('id', '=', question.consultationId).execute()
  })
}

/** Takes the clip off the question (question.audio = null), bumping updated_at. */
export async function detachAudioClip(db: DB, question: { id: string; consultationId: string }, updatedAt: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('question').set({ audio: null }).where('id', '=', question.id).execute()
    await trx.updateTable('consultation').set({ updated_at: updatedAt }).where('id', '=', question.consultationId).execute()
  })
}

/** Deletes a clip no question points at any more (a duplicated consultation may still use it). Returns whether it went. */
export async function deleteAudioClipIfUnused(db: DB, id: string, path: string): Promise<boolean> {
  const user = await db.selectFrom('question').select('id').where('audio', '=', path).executeTakeFirst()
  if (user) return false
  const result = await db.deleteFrom('audio_clip').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function findAudioClip(db: DB, id: string): Promise<{ format: string; bytes: Uint8Array; size: number } | undefined> {
  return db.selectFrom('audio_clip').select(['format', 'bytes', 'size']).where('id', '=', id).executeTakeFirst()
}

export async function audioClipInfo(db: DB, id: string): Promise<{ format: string; size: number; created_at: string } | undefined> {
  return db.selectFrom('audio_clip').select(['format', 'size', 'created_at']).where('id', '=', id).executeTakeFirst()
}
