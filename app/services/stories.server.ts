// Stories (issue 5): a participant tells a story (words, an optional picture, consents off by default);
// staff moderate it (approve, redact, reject); approved stories with consent become quotes.
//
// Who reads what: the original words are read by the safeguarding lead only once a story is redacted
// (route /staff/stories/:id/original, 'safeguarding:handle'); moderators and everyone after them get
// `redacted_text ?? text`. Every look at one story is in the audit log, saying which text was shown.
// Pictures are processed before they are stored (app/services/images.server.ts) and served only to
// staff: moderators, and the quote bank when the teller said "You can show my picture".
import crypto from 'node:crypto'
import type { StoryStatus } from '../../db/schema'
import { type Answer, type FieldError, fieldIds, hasFile } from '~/domain/answers'
import { parseDemographics } from '~/domain/demographics'
import { addRedaction, applyRedactions, parseSpans, type RedactionKind } from '~/domain/redaction'
import type { SurveyQuestion } from '~/domain/survey'
import { deleteImage } from '~/models/image.server'
import {
  countStoriesByStatus,
  deleteStoryForAnswer,
  findStory,
  listQuotes,
  listStories,
  listStoriesOfResponse,
  setStoryStatus,
  updateRedactions,
  upsertStory,
} from '~/models/story.server'
import { recordAudit } from '~/services/audit.server'
import type { StaffUser } from '~/services/auth.server'
import { processImageUpload, readImage, saveImage } from '~/services/images.server'
import { screenSubmission } from '~/services/safeguarding.server'
import type { DB } from '~/utils/db.server'

// ---- Participants -------------------------------------------------------------------------------

export type StoryQuestion = Extract<SurveyQuestion, { type: 'story' }>

export type SaveStoryOutcome = { ok: true; flagged: boolean } | { ok: false; errors: FieldError[]; draft: Answer }

/**
 * Saves a story answer: the picture first (a refused one saves nothing, and the page shows the words
 * and consents again with a message beside the picture field), then the words, consents and picture
 * together, then the words are screened for safeguarding like any free text.
 */
export async function saveStoryAnswer(
  db: DB,
  ref: { consultationId: string; responseId: number },
  question: StoryQuestion,
  answer: Extract<Answer, { kind: 'story' }>,
  file: FormDataEntryValue | null,
): Promise<SaveStoryOutcome> {
  const existing = (await listStoriesOfResponse(db, ref.responseId)).find((s) => s.question_id === question.id)
  let imageId = answer.removePicture ? null : (existing?.image_id ?? null)
  let newImageId: string | null = null
  if (question.config.allowPicture && hasFile(file)) {
    const processed = await processImageUpload(new Uint8Array(await file.arrayBuffer()))
    if (!processed.ok) {
      const error: FieldError = { field: fieldIds.picture, messageKey: `story.errors.picture.${processed.reason}` }
      return { ok: false, errors: [error], draft: { ...answer, picture: Boolean(imageId) } }
    }
    newImageId = await saveImage(db, { consultationId: ref.consultationId, responseId: ref.responseId, purpose: 'story' }, processed)
    imageId = newImageId
  }
  const consentPicture = answer.consentPicture && imageId !== null
  const { replacedImageId } = await upsertStory(db, {
    id: crypto.randomBytes(12).toString('base64url'),
    consultationId: ref.consultationId,
    responseId: ref.responseId,
    questionId: question.id,
    text: answer.text,
    consentWords: answer.consentWords,
    consentPicture,
    imageId,
    now: new Date().toISOString(),
  })
  if (replacedImageId) await deleteImage(db, replacedImageId)
  const flagged = answer.text ? await screenSubmission(db, { ...ref, questionId: question.id }, answer.text) : null
  return { ok: true, flagged: flagged !== null }
}

/** "I don't want to say" on a story question: any story given before on this device is taken away. */
export async function removeStoryAnswer(db: DB, responseId: number, questionId: string): Promise<void> {
  const imageId = await deleteStoryForAnswer(db, responseId, questionId)
  if (imageId) await deleteImage(db, imageId)
}

/** A response's stories as answers, by question id, so Back and resume show them again. */
export async function storyAnswers(db: DB, responseId: number): Promise<Map<string, Answer>> {
  const rows = await listStoriesOfResponse(db, responseId)
  return new Map(
    rows.flatMap((r) =>
      r.question_id
        ? [[r.question_id, { kind: 'story', text: r.text, consentWords: r.consent_words === 1, consentPicture: r.consent_picture === 1, picture: r.image_id !== null } satisfies Answer]]
        : [],
    ),
  )
}

// ---- Moderation ---------------------------------------------------------------------------------

/** A story id from a URL (random, URL-safe), or a 404. */
export function storyIdOf(raw: string | undefined): string {
  if (!raw || !/^[A-Za-z0-9_-]{1,64}$/.test(raw)) throw new Response('Not found', { status: 404 })
  return raw
}


/** Who told it, as far as a quote may say: their age band, or how the story was gathered. Never a name. */
export type Teller = { kind: 'ageBand'; band: string } | { kind: 'attribution'; text: string } | { kind: 'unknown' }

export function tellerOf(demographics: string | null | undefined, attribution: string | null): Teller {
  const band = parseDemographics(demographics).ageBand
  if (band && band !== 'prefer-not-to-say') return { kind: 'ageBand', band }
  if (attribution) return { kind: 'attribution', text: attribution }
  return { kind: 'unknown' }
}

