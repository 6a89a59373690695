// Group activities and paper entry for a session (issue #6), and the group and paper evidence shown
// with a consultation's results (issue #7): always apart from the answers children gave online.
//
// - A group result (diamond 9, dot votes, agreed ranking) is one row for the whole group, weighted by
//   the number of people in it when counted (app/domain/group-evidence.ts).
// - A paper form typed up is a normal, finished response marked entered on behalf, with the session
//   and the staff member who typed it; it is counted with the online answers, as the child's own.
// - A paper tally (counts per option) is stored like an aggregate import, for the session, and shown
//   as paper evidence with the other imported paper counts.
import { answerToRows, hasFile } from '~/domain/answers'
import { aggregateKindOf } from '~/domain/consistency'
import type { LineError } from '~/domain/csv-format'
import { demographicEntry, mergeDemographics, withSessionSetting } from '~/domain/demographics'
import { type GroupEntry, type GroupFormError, type GroupKind, parseGroupEntry, questionFitsKind, rankingOrder } from '~/domain/group-activities'
import { enoughMembers, tallyDiamond9, tallyDotVotes, tallyGroupRankings } from '~/domain/group-evidence'
import { type ImageRefusal, MAX_IMAGE_MB } from '~/domain/images'
import { type PaperError, parsePaperForm } from '~/domain/paper-entry'
import { type PaperEvidenceRow, tallyPaperEvidence } from '~/domain/paper-evidence'
import { checkTallyHeader, readTallyRecords } from '~/domain/paper-tally'
import { rankingPositions, type Survey, type SurveyQuestion } from '~/domain/survey'
import { sortByRank } from '~/domain/tally'
import type { BoardGroupResult } from '~/domain/live-board'
import { createI18n } from '~/i18n/i18n'
import { isLocale } from '~/i18n/config'
import { type DisclosedCell, discloseCount } from '~/domain/disclosure'
import { insertAggregateImport, listAggregateCounts } from '~/models/aggregate.server'
import { getSuppressionThreshold } from '~/models/consultation.server'
import { countPaperResponses, deleteGroupResult, findSessionConsultation, type GroupResultRecord, insertGroupResult, insertPaperResponse, listGroupResults, listSessionTallies } from '~/models/group-result.server'
import { findSession, type SessionRow } from '~/models/session.server'
import { randomToken, sha256 } from '~/utils/crypto.server'
import type { DB } from '~/utils/db.server'
import { cleanFilename, MAX_ERRORS_SHOWN, readUpload, sortErrors, type UploadedFile } from './import.server'
import { processImageUpload, readImage, saveImage } from './images.server'
import { type Consultation, loadSurvey } from './survey.server'

export interface SessionContext {
  session: SessionRow
  consultation: Consultation
}

/** The session and its consultation, or a 404. */
export async function requireSessionContext(db: DB, sessionId: string | undefined): Promise<SessionContext> {
  const session = sessionId ? await findSession(db, sessionId) : undefined
  const consultation = session ? await findSessionConsultation(db, session.id) : undefined
  if (!session || !consultation) throw new Response('Not found', { status: 404 })
  return { session, consultation }
}

/** Questions that can hold this kind of activity (a diamond needs nine cards or more). */
export function questionsForKind(survey: Survey, kind: GroupKind): SurveyQuestion[] {
  return survey.questions.filter((q) => q.type !== 'story' && questionFitsKind(kind, q))
}

// ---- Group results ------------------------------------------------------------------------------

export type GroupSaveOutcome = { ok: true; id: string } | { ok: false; errors: GroupFormError[]; values: Record<string, string> }

