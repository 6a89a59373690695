// Static list of migrations: file-system discovery breaks under bundlers.
import type { Migration } from 'kysely'
import * as m20261122T0800 from './2026-11-22T0800-initial'
import * as m20261122T1000 from './2026-11-22T1000-symbols-and-audio'

export const migrations: Record<string, Migration> = {
  '2026-11-22T0800-initial': m20261122T0800,
  '2026-11-22T1000-symbols-and-audio': m20261122T1000,
}
