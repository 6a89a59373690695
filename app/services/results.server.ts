// The planner's results: SQL aggregates → pure tallies → small-number suppression. With a
// breakdown, each question is also cross-tabulated by the groups people said they belong to.
// Counting rules are written out in docs/analysis.md and shown on the page.
import { type Breakdown, crossTabulate, type CrossTabCell, groupKey, type LinkedView, NOT_GIVEN, orderGroups } from '~/domain/crosstab'
import { type BreakdownField, type DemographicField, PREFER_NOT_TO_SAY, standardDemographicOptions } from '~/domain/demographics'
import { sessionSettings } from '~/domain/session-settings'
import { createI18n } from '~/i18n/i18n'
import { type DisclosedCell, discloseCount, percentOfDisclosed, suppressOneWay } from '~/domain/disclosure'
import type { SurveyQuestion } from '~/domain/survey'
import { rankingPositions } from '~/domain/survey'
import { tallyChoices, tallyRanking } from '~/domain/tally'
import { countAnswersByGroup, type GroupedBase, type GroupedOptionCount } from '~/models/analysis.server'
import { consultationHasSessions } from '~/models/session.server'
import { getSuppressionThreshold } from '~/models/consultation.server'
import { countOptionAnswers, countQuestionBases, countResponses, type OptionPositionCount } from '~/models/results.server'
import type { DB } from '~/utils/db.server'
import { buildGroupEvidence, buildPaperEvidence, type GroupEvidenceView, type PaperEvidenceView } from './group-results.server'
import { type Consultation, loadSurvey } from './survey.server'

type Percent = number | 'c' | 'z' | 'k' | null

const SUPPRESSED: DisclosedCell = { kind: 'suppressed', mark: 'c' }

export interface ChoiceResultRow {
  key: string
  label: string
  count: DisclosedCell
  percent: Percent
  rank: number | null
}

export interface RankingResultRow {
  key: string
  label: string
  firstPreferences: DisclosedCell
  /** Ballots that placed the option anywhere in their top N. */
  timesRanked: DisclosedCell
  /** timesRanked as a percent of ballots: the top-N share. */
  topPercent: Percent
  /** Hidden (null) when few ballots ranked the option: a score of a handful of ballots gives them away. */
  bordaScore: number | null
  meanRank: number | null
  rank: number
}

export interface CrossTabView {
  fields: BreakdownField[]
  /** What the cells count: answers to each option, or number 1 choices of a ranking. */
  measure: 'count' | 'first'
  /** Each row's value per field, with the survey's label (null for "prefer not to say" and "not given": the page words those). */
  groups: Array<{ key: string; parts: Array<{ value: string; label: string | null }> }>
  columns: Array<{ key: string; label: string }>
  cells: CrossTabCell[][]
  bases: DisclosedCell[]
  columnTotals: DisclosedCell[]
  grandTotal: DisclosedCell
  additive: boolean
}

interface ResultBase {
  key: string
  prompt: string
  answered: DisclosedCell
  skipped: DisclosedCell
  /** True when too few answered to show anything but the base. */
  tooFew: boolean
  crossTab: CrossTabView | null
}

export type QuestionResult =
  | (ResultBase & { kind: 'choice'; multi: boolean; maxChoices: number | null; rows: ChoiceResultRow[] })
  | (ResultBase & { kind: 'scale'; rows: ChoiceResultRow[]; mean: null; meanReason: 'labelled-points' })
  | (ResultBase & { kind: 'ranking'; positions: number; rows: RankingResultRow[] })
  | (ResultBase & { kind: 'text' })

export interface ConsultationResults {
  title: string
  threshold: number
  submitted: DisclosedCell
  inProgress: DisclosedCell
  /** Fields this survey asks about, so answers can be broken down by them. */
  breakdownFields: BreakdownField[]
  breakdown: BreakdownField[] | null
  questions: QuestionResult[]
  /** Group activities in sessions (diamond 9, dots, group rankings), weighted by group size: never added to the answers above. */
  groupEvidence: GroupEvidenceView[]
  /** Paper counts (imported aggregates, session tallies): never added to the answers above. */
  paperEvidence: PaperEvidenceView[]
}