/** Checks and saves a group's result; a photo, when given, is processed like a story's picture. */
export async function saveGroupResult(
  db: DB,
  ctx: SessionContext,
  input: { kind: GroupKind; question: SurveyQuestion; form: FormData; userId: string; now?: Date },
): Promise<GroupSaveOutcome> {
  const { kind, question, form } = input
  const parsed = parseGroupEntry(kind, question.options, form)
  const photo = form.get('photo')
  let refusal: ImageRefusal | null = null
  let processed: Awaited<ReturnType<typeof processImageUpload>> | null = null
  if (hasFile(photo)) {
    processed = await processImageUpload(new Uint8Array(await photo.arrayBuffer()))
    if (!processed.ok) refusal = processed.reason
  }
  if (!parsed.ok || refusal) {
    const errors = parsed.ok ? [] : parsed.errors
    if (refusal) errors.push({ field: 'photo', messageKey: `groups:errors.photo.${refusal}`, values: { max: MAX_IMAGE_MB } })
    return { ok: false, errors, values: parsed.ok ? {} : parsed.values }
  }
  const imageId = processed?.ok ? await saveImage(db, { consultationId: ctx.consultation.id, responseId: null, purpose: 'group' }, processed) : null
  const optionId = new Map(question.options.map((o) => [o.key, o.id]))
  const entry: GroupEntry = parsed.entry
  const id = await insertGroupResult(db, {
    kind,
    sessionId: ctx.session.id,
    consultationId: ctx.consultation.id,
    questionId: question.id,
    label: entry.label,
    people: entry.people,
    dotsPerPerson: entry.dotsPerPerson,
    agreed: entry.agreed,
    enteredBy: input.userId,
    imageId,
    now: (input.now ?? new Date()).toISOString(),
    items: entry.items.map((item) => ({ optionId: optionId.get(item.optionKey)!, tier: item.tier, dots: item.dots, rank: item.rank })),
  })
  return { ok: true, id }
}

export async function removeGroupResult(db: DB, ctx: SessionContext, id: string): Promise<boolean> {
  return deleteGroupResult(db, ctx.session.id, id)
}

export interface GroupResultListItem {
  id: string
  kind: GroupKind
  prompt: string
  label: string | null
  people: number
  createdAt: string
  imageId: string | null
  /** The group's top choice(s): the top card, the most dots, or first place. */
  top: string[]
}

/** What the session's group page lists: each result, the paper forms typed up, the tallies uploaded. */
export async function sessionGroupsOverview(db: DB, ctx: SessionContext, locale: string) {
  const [survey, results, paperForms, tallies] = await Promise.all([
    loadSurvey(db, ctx.consultation, locale),
    listGroupResults(db, { sessionId: ctx.session.id }),
    countPaperResponses(db, ctx.session.id),
    listSessionTallies(db, ctx.session.id),
  ])
  const questionById = new Map(survey.questions.map((q) => [q.id, q]))
  const items: GroupResultListItem[] = results.map((r) => {
    const question = questionById.get(r.questionId)
    const labelOf = (optionId: string) => question?.options.find((o) => o.id === optionId)?.label ?? optionId
    let top: string[] = []
    if (r.kind === 'diamond9') top = r.items.filter((i) => i.tier === 1).map((i) => labelOf(i.optionId))
    else if (r.kind === 'ranking') top = r.items.filter((i) => i.rank === 1).map((i) => labelOf(i.optionId))
    else {
      const most = Math.max(0, ...r.items.map((i) => i.dots ?? 0))
      top = most > 0 ? r.items.filter((i) => i.dots === most).map((i) => labelOf(i.optionId)) : []
    }
    return { id: r.id, kind: r.kind, prompt: question?.prompt ?? '', label: r.label, people: r.people, createdAt: r.createdAt, imageId: r.imageId, top }
  })
  return { title: survey.title, results: items, paperForms, tallies: tallies.map((t) => ({ id: t.id, filename: t.filename, createdAt: t.created_at })) }
}

// ---- Group evidence (results page and live board) -----------------------------------------------

interface EvidenceBase {
  questionKey: string
  prompt: string
  groups: number
  /** Children in those groups, the weight of the evidence; hidden when small. */
  members: DisclosedCell
  /** Too few children behind it: only the number of groups is shown. */
  tooFew: boolean
}

export type GroupEvidenceView =
  | (EvidenceBase & { kind: 'diamond9'; rows: Array<{ key: string; label: string; weightedScore: number; score: number; meanTier: number | null; topTier: number; rank: number }> })
  | (EvidenceBase & { kind: 'dots'; dots: number; rows: Array<{ key: string; label: string; dots: number; weightedPercent: number | null; rank: number }> })
  | (EvidenceBase & {
      kind: 'ranking'
      positions: number
      /** People who agreed with their group's order, of the people in groups that recorded it; null when none did. */
      agreement: { agreed: number; of: number } | null
      rows: Array<{ key: string; label: string; weightedBorda: number; borda: number; meanRank: number | null; firstPlaces: number; rank: number }>
    })

