// The participation record of a consultation, for the planner's annual report.
import { buildParticipationRecord, type ParticipationRecord } from '~/domain/participation-record'
import { countActionsByStatus } from '~/models/action.server'
import { getSuppressionThreshold } from '~/models/consultation.server'
import { countGroupActivities, countSubmittedByRoute, countSubmittedBySnapshot, countSubmittedBySupports, countTallyGroups } from '~/models/participation-record.server'
import { countResponses } from '~/models/results.server'
import type { DB } from '~/utils/db.server'
import { type Consultation, loadSurvey } from './survey.server'

export async function loadParticipationRecord(db: DB, consultation: Consultation, locale: string): Promise<{ title: string; threshold: number; record: ParticipationRecord; groupLabels: Record<string, string> }> {
  const [survey, totals, snapshots, supports, actionStatuses, threshold, routes, groupActivities, tallies] = await Promise.all([
    loadSurvey(db, consultation, locale),
    countResponses(db, consultation.id),
    countSubmittedBySnapshot(db, consultation.id),
    countSubmittedBySupports(db, consultation.id),
    countActionsByStatus(db, consultation.id),
    getSuppressionThreshold(db, consultation.organisation_id),
    countSubmittedByRoute(db, consultation.id),
    countGroupActivities(db, consultation.id),
    countTallyGroups(db, consultation.id),
  ])
  const groupLabels: Record<string, string> = {}
  for (const q of survey.questions) if (q.type === 'demographic') for (const o of q.options) groupLabels[`${q.config.field}|${o.key}`] = o.label
  return {
    title: survey.title,
    threshold,
    groupLabels,
    record: buildParticipationRecord({ submitted: totals.submitted, started: totals.submitted + totals.inProgress, snapshots, supports, actionStatuses, routes, groupActivities, tallies, threshold }),
  }
}
