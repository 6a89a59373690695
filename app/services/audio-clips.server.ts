// A question's recorded audio clip: upload (type found from the bytes), replace, remove, and serving
// it at /audio/<id>.<format>. Each change is audited and bumps consultation.updated_at, so the
// participant page and the preview play the new clip at once (surveys are cached by that column).
import crypto from 'node:crypto'
import { audioClipPath, audioContentTypes, type AudioRefusal, checkAudioUpload, parseAudioClipFile, uploadedClipId } from '~/domain/audio-upload'
import { attachAudioClip, audioClipInfo, deleteAudioClipIfUnused, detachAudioClip, findAudioClip, findConsultationQuestion } from '~/models/audio-clip.server'
import { recordAudit } from '~/services/audit.server'
import { nextUpdatedAt } from '~/services/consultations.server'
import { type Consultation, loadSurvey } from '~/services/survey.server'
import type { DB } from '~/utils/db.server'

type Question = NonNullable<Awaited<ReturnType<typeof findConsultationQuestion>>>

/** The question of this consultation, or a 404 (thrown). */
export async function requireQuestion(db: DB, consultation: Consultation, questionId: string | undefined): Promise<Question> {
  const question = questionId ? await findConsultationQuestion(db, consultation.id, questionId) : undefined
  if (!question) throw new Response('Not found', { status: 404 })
  return question
}

/** What the audio page shows: the question's prompt in the staff member's language, and its clip. */
export async function loadQuestionAudio(db: DB, consultation: Consultation, question: Question, locale: string) {
  const survey = await loadSurvey(db, consultation, locale)
  const shown = survey.questions.find((q) => q.id === question.id)
  const clipId = uploadedClipId(question.audio)
  const info = clipId ? await audioClipInfo(db, clipId) : undefined
  return {
    prompt: shown?.prompt ?? question.key,
    promptLang: shown?.lang?.prompt,
    position: question.position,
    audio: question.audio,
    clip: info ? { format: info.format, size: info.size, createdAt: info.created_at } : null,
  }
}

export type AudioUploadResult = { ok: true; path: string } | { ok: false; reason: AudioRefusal }

/** Stores the clip (when the bytes are audio and not too big) and puts it on the question, in place of any clip it had. */
export async function uploadQuestionAudio(db: DB, consultation: Consultation, question: Question, bytes: Uint8Array | null, userId: string): Promise<AudioUploadResult> {
  const checked = checkAudioUpload(bytes)
  const subject = `question:${question.id}`
  if (!checked.ok) {
    await recordAudit(db, { userId, action: 'question.audio-refused', subject, details: { consultation: consultation.slug, reason: checked.reason, bytes: bytes?.length ?? 0 } })
    return checked
  }
  const id = crypto.randomUUID()
  const path = audioClipPath(id, checked.format)
  const now = new Date()
  await attachAudioClip(db, { id, format: checked.format, bytes: bytes!, createdBy: userId, createdAt: now.toISOString() }, { id: question.id, consultationId: consultation.id }, path, nextUpdatedAt(consultation.updated_at, now))
  const replaced = question.audio
  const oldId = uploadedClipId(replaced)
  if (oldId && replaced) await deleteAudioClipIfUnused(db, oldId, replaced)
  await recordAudit(db, {
    userId,
    action: replaced ? 'question.audio-replace' : 'question.audio-upload',
    subject,
    details: { consultation: consultation.slug, path, format: checked.format, bytes: bytes!.length, ...(replaced ? { replaced } : {}) },
  })
  return { ok: true, path }
}

/** Takes the clip off the question (and deletes it when no other question uses it). False when there was none. */
export async function removeQuestionAudio(db: DB, consultation: Consultation, question: Question, userId: string): Promise<boolean> {
  if (!question.audio) return false
  await detachAudioClip(db, { id: question.id, consultationId: consultation.id }, nextUpdatedAt(consultation.updated_at))
  const id = uploadedClipId(question.audio)
  if (id) await deleteAudioClipIfUnused(db, id, question.audio)
  await recordAudit(db, { userId, action: 'question.audio-remove', subject: `question:${question.id}`, details: { consultation: consultation.slug, removed: question.audio } })
  return true
}

/** GET /audio/<id>.<format>: the clip's bytes, or 404. A URL always names the same bytes (a new upload gets a new id). */
export async function audioClipResponse(db: DB, file: string | undefined): Promise<Response> {
  const parsed = parseAudioClipFile(file)
  const clip = parsed ? await findAudioClip(db, parsed.id) : undefined
  if (!parsed || !clip || clip.format !== parsed.format) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const bytes = new Uint8Array(clip.bytes)
  return new Response(bytes, {
    headers: {
      'Content-Type': audioContentTypes[parsed.format],
      'Content-Length': String(bytes.length),
      'Cache-Control': 'public, max-age=31536000, immutable',
      // X-Content-Type-Options: nosniff comes with every response from server.js (helmet)
      'Content-Disposition': 'inline',
    },
  })
}