const kindOrder: GroupKind[] = ['diamond9', 'dots', 'ranking']

/** Group evidence per question and kind, from the consultation's or one session's group results, with the small-number rule applied. */
export function groupEvidence(survey: Survey, results: GroupResultRecord[], threshold: number): GroupEvidenceView[] {
  const views: GroupEvidenceView[] = []
  for (const question of survey.questions) {
    const keyOf = new Map(question.options.map((o) => [o.id, o.key]))
    const labelOf = new Map(question.options.map((o) => [o.key, o.label]))
    const optionKeys = question.options.map((o) => o.key)
    for (const kind of kindOrder) {
      const mine = results.filter((r) => r.questionId === question.id && r.kind === kind)
      if (mine.length === 0) continue
      const members = mine.reduce((sum, r) => sum + r.people, 0)
      const tooFew = !enoughMembers({ groups: mine.length, members }, threshold)
      const base = { questionKey: question.key, prompt: question.prompt, groups: mine.length, members: discloseCount(members, threshold), tooFew }
      const label = (key: string) => labelOf.get(key) ?? key
      // Items whose option has since been removed are left out (keyOf has no key for them).
      const keyed = (r: GroupResultRecord) => r.items.flatMap((i) => (keyOf.has(i.optionId) ? [{ ...i, key: keyOf.get(i.optionId)! }] : []))
      if (kind === 'diamond9') {
        const tally = tallyDiamond9(
          optionKeys,
          mine.map((r) => ({ size: r.people, tiers: Object.fromEntries(keyed(r).flatMap((i) => (i.tier === null ? [] : [[i.key, i.tier]]))) })),
        )
        views.push({ ...base, kind, rows: tooFew ? [] : tally.rows.map((row) => ({ ...row, key: row.optionKey, label: label(row.optionKey) })) })
      } else if (kind === 'dots') {
        const tally = tallyDotVotes(
          optionKeys,
          mine.map((r) => ({ size: r.people, dots: Object.fromEntries(keyed(r).map((i) => [i.key, i.dots ?? 0])) })),
        )
        views.push({
          ...base,
          kind,
          dots: tooFew ? 0 : tally.dots,
          rows: tooFew
            ? []
            : tally.rows.map((row) => ({ key: row.optionKey, label: label(row.optionKey), dots: row.dots, weightedPercent: row.weightedShare === null ? null : Math.round(row.weightedShare * 1000) / 10, rank: row.rank })),
        })
      } else {
        const positions = optionKeys.length
        const tally = tallyGroupRankings(
          optionKeys,
          positions,
          mine.map((r) => ({ size: r.people, order: rankingOrder(keyed(r).map((i) => ({ optionKey: i.key, tier: null, dots: null, rank: i.rank }))) })),
        )
        const recorded = mine.filter((r) => r.agreed !== null)
        const agreement = recorded.length ? { agreed: recorded.reduce((s, r) => s + (r.agreed ?? 0), 0), of: recorded.reduce((s, r) => s + r.people, 0) } : null
        views.push({
          ...base,
          kind,
          positions,
          agreement: tooFew ? null : agreement,
          rows: tooFew ? [] : tally.rows.map((row) => ({ ...row, key: row.optionKey, label: label(row.optionKey) })),
        })
      }
    }
  }
  return views
}

/** The consultation's group evidence, for its results page. */
export async function buildGroupEvidence(db: DB, consultation: Consultation, survey: Survey, threshold: number): Promise<GroupEvidenceView[]> {
  return groupEvidence(survey, await listGroupResults(db, { consultationId: consultation.id }), threshold)
}

/**
 * One session's group evidence, for its live board. The board is seen by the room, so the same
 * small-number rule holds: a group's agreed answer is shown once the session's groups hold enough children.
 */
export async function sessionGroupEvidence(db: DB, ctx: SessionContext, locale: string): Promise<GroupEvidenceView[]> {
  const [survey, results, threshold] = await Promise.all([
    loadSurvey(db, ctx.consultation, locale),
    listGroupResults(db, { sessionId: ctx.session.id }),
    getSuppressionThreshold(db, ctx.consultation.organisation_id),
  ])
  return groupEvidence(survey, results, threshold)
}

// ---- Paper evidence (imported paper counts and session tallies) ---------------------------------

