// Stories (issue 5): the participant's words, consents, a picture, and their moderation.
// `text` is the original; everyone but the safeguarding lead is given `redacted_text ?? text`.
import type { StoryStatus } from '../../db/schema'
import type { DB } from '~/utils/db.server'

export interface StoryInput {
  text: string
  consentWords: boolean
  consentPicture: boolean
}

/** This response's story for one question, if any. */
export async function findStoryForAnswer(db: DB, responseId: number, questionId: string) {
  return db
    .selectFrom('story')
    .select(['id', 'text', 'image_id', 'consent_words', 'consent_picture', 'status'])
    .where('response_id', '=', responseId)
    .where('question_id', '=', questionId)
    .executeTakeFirst()
}

/** A response's stories by question, for Back and resume. */
export async function listStoriesOfResponse(db: DB, responseId: number) {
  return db.selectFrom('story').select(['question_id', 'text', 'image_id', 'consent_words', 'consent_picture']).where('response_id', '=', responseId).execute()
}

/**
 * Writes the story of one answer, in one transaction with the answer row that marks the question
 * answered. New words or a new picture send the story back to moderation (and drop earlier redactions,
 * which were marked on the old words). Returns the picture that is no longer used, to delete.
 */
export async function upsertStory(
  db: DB,
  input: StoryInput & { id: string; consultationId: string; responseId: number; questionId: string; imageId: string | null; now: string },
): Promise<{ storyId: string; replacedImageId: string | null }> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('answer').where('response_id', '=', input.responseId).where('question_id', '=', input.questionId).execute()
    await trx.insertInto('answer').values({ response_id: input.responseId, question_id: input.questionId, option_id: null, rank: null, value: null, text: null, skipped: 0 }).execute()
    const current = await trx.selectFrom('story').select(['id', 'text', 'image_id']).where('response_id', '=', input.responseId).where('question_id', '=', input.questionId).executeTakeFirst()
    const consents = { consent_words: input.consentWords ? 1 : 0, consent_picture: input.consentPicture ? 1 : 0 }
    if (!current) {
      await trx
        .insertInto('story')
        .values({
          id: input.id,
          consultation_id: input.consultationId,
          response_id: input.responseId,
          question_id: input.questionId,
          text: input.text,
          image_id: input.imageId,
          ...consents,
          status: 'pending',
          created_at: input.now,
          updated_at: input.now,
        })
        .execute()
      return { storyId: input.id, replacedImageId: null }
    }
    const changed = current.text !== input.text || current.image_id !== input.imageId
    await trx
      .updateTable('story')
      .set({
        text: input.text,
        image_id: input.imageId,
        ...consents,
        updated_at: input.now,
        ...(changed ? { status: 'pending' as const, redacted_text: null, redactions: '[]', moderated_by: null, moderated_at: null } : {}),
      })
      .where('id', '=', current.id)
      .execute()
    return { storyId: current.id, replacedImageId: current.image_id && current.image_id !== input.imageId ? current.image_id : null }
  })
}

/** A skipped story question: the answer row says so and any story given before is taken away. Returns its picture, to delete. */
export async function deleteStoryForAnswer(db: DB, responseId: number, questionId: string): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('story').select(['id', 'image_id']).where('response_id', '=', responseId).where('question_id', '=', questionId).executeTakeFirst()
    if (!current) return null
    await trx.deleteFrom('story').where('id', '=', current.id).execute()
    return current.image_id
  })
}

export interface NewSeedStory {
  id: string
  consultationId: string
  text: string
  attribution: string
  status: StoryStatus
  consentWords: boolean
  consentPicture: boolean
  now: string
}

/** A story gathered another way (an event; the demo seed): no response, an attribution instead. */
export async function insertStandaloneStory(db: DB, story: NewSeedStory): Promise<void> {
  await db
    .insertInto('story')
    .values({
      id: story.id,
      consultation_id: story.consultationId,
      response_id: null,
      question_id: null,
      text: story.text,
      attribution: story.attribution,
      status: story.status,
      consent_words: story.consentWords ? 1 : 0,
      consent_picture: story.consentPicture ? 1 : 0,
      created_at: story.now,
      updated_at: story.now,
    })
    .execute()
}

// ---- Staff ----------------------------------------------------------------------------------------

export interface StoryListFilter {
  status?: StoryStatus
  consultationId?: string
}

/** The moderation queue: the text others may read (never the original once redacted), newest first. */
export async function listStories(db: DB, filter: StoryListFilter, limit = 200) {
  let query = db
    .selectFrom('story')
    .innerJoin('consultation', 'consultation.id', 'story.consultation_id')
    .select(['story.id', 'story.status', 'story.created_at', 'story.image_id', 'story.consent_words', 'story.consent_picture', 'consultation.slug as consultationSlug'])
    .select((eb) => eb.fn.coalesce('story.redacted_text', 'story.text').as('shownText'))
  if (filter.status) query = query.where('story.status', '=', filter.status)
  if (filter.consultationId) query = query.where('story.consultation_id', '=', filter.consultationId)
  return query.orderBy('story.created_at', 'desc').orderBy('story.id').limit(limit).execute()
}

export async function countStoriesByStatus(db: DB): Promise<Record<StoryStatus, number>> {
  const rows = await db.selectFrom('story').select((eb) => ['status', eb.fn.countAll<number>().as('n')]).groupBy('status').execute()
  const counts: Record<StoryStatus, number> = { pending: 0, approved: 0, rejected: 0 }
  for (const r of rows) counts[r.status] = Number(r.n)
  return counts
}

/** One story with everything about it (the original included: callers decide who sees it). */
export async function findStory(db: DB, id: string) {
  return db
    .selectFrom('story')
    .innerJoin('consultation', 'consultation.id', 'story.consultation_id')
    .leftJoin('response', 'response.id', 'story.response_id')
    .leftJoin('question', 'question.id', 'story.question_id')
    .select([
      'story.id',
      'story.consultation_id',
      'story.response_id',
      'story.question_id',
      'story.text',
      'story.redacted_text',
      'story.redactions',
      'story.image_id',
      'story.consent_words',
      'story.consent_picture',
      'story.attribution',
      'story.status',
      'story.moderated_at',
      'story.created_at',
      'consultation.slug as consultationSlug',
      'response.demographics',
      'question.key as questionKey',
    ])
    .where('story.id', '=', id)
    .executeTakeFirst()
}

export async function updateRedactions(db: DB, id: string, redactions: string, redactedText: string | null, now: string): Promise<void> {
  await db.updateTable('story').set({ redactions, redacted_text: redactedText, updated_at: now }).where('id', '=', id).execute()
}

export async function setStoryStatus(db: DB, id: string, status: StoryStatus, userId: string, now: string): Promise<void> {
  await db.updateTable('story').set({ status, moderated_by: userId, moderated_at: now, updated_at: now }).where('id', '=', id).execute()
}

/** Approved stories of a consultation whose teller said "You can use my words": the quote bank. */
export async function listQuotes(db: DB, consultationId: string) {
  return db
    .selectFrom('story')
    .leftJoin('response', 'response.id', 'story.response_id')
    .select(['story.id', 'story.image_id', 'story.consent_picture', 'story.attribution', 'story.created_at', 'response.demographics'])
    .select((eb) => eb.fn.coalesce('story.redacted_text', 'story.text').as('shownText'))
    .where('story.consultation_id', '=', consultationId)
    .where('story.status', '=', 'approved')
    .where('story.consent_words', '=', 1)
    .orderBy('story.created_at')
    .orderBy('story.id')
    .execute()
}