export async function storyQueue(db: DB, user: StaffUser, status: StoryStatus | undefined) {
  const stories = await listStories(db, { status })
  const counts = await countStoriesByStatus(db)
  await recordAudit(db, { userId: user.id, action: 'stories.queue-view', subject: 'story:*', details: { status: status ?? 'all', shown: stories.length } })
  return {
    counts,
    stories: stories.map((s) => ({
      id: s.id,
      status: s.status,
      consultationSlug: s.consultationSlug,
      createdAt: s.created_at,
      excerpt: excerpt(String(s.shownText ?? '')),
      hasPicture: s.image_id !== null,
      consentWords: s.consent_words === 1,
      consentPicture: s.consent_picture === 1,
    })),
  }
}

function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}

/**
 * One story for a moderator: the redacted text (the words as given while nothing is hidden), the
 * hidden spans' kinds and reasons but never their words. Recorded in the audit log.
 */
export async function viewStory(db: DB, user: StaffUser, id: string) {
  const story = await findStory(db, id)
  if (!story) return undefined
  const spans = parseSpans(story.redactions)
  const redacted = spans.length > 0
  await recordAudit(db, { userId: user.id, action: 'stories.view', subject: `story:${id}`, details: { shown: redacted ? 'redacted' : 'unredacted' } })
  return {
    id: story.id,
    consultationSlug: story.consultationSlug,
    questionKey: story.questionKey,
    status: story.status,
    createdAt: story.created_at,
    text: redacted ? (story.redacted_text ?? applyRedactions(story.text, spans)) : story.text,
    redactions: spans.map((s) => ({ kind: s.kind, reason: s.reason })),
    hasPicture: story.image_id !== null,
    consentWords: story.consent_words === 1,
    consentPicture: story.consent_picture === 1,
    teller: tellerOf(story.demographics, story.attribution),
  }
}

/** The original words of a story, for the safeguarding lead only (the route checks 'safeguarding:handle'). Recorded in the audit log. */
export async function viewOriginalStory(db: DB, user: StaffUser, id: string) {
  const story = await findStory(db, id)
  if (!story) return undefined
  const spans = parseSpans(story.redactions)
  await recordAudit(db, { userId: user.id, action: 'stories.original-view', subject: `story:${id}`, details: { redactions: spans.length } })
  return {
    id: story.id,
    consultationSlug: story.consultationSlug,
    status: story.status,
    original: story.text,
    redactedText: spans.length ? (story.redacted_text ?? applyRedactions(story.text, spans)) : null,
    redactions: spans.map((s) => ({ kind: s.kind, reason: s.reason, words: story.text.slice(s.start, s.end) })),
    hasPicture: story.image_id !== null,
  }
}

export type RedactError = 'wordsRequired' | 'reasonRequired' | 'reasonTooLong' | 'kindUnknown' | 'notFound'

/**
 * Hides every occurrence of the typed words. The moderator types exactly what they read; once a story
 * is redacted they read the redacted text, so only words still showing can be hidden.
 */
export async function redactStory(db: DB, user: StaffUser, id: string, request: { words: string; kind: string; reason: string }): Promise<{ ok: true; added: number } | { ok: false; error: RedactError } | undefined> {
  const story = await findStory(db, id)
  if (!story) return undefined
  const spans = parseSpans(story.redactions)
  const result = addRedaction(story.text, spans, request)
  if (!result.ok) return result
  // Words already hidden are not there to be typed; only spans over visible text count.
  const shown = spans.length ? applyRedactions(story.text, spans) : story.text
  if (!shown.includes(request.words.trim())) return { ok: false, error: 'notFound' }
  await updateRedactions(db, id, JSON.stringify(result.spans), applyRedactions(story.text, result.spans), new Date().toISOString())
  await recordAudit(db, { userId: user.id, action: 'stories.redact', subject: `story:${id}`, details: { kind: request.kind as RedactionKind, reason: request.reason.trim(), spans: result.added } })
  return { ok: true, added: result.added }
}

export async function moderateStory(db: DB, user: StaffUser, id: string, status: 'approved' | 'rejected' | 'pending'): Promise<boolean> {
  const story = await findStory(db, id)
  if (!story) return false
  await setStoryStatus(db, id, status, user.id, new Date().toISOString())
  await recordAudit(db, { userId: user.id, action: `stories.${status === 'approved' ? 'approve' : status === 'rejected' ? 'reject' : 'reopen'}`, subject: `story:${id}`, details: { from: story.status } })
  return true
}

/** A story's picture for a moderator. */
export async function storyPicture(db: DB, id: string) {
  const story = await findStory(db, id)
  if (!story?.image_id) return null
  return readImage(db, story.image_id)
}

// ---- The quote bank -----------------------------------------------------------------------------

export interface Quote {
  id: string
  text: string
  teller: Teller
  /** Only when the teller said "You can show my picture" */
  hasPicture: boolean
}

/** Approved stories with "You can use my words", redacted; a picture only with "You can show my picture". */
export async function quoteBank(db: DB, consultationId: string): Promise<Quote[]> {
  const rows = await listQuotes(db, consultationId)
  return rows.map((r) => ({ id: r.id, text: String(r.shownText ?? ''), teller: tellerOf(r.demographics, r.attribution), hasPicture: r.image_id !== null && r.consent_picture === 1 }))
}

/** A quote's picture: only an approved story of this consultation with both consents. */
export async function quotePicture(db: DB, consultationId: string, storyId: string) {
  const story = await findStory(db, storyId)
  if (!story || story.consultation_id !== consultationId || story.status !== 'approved' || story.consent_words !== 1 || story.consent_picture !== 1 || !story.image_id) return null
  return readImage(db, story.image_id)
}