export interface PaperEvidenceView {
  questionKey: string
  prompt: string
  kind: 'additive' | 'multi' | 'ranking'
  positions: number | null
  groups: number
  base: DisclosedCell
  tooFew: boolean
  rows: Array<PaperEvidenceRow & { label: string }>
}

/** Paper counts per question (all aggregate imports and session tallies together), apart from online answers. */
export async function buildPaperEvidence(db: DB, consultation: Consultation, survey: Survey, threshold: number): Promise<PaperEvidenceView[]> {
  const counts = await listAggregateCounts(db, consultation.id)
  if (counts.length === 0) return []
  const views: PaperEvidenceView[] = []
  for (const question of survey.questions) {
    const mine = counts.filter((c) => c.questionId === question.id)
    const kind = aggregateKindOf(question.type)
    if (mine.length === 0 || !kind) continue
    // One stated total per sheet: per import and group.
    const totals = new Map<string, number>()
    for (const c of mine) totals.set(`${c.importId}\u0000${c.group}`, c.statedTotal)
    const positions = question.type === 'ranking' ? rankingPositions(question) : null
    const evidence = tallyPaperEvidence({
      kind,
      optionKeys: question.options.map((o) => o.key),
      positions: positions ?? undefined,
      counts: mine.map((c) => ({ optionKey: c.optionKey, position: c.position, count: c.count })),
      statedTotals: [...totals.values()],
      threshold,
    })
    const labelOf = new Map(question.options.map((o) => [o.key, o.label]))
    views.push({ questionKey: question.key, prompt: question.prompt, kind, positions, ...evidence, rows: evidence.rows.map((r) => ({ ...r, label: labelOf.get(r.optionKey) ?? r.optionKey })) })
  }
  return views
}

// ---- Paper entry ---------------------------------------------------------------------------------

/** The questions a typist fills in: all of them, except stories (their words and consents are gathered with the story tools). */
export function paperQuestions(survey: Survey): SurveyQuestion[] {
  return survey.questions.filter((q) => q.type !== 'story')
}

export type PaperOutcome = { ok: true; responseId: number } | { ok: false; errors: PaperError[] }

/** Checks a typed-up paper form and saves it as one finished response, entered on behalf by `userId`. */
export async function enterPaperForm(db: DB, ctx: SessionContext, form: FormData, userId: string, now = new Date()): Promise<PaperOutcome> {
  const survey = await loadSurvey(db, ctx.consultation, ctx.consultation.default_locale)
  const parsed = parsePaperForm(paperQuestions(survey), form)
  if (!parsed.ok) return parsed
  // The session's setting goes into the snapshot, as for a response started in the session (issue 7).
  let demographics: string | null = withSessionSetting(null, ctx.session.setting)
  for (const { question, answer } of parsed.answers) {
    const entry = demographicEntry(question, answer)
    if (entry) demographics = mergeDemographics(demographics, entry)
  }
  const responseId = await insertPaperResponse(db, {
    consultationId: ctx.consultation.id,
    sessionId: ctx.session.id,
    enteredBy: userId,
    locale: ctx.consultation.default_locale,
    resumeHash: sha256(randomToken()),
    demographics,
    now: now.toISOString(),
    answers: parsed.answers.map(({ question, answer }) => ({ questionId: question.id, rows: answerToRows(question, answer) })),
  })
  return { ok: true, responseId }
}

// ---- Paper tally CSV ----------------------------------------------------------------------------

export type TallyOutcome =
  | { ok: true; importId: string; counts: number }
  | { ok: false; fieldErrors: Array<{ field: 'question' | 'statedTotal'; messageKey: string }>; errors: LineError[]; total: number }

/**
 * A paper tally for one question of the session (option key or label, count; a position for a
 * ranking), with the number of sheets or people counted. Every line is checked; nothing is saved
 * unless the whole file is right.
 */
