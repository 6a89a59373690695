// Static list of migrations: file-system discovery breaks under bundlers.
import type { Migration } from 'kysely'
import * as m20261122T0800 from './2026-11-22T0800-initial'
import * as m20261122T1000 from './2026-11-22T1000-symbols-and-audio'
import * as m20261130T1000 from './2026-11-30T1000-accounts-and-audit'
import * as m20261130T1100 from './2026-11-30T1100-themes-plans-actions'
import * as m20261130T1200 from './2026-11-30T1200-aggregate-imports'
import * as m20261130T1300 from './2026-11-30T1300-analysis-indexes'
import * as m20261130T1400 from './2026-11-30T1400-consultation-settings'
import * as m20261130T1500 from './2026-11-30T1500-safeguarding'
import * as m20261130T1600 from './2026-11-30T1600-question-versions'
import * as m20261130T1610 from './2026-11-30T1610-audio-clips'
import * as m20261130T1620 from './2026-11-30T1620-stories'
import * as m20261130T1630 from './2026-11-30T1630-coding'
import * as m20261130T1640 from './2026-11-30T1640-sessions'
import * as m20261130T1650 from './2026-11-30T1650-group-results'
import * as m20261130T1700 from './2026-11-30T1700-retention-index'
import * as m20261130T1710 from './2026-11-30T1710-tally-cells'

export const migrations: Record<string, Migration> = {
  '2026-11-22T0800-initial': m20261122T0800,
  '2026-11-22T1000-symbols-and-audio': m20261122T1000,
  '2026-11-30T1000-accounts-and-audit': m20261130T1000,
  '2026-11-30T1100-themes-plans-actions': m20261130T1100,
  '2026-11-30T1200-aggregate-imports': m20261130T1200,
  '2026-11-30T1300-analysis-indexes': m20261130T1300,
  '2026-11-30T1400-consultation-settings': m20261130T1400,
  '2026-11-30T1500-safeguarding': m20261130T1500,
  '2026-11-30T1600-question-versions': m20261130T1600,
  '2026-11-30T1610-audio-clips': m20261130T1610,
  '2026-11-30T1620-stories': m20261130T1620,
  '2026-11-30T1630-coding': m20261130T1630,
  '2026-11-30T1640-sessions': m20261130T1640,
  '2026-11-30T1650-group-results': m20261130T1650,
  '2026-11-30T1700-retention-index': m20261130T1700,
  '2026-11-30T1710-tally-cells': m20261130T1710,
}
