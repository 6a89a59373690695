// Retention: responses are deleted once they are older than their consultation's retention period
// (app/domain/retention.ts says how that is counted). The server runs this a minute after it starts and
// then every six hours (startRetentionSchedule, from app/entry.server.tsx); `npm run purge` runs it now.
// Each consultation that lost responses gets one audit entry (how many, and the cutoff), never their content.
import { FIRST_PURGE_AFTER_MS, PURGE_EVERY_MS, retentionCutoff } from '~/domain/retention'
import { deleteResponsesStartedBefore, listConsultationRetention } from '~/models/retention.server'
import { recordAudit } from '~/services/audit.server'
import { type DB, getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

export interface PurgedConsultation {
  slug: string
  cutoff: string
  deleted: number
}

export const PURGE_BATCH = 500

/** Deletes every response past keeping, consultation by consultation. Returns those that lost any. */
export async function purgeExpiredResponses(db: DB, now = new Date(), batchSize = PURGE_BATCH): Promise<PurgedConsultation[]> {
  const purged: PurgedConsultation[] = []
  for (const consultation of await listConsultationRetention(db)) {
    const cutoff = retentionCutoff(now, consultation.retentionDays)
    let deleted = 0
    for (let n = await deleteResponsesStartedBefore(db, consultation.id, cutoff, batchSize); n > 0; n = await deleteResponsesStartedBefore(db, consultation.id, cutoff, batchSize)) {
      deleted += n
    }
    if (deleted > 0) {
      purged.push({ slug: consultation.slug, cutoff, deleted })
      await recordAudit(db, { userId: null, action: 'retention.purge', subject: `consultation:${consultation.slug}`, details: { deleted, startedBefore: cutoff, retentionDays: consultation.retentionDays }, at: now })
    }
  }
  return purged
}

let timer: NodeJS.Timeout | undefined

/**
 * Runs the purge in this process: a minute after start, then every six hours. Once per process; the
 * timers never keep the process alive. Off when RETENTION_PURGE=off (for a one-off tool run).
 */
export function startRetentionSchedule(): void {
  if (timer || getEnv().RETENTION_PURGE === 'off') return
  const run = () => {
    purgeExpiredResponses(getDb()).catch((error: unknown) => console.error('Retention purge failed; will try again later', error))
  }
  timer = setTimeout(() => {
    run()
    timer = setInterval(run, PURGE_EVERY_MS)
    timer.unref()
  }, FIRST_PURGE_AFTER_MS)
  timer.unref()
}
