// The planner's results: SQL aggregates → pure tallies → small-number suppression.
import { type DisclosedCell, discloseCount, percentOfDisclosed, suppressOneWay } from '~/domain/disclosure'
import type { SurveyQuestion } from '~/domain/survey'
import { rankingPositions } from '~/domain/survey'
import { tallyChoices, tallyRanking } from '~/domain/tally'
import { getSuppressionThreshold } from '~/models/consultation.server'
import { countOptionAnswers, countQuestionBases, countResponses, type OptionPositionCount } from '~/models/results.server'
import type { DB } from '~/utils/db.server'
import { type Consultation, loadSurvey } from './survey.server'

type Percent = number | 'c' | 'z' | 'k' | null

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
  bordaScore: number
  meanRank: number | null
  rank: number
}

interface ResultBase {
  key: string
  prompt: string
  answered: DisclosedCell
  skipped: DisclosedCell
  /** True when too few answered to show anything but the base. */
  tooFew: boolean
}

export type QuestionResult =
  | (ResultBase & { kind: 'choice'; multi: boolean; rows: ChoiceResultRow[] })
  | (ResultBase & { kind: 'scale'; rows: ChoiceResultRow[] })
  | (ResultBase & { kind: 'ranking'; positions: number; rows: RankingResultRow[] })
  | (ResultBase & { kind: 'text' })

export interface ConsultationResults {
  title: string
  threshold: number
  submitted: DisclosedCell
  inProgress: DisclosedCell
  questions: QuestionResult[]
}

export async function buildResults(db: DB, consultation: Consultation, locale: string): Promise<ConsultationResults> {
  const [survey, counts, bases, totals, threshold] = await Promise.all([
    loadSurvey(db, consultation, locale),
    countOptionAnswers(db, consultation.id),
    countQuestionBases(db, consultation.id),
    countResponses(db, consultation.id),
    getSuppressionThreshold(db, consultation.organisation_id),
  ])
  return {
    title: survey.title,
    threshold,
    submitted: discloseCount(totals.submitted, threshold),
    inProgress: discloseCount(totals.inProgress, threshold),
    questions: survey.questions.map((question) =>
      questionResult(
        question,
        counts.filter((c) => c.questionId === question.id),
        bases.find((b) => b.questionId === question.id) ?? { answered: 0, skipped: 0 },
        threshold,
      ),
    ),
  }
}

function questionResult(question: SurveyQuestion, counts: OptionPositionCount[], base: { answered: number; skipped: number }, threshold: number): QuestionResult {
  const common = {
    key: question.key,
    prompt: question.prompt,
    answered: discloseCount(base.answered, threshold),
    skipped: discloseCount(base.skipped, threshold),
    tooFew: base.answered < threshold,
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
        count: common.tooFew ? ({ kind: 'suppressed', mark: 'c' } as const) : cells[i],
        percent: common.tooFew ? null : percentOfDisclosed(cells[i], base.answered, threshold),
        rank: common.tooFew || cells[i].kind !== 'value' ? null : r.rank,
      }))
      // Scale points are labelled categories (faces), so they get a distribution, not a mean.
      if (question.type === 'scale') return { ...common, kind: 'scale', rows }
      return { ...common, kind: 'choice', multi: question.type === 'multi', rows }
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
      return {
        ...common,
        kind: 'ranking',
        positions,
        rows: tally.rows.map((r, i) => ({
          key: r.optionKey,
          label: labelOf.get(r.optionKey) ?? r.optionKey,
          firstPreferences: common.tooFew ? { kind: 'suppressed', mark: 'c' } : firsts[i],
          bordaScore: r.bordaScore,
          meanRank: r.meanRank,
          rank: r.rank,
        })),
      }
    }
  }
}
