// How long answers are kept. Each consultation says how many days (retention_days, set by the planner);
// a response is deleted once it is older than that, counted from when it was started. Counting from the
// start (not the finish) means an abandoned, half-done response goes too, on the same clock.
export const DAY_MS = 24 * 60 * 60 * 1000

/** The moment before which a response started is past keeping, as an ISO-8601 string (the format stored). */
export function retentionCutoff(now: Date, retentionDays: number): string {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new RangeError(`retention must be a whole number of days, at least 1 (got ${retentionDays})`)
  return new Date(now.getTime() - retentionDays * DAY_MS).toISOString()
}

/** Whether a response started at `createdAt` (ISO-8601) is past keeping. */
export function isPastRetention(createdAt: string, now: Date, retentionDays: number): boolean {
  return createdAt < retentionCutoff(now, retentionDays)
}

/** How often the server looks for responses past keeping, and how long after start it first looks. */
export const PURGE_EVERY_MS = 6 * 60 * 60 * 1000
export const FIRST_PURGE_AFTER_MS = 60 * 1000