export async function buildResults(db: DB, consultation: Consultation, locale: string, options: { breakdown?: Breakdown | null } = {}): Promise<ConsultationResults> {
  const [survey, counts, bases, totals, threshold, hasSessions] = await Promise.all([
    loadSurvey(db, consultation, locale),
    countOptionAnswers(db, consultation.id),
    countQuestionBases(db, consultation.id),
    countResponses(db, consultation.id),
    getSuppressionThreshold(db, consultation.organisation_id),
    consultationHasSessions(db, consultation.id),
  ])
  // The fields its demographic questions ask about, and the session setting once it has had sessions.
  const breakdownFields: BreakdownField[] = [...new Set(survey.questions.flatMap((q) => (q.type === 'demographic' ? [q.config.field] : [])))]
  if (hasSessions) breakdownFields.push('setting')
  const breakdown = options.breakdown?.filter((field) => breakdownFields.includes(field)) ?? []
  const fields = breakdown.length > 0 ? breakdown : null
  const settingLabels = fields?.includes('setting') ? sessionSettingLabels(locale) : new Map<string, string>()
  const { counts: groupedCounts, bases: groupedBases } = fields ? await countAnswersByGroup(db, consultation.id, fields) : { counts: [], bases: [] }
  const [groupEvidence, paperEvidence] = await Promise.all([buildGroupEvidence(db, consultation, survey, threshold), buildPaperEvidence(db, consultation, survey, threshold)])

  return {
    title: survey.title,
    threshold,
    submitted: discloseCount(totals.submitted, threshold),
    inProgress: discloseCount(totals.inProgress, threshold),
    breakdownFields,
    breakdown: fields,
    questions: survey.questions.map((question) => {
      const result = questionResult(
        question,
        counts.filter((c) => c.questionId === question.id),
        bases.find((b) => b.questionId === question.id) ?? { answered: 0, skipped: 0 },
        threshold,
      )
      if (fields && !result.tooFew) {
        result.crossTab = crossTabView(
          question,
          result,
          fields,
          survey.questions,
          groupedCounts.filter((c) => c.questionId === question.id),
          groupedBases.filter((b) => b.questionId === question.id),
          threshold,
          settingLabels,
        )
      }
      return result
    }),
    groupEvidence,
    paperEvidence,
  }
}

function questionResult(question: SurveyQuestion, counts: OptionPositionCount[], base: { answered: number; skipped: number }, threshold: number): QuestionResult {
  const common = {
    key: question.key,
    prompt: question.prompt,
    answered: discloseCount(base.answered, threshold),
    skipped: discloseCount(base.skipped, threshold),
    tooFew: base.answered < threshold,
    crossTab: null,
  }
  const keyOf = new Map(question.options.map((o) => [o.id, o.key]))
  const labelOf = new Map(question.options.map((o) => [o.key, o.label]))
  const optionKeys = question.options.map((o) => o.key)
  const countsByKey: Record<string, number> = {}
  for (const c of counts) {
    const key = keyOf.get(c.optionId)
    if (key) countsByKey[key] = (countsByKey[key] ?? 0) + c.count
  }

  switch (question.type) {
    case 'text':
    case 'story':
      return { ...common, kind: 'text' }
    case 'single':
    case 'multi':
    case 'scale':
    // Demographic and consent answers are one option each: counted like single choice. The words of
    // a self-described answer are never shown here (they could identify a child).
    case 'demographic':
    case 'consent': {
      const tally = tallyChoices({ optionKeys, counts: countsByKey, answered: base.answered, skipped: base.skipped })
      // Single choice and scales add up to the base, so one hidden cell could be worked out by subtraction.
      const cells = suppressOneWay(tally.rows.map((r) => r.count), { threshold, additive: question.type !== 'multi' })
      const rows = tally.rows.map((r, i) => ({
        key: r.optionKey,
        label: labelOf.get(r.optionKey) ?? r.optionKey,
        count: common.tooFew ? SUPPRESSED : cells[i],
        percent: common.tooFew ? null : percentOfDisclosed(cells[i], base.answered, threshold, common.answered),
        rank: common.tooFew || cells[i].kind !== 'value' ? null : r.rank,
      }))
      // Scale points are faces or symbols — labelled categories, not amounts — so they get a
      // distribution and no mean (see scaleMeanIsMeaningful in app/domain/tally.ts).
      if (question.type === 'scale') return { ...common, kind: 'scale', rows, mean: null, meanReason: 'labelled-points' }
      const maxChoices = question.type === 'multi' ? (question.config.maxChoices ?? null) : null
      return { ...common, kind: 'choice', multi: question.type === 'multi', maxChoices, rows }
    }
    case 'ranking': {
      const positions = rankingPositions(question)
      const tally = tallyRanking({
        optionKeys,
        positionCounts: counts.flatMap((c) => {
          const key = keyOf.get(c.optionId)
          return key && c.rank !== null ? [{ optionKey: key, position: c.rank, count: c.count }] : []
        }),
        ballots: base.answered,
        skipped: base.skipped,
        maxPositions: positions,
      })
      const firsts = suppressOneWay(tally.rows.map((r) => r.firstPreferences), { threshold, additive: true })
      // A ballot ranks several options, so "times ranked" does not add up to a shown total.
      const ranked = suppressOneWay(tally.rows.map((r) => r.timesRanked), { threshold, additive: false })
      return {
        ...common,
        kind: 'ranking',
        positions,
        rows: tally.rows.map((r, i) => {
          const hidden = common.tooFew || ranked[i].kind !== 'value'
          return {
            key: r.optionKey,
            label: labelOf.get(r.optionKey) ?? r.optionKey,
            firstPreferences: common.tooFew ? SUPPRESSED : firsts[i],
            timesRanked: common.tooFew ? SUPPRESSED : ranked[i],
            topPercent: common.tooFew ? null : percentOfDisclosed(ranked[i], base.answered, threshold, common.answered),
            bordaScore: hidden ? null : r.bordaScore,
            meanRank: hidden ? null : r.meanRank,
            rank: r.rank,
          }
        }),
      }
    }
  }
}