export async function importSessionTally(
  db: DB,
  ctx: SessionContext,
  input: { questionKey: string; statedTotal: string; file: UploadedFile | null; userId: string; now?: Date },
): Promise<TallyOutcome> {
  const survey = await loadSurvey(db, ctx.consultation, ctx.consultation.default_locale)
  const question = survey.questions.find((q) => q.key === input.questionKey && aggregateKindOf(q.type) !== null)
  const fieldErrors: Array<{ field: 'question' | 'statedTotal'; messageKey: string }> = []
  if (!question) fieldErrors.push({ field: 'question', messageKey: 'tally.errors.question' })
  const total = input.statedTotal.trim()
  if (!/^\d{1,6}$/.test(total) || Number(total) < 1) fieldErrors.push({ field: 'statedTotal', messageKey: 'tally.errors.statedTotal' })
  const refuse = (errors: LineError[]) => ({ ok: false as const, fieldErrors, errors: errors.slice(0, MAX_ERRORS_SHOWN), total: errors.length })
  if (!input.file) return refuse([{ line: 0, code: 'noFile' }])
  const csv = readUpload(input.file)
  if (!csv.ok) return refuse(csv.errors)
  const headerErrors = checkTallyHeader(csv.header)
  if (headerErrors.length) return refuse(headerErrors)
  if (csv.records.length === 0 && csv.errors.length === 0) return refuse([{ line: 0, code: 'noLines' }])
  if (!question || fieldErrors.length) return refuse(csv.errors)
  // An option may be written as its label in any of the consultation's languages.
  const labels: Record<string, string[]> = {}
  for (const locale of ['en', 'cy', 'ar']) {
    const other = await loadSurvey(db, ctx.consultation, locale)
    for (const option of other.questions.find((q) => q.id === question.id)?.options ?? []) (labels[option.key] ??= []).push(option.label)
  }
  const group = `Session ${ctx.session.join_code} (${ctx.session.created_at.slice(0, 10)})`
  const read = readTallyRecords(csv.records, { question, questions: survey.questions, group, statedTotal: Number(total), labels })
  const errors = [...csv.errors, ...(read.ok ? [] : read.errors)]
  if (errors.length || !read.ok) return refuse(sortErrors(errors))
  const importId = await insertAggregateImport(db, {
    consultationId: ctx.consultation.id,
    sessionId: ctx.session.id,
    filename: cleanFilename(input.file.name),
    userId: input.userId,
    counts: read.counts,
    now: (input.now ?? new Date()).toISOString(),
  })
  return { ok: true, importId, counts: read.counts.length }
}

// ---- The live board ------------------------------------------------------------------------------

/**
 * The session's group evidence, worded for the live board (BoardGroupResult, app/domain/live-board.ts):
 * per question and activity, the options in order with their weighted score, share of dots or Borda
 * points. Too few children behind it, and only the number of groups is shown.
 */
export async function boardGroupEvidence(db: DB, session: SessionRow, locale: string): Promise<BoardGroupResult[]> {
  const consultation = await findSessionConsultation(db, session.id)
  if (!consultation) return []
  const views = await sessionGroupEvidence(db, { session, consultation }, locale)
  if (views.length === 0) return []
  const { t } = createI18n(isLocale(locale) ? locale : 'en')
  return views.map((view) => {
    const members = view.members.kind === 'value' ? String(view.members.value) : view.members.mark
    const title = t('groups:board.title', { kind: t(`groups:kinds.${view.kind}`), prompt: view.prompt, groups: view.groups, members })
    if (view.tooFew) return { id: `${view.questionKey}-${view.kind}`, kind: view.kind, title, rows: [{ label: t('groups:board.tooFewLabel'), value: t('groups:board.tooFew') }] }
    const rows =
      view.kind === 'diamond9'
        ? sortByRank(view.rows).map((r) => ({ label: r.label, value: String(r.weightedScore) }))
        : view.kind === 'dots'
          ? sortByRank(view.rows).map((r) => ({ label: r.label, value: r.weightedPercent === null ? '–' : `${r.weightedPercent.toFixed(1)}%` }))
          : sortByRank(view.rows)
              .filter((r) => r.weightedBorda > 0)
              .map((r) => ({ label: r.label, value: String(r.weightedBorda) }))
    return { id: `${view.questionKey}-${view.kind}`, kind: view.kind, title, rows }
  })
}

/** A group result's photo, when the result is this session's and has one. */
export async function groupResultPhoto(db: DB, ctx: SessionContext, groupResultId: string) {
  const result = (await listGroupResults(db, { sessionId: ctx.session.id })).find((r) => r.id === groupResultId)
  if (!result?.imageId) return null
  const image = await readImage(db, result.imageId)
  return image ? { mime: image.mime, bytes: image.bytes } : null
}
