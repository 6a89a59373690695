// The coding workspace's list of items: which codes a coder sees on each item, which items a filter
// keeps, and where "next" and "previous" go. Pure: the rows come from app/models/coding.server.ts.
//
// Outside the double-coding sample an item has one shared coding, whoever saved it last. On an item
// in the sample each coder has their own, and sees only their own, so the two codings stay independent.
import { parseDemographics, PREFER_NOT_TO_SAY } from './demographics'

export type ItemKind = 'answer' | 'story'

export function itemKey(kind: ItemKind, id: string | number): string {
  return `${kind}:${id}`
}

export function parseItemKey(key: string): { kind: ItemKind; id: string } | null {
  const match = /^(answer|story):(.{1,100})$/.exec(key)
  if (!match) return null
  if (match[1] === 'answer' && !/^[1-9]\d{0,15}$/.test(match[2])) return null
  return { kind: match[1] as ItemKind, id: match[2] }
}

export interface ItemMeta {
  key: string
  kind: ItemKind
  demographics: string | null
  sessionId: string | null
}

export interface Coding {
  itemKey: string
  coderId: string
  codedAt: string
  themeIds: string[]
}

export interface WorkspaceItem {
  key: string
  kind: ItemKind
  /** Age band key from the response's demographics; null when not given (or a story with no response) */
  ageBand: string | null
  sessionId: string | null
  inSample: boolean
  /** The coding this coder sees, or null when the item is uncoded (for them, on a sample item) */
  coding: Coding | null
}

/** The item list as one coder sees it. */
export function workspaceItems(items: readonly ItemMeta[], codings: readonly Coding[], sampleKeys: ReadonlySet<string>, coderId: string): WorkspaceItem[] {
  const byItem = new Map<string, Coding[]>()
  for (const c of codings) byItem.set(c.itemKey, [...(byItem.get(c.itemKey) ?? []), c])
  return items.map((item) => {
    const inSample = sampleKeys.has(item.key)
    const all = byItem.get(item.key) ?? []
    // Outside the sample: the latest coding (there is normally one). In it: only this coder's.
    const coding = inSample ? (all.find((c) => c.coderId === coderId) ?? null) : (all.at(-1) ?? null)
    const ageBand = parseDemographics(item.demographics).ageBand ?? null
    return { key: item.key, kind: item.kind, ageBand: ageBand === PREFER_NOT_TO_SAY ? null : ageBand, sessionId: item.sessionId, inSample, coding }
  })
}

export interface ItemFilter {
  status: 'all' | 'uncoded' | 'coded'
  kind: 'all' | ItemKind
  /** A theme id: items coded with it, or with one of its sub-themes */
  theme: string | null
  /** An age band key, or 'none' for items with no age band */
  group: string | null
  session: string | null
  sampleOnly: boolean
}

export const emptyFilter: ItemFilter = { status: 'all', kind: 'all', theme: null, group: null, session: null, sampleOnly: false }

/** The filter from a URL's search parameters; anything unknown is ignored. */
export function readFilter(search: URLSearchParams): ItemFilter {
  const status = search.get('status')
  const kind = search.get('kind')
  const text = (name: string) => {
    const value = search.get(name)?.trim()
    return value && value.length <= 100 ? value : null
  }
  return {
    status: status === 'uncoded' || status === 'coded' ? status : 'all',
    kind: kind === 'answer' || kind === 'story' ? kind : 'all',
    theme: text('theme'),
    group: text('group'),
    session: text('session'),
    sampleOnly: search.get('sample') === '1',
  }
}

/** The filter as search parameters (only what differs from no filter), for links and hidden fields. */
export function filterParams(filter: ItemFilter): Array<[string, string]> {
  const out: Array<[string, string]> = []
  if (filter.status !== 'all') out.push(['status', filter.status])
  if (filter.kind !== 'all') out.push(['kind', filter.kind])
  if (filter.theme) out.push(['theme', filter.theme])
  if (filter.group) out.push(['group', filter.group])
  if (filter.session) out.push(['session', filter.session])
  if (filter.sampleOnly) out.push(['sample', '1'])
  return out
}

export function applyFilter(items: readonly WorkspaceItem[], filter: ItemFilter, themes: ReadonlyArray<{ id: string; parentId: string | null }>): WorkspaceItem[] {
  const themeSet = filter.theme ? new Set([filter.theme, ...themes.filter((t) => t.parentId === filter.theme).map((t) => t.id)]) : null
  return items.filter((item) => {
    if (filter.status === 'uncoded' && item.coding) return false
    if (filter.status === 'coded' && !item.coding) return false
    if (filter.kind !== 'all' && item.kind !== filter.kind) return false
    if (themeSet && !item.coding?.themeIds.some((id) => themeSet.has(id))) return false
    if (filter.group && (filter.group === 'none' ? item.ageBand !== null : item.ageBand !== filter.group)) return false
    if (filter.session && item.sessionId !== filter.session) return false
    if (filter.sampleOnly && !item.inSample) return false
    return true
  })
}

export interface Position {
  /** The item to show, or null when the filter keeps none */
  current: WorkspaceItem | null
  /** 1-based place of the current item in the filtered list; 0 when it is not in it */
  index: number
  total: number
  previous: string | null
  next: string | null
}

/**
 * Where the coder is. `wanted` is the item asked for (it may have left the filter, e.g. just coded
 * while showing uncoded items: it is still shown). Without one, the first item of the list.
 * Next and previous go round the filtered list from the wanted item's place in the whole list.
 */
export function locate(all: readonly WorkspaceItem[], filtered: readonly WorkspaceItem[], wanted: string | null): Position {
  const total = filtered.length
  const place = new Map(all.map((item, i) => [item.key, i]))
  const current = (wanted ? all.find((item) => item.key === wanted) : undefined) ?? filtered[0] ?? null
  if (!current) return { current: null, index: 0, total, previous: null, next: null }
  const at = filtered.findIndex((item) => item.key === current.key)
  const others = filtered.filter((item) => item.key !== current.key)
  if (!others.length) return { current, index: at + 1, total, previous: null, next: null }
  const mine = place.get(current.key) ?? -1
  const after = others.find((item) => (place.get(item.key) ?? -1) > mine) ?? others[0]
  const before = [...others].reverse().find((item) => (place.get(item.key) ?? -1) < mine) ?? others[others.length - 1]
  return { current, index: at + 1, total, previous: before.key, next: after.key }
}

/**
 * The item after `key` that the filter keeps, for "Save and next" (after the save, so a just-coded
 * item has left an "uncoded" filter). Goes round to the start; null when none is left but itself.
 */
export function nextAfter(all: readonly WorkspaceItem[], filtered: readonly WorkspaceItem[], key: string): string | null {
  const place = new Map(all.map((item, i) => [item.key, i]))
  const mine = place.get(key) ?? -1
  const others = filtered.filter((item) => item.key !== key)
  if (!others.length) return null
  return (others.find((item) => (place.get(item.key) ?? -1) > mine) ?? others[0]).key
}

/** Items coded with each theme, in this coder's view (their workspace only: not suppressed). */
export function countByTheme(items: readonly WorkspaceItem[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) for (const id of new Set(item.coding?.themeIds ?? [])) counts.set(id, (counts.get(id) ?? 0) + 1)
  return counts
}