function crossTabView(
  question: SurveyQuestion,
  result: QuestionResult,
  fields: BreakdownField[],
  questions: SurveyQuestion[],
  counts: GroupedOptionCount[],
  bases: GroupedBase[],
  threshold: number,
  settingLabels: Map<string, string>,
): CrossTabView | null {
  if (result.kind === 'text') return null
  const keyOf = new Map(question.options.map((o) => [o.id, o.key]))
  const measure = result.kind === 'ranking' ? 'first' : 'count'
  const cellCounts = counts.flatMap((c) => {
    const optionKey = keyOf.get(c.optionId)
    if (!optionKey || (measure === 'first' && c.rank !== 1)) return []
    return [{ group: groupKey(c.group), optionKey, count: c.count }]
  })
  const groupBases = bases.map((b) => ({ group: groupKey(b.group), answered: b.answered }))
  const known = fields.map((field) => knownValues(field, questions))
  const optionKeys = question.options.map((o) => o.key)

  // The question's own table hides some totals; the cross-tab must hide them too.
  const overall = result.kind === 'ranking' ? result.rows.map((r) => r.firstPreferences) : result.rows.map((r) => r.count)
  const hiddenColumnTotals = overall.map((cell) => cell.kind !== 'value')
  const tabulate = (cellsIn: typeof cellCounts, basesIn: typeof groupBases, knownIn: string[][], linked?: LinkedView[]) => {
    const groups = orderGroups([...cellsIn.map((c) => c.group), ...basesIn.map((b) => b.group)], knownIn)
    // Every respondent is counted once per row for single choice and number 1 choices; check rather than assume.
    const rowSums = new Map<string, number>()
    for (const c of cellsIn) rowSums.set(c.group, (rowSums.get(c.group) ?? 0) + c.count)
    const rowsAddUp = basesIn.every((b) => (rowSums.get(b.group) ?? 0) === b.answered)
    const additive = (result.kind !== 'choice' || !result.multi) && rowsAddUp
    return { groups, tab: crossTabulate({ optionKeys, groups, counts: cellsIn, bases: basesIn, additive, threshold, hiddenColumnTotals, linked }) }
  }

  // With two fields, the tables by each field alone are other views of the same answers (a planner
  // can open them too): each of their rows is a sum of rows here, so suppression must hold across them.
  const fineGroups = orderGroups([...cellCounts.map((c) => c.group), ...groupBases.map((b) => b.group)], known)
  const linked: LinkedView[] = []
  if (fields.length === 2) {
    for (const part of [0, 1]) {
      const coarse = (group: string) => group.split('|')[part]
      const coarseView = tabulate(
        cellCounts.map((c) => ({ ...c, group: coarse(c.group) })),
        groupBases.map((b) => ({ ...b, group: coarse(b.group) })),
        [known[part]],
      )
      linked.push({
        rowToLinked: fineGroups.map((group) => coarseView.groups.indexOf(coarse(group))),
        hidden: coarseView.tab.cells.map((row, r) => [...row.map((cell) => cell.count.kind !== 'value'), coarseView.tab.bases[r].kind !== 'value']),
      })
    }
  }
  const { groups, tab } = tabulate(cellCounts, groupBases, known, linked)
  const labels = fields.map((field) => labelsFor(field, questions, settingLabels))
  return {
    fields,
    measure,
    groups: groups.map((key) => ({
      key,
      parts: key.split('|').map((value, index) => ({ value, label: value === PREFER_NOT_TO_SAY || value === NOT_GIVEN ? null : (labels[index].get(value) ?? value) })),
    })),
    columns: question.options.map((o) => ({ key: o.key, label: o.label })),
    cells: tab.cells,
    bases: tab.bases,
    columnTotals: tab.columnTotals,
    grandTotal: tab.grandTotal,
    additive: tab.additive,
  }
}

function demographicQuestion(field: DemographicField, questions: SurveyQuestion[]) {
  return questions.find((q) => q.type === 'demographic' && q.config.field === field)
}

function knownValues(field: BreakdownField, questions: SurveyQuestion[]): string[] {
  if (field === 'setting') return [...sessionSettings]
  return demographicQuestion(field, questions)?.options.map((o) => o.key) ?? [...(standardDemographicOptions[field] ?? [])]
}

/** Option labels of the survey's question about this field (the session settings' names for the setting). */
function labelsFor(field: BreakdownField, questions: SurveyQuestion[], settingLabels: Map<string, string>): Map<string, string> {
  if (field === 'setting') return settingLabels
  return new Map((demographicQuestion(field, questions)?.options ?? []).map((o) => [o.key, o.label]))
}

/** "School", "Youth club"… in the page's language. */
function sessionSettingLabels(locale: string): Map<string, string> {
  const i18n = createI18n(locale)
  return new Map(sessionSettings.map((setting) => [setting, i18n.t(`sessions:settings.${setting}`)]))
}
