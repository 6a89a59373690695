import { describe, expect, it } from 'vitest'
import { applyFilter, countByTheme, emptyFilter, filterParams, locate, nextAfter, parseItemKey, readFilter, workspaceItems } from './coding-items'

const items = [
  { key: 'answer:1', kind: 'answer' as const, demographics: '{"ageBand":"age-8-10"}', sessionId: 's1' },
  { key: 'answer:2', kind: 'answer' as const, demographics: '{"ageBand":"prefer-not-to-say"}', sessionId: null },
  { key: 'answer:3', kind: 'answer' as const, demographics: null, sessionId: 's1' },
  { key: 'story:a', kind: 'story' as const, demographics: null, sessionId: null },
]
const codings = [
  { itemKey: 'answer:1', coderId: 'ann', codedAt: '1', themeIds: ['safety'] },
  { itemKey: 'answer:3', coderId: 'ann', codedAt: '2', themeIds: ['bullying'] },
  { itemKey: 'answer:3', coderId: 'bob', codedAt: '3', themeIds: ['play'] },
]
const themes = [
  { id: 'safety', parentId: null },
  { id: 'bullying', parentId: 'safety' },
  { id: 'play', parentId: null },
]

describe('workspaceItems', () => {
  it('shows the shared coding outside the sample, and only the coder’s own inside it', () => {
    const sample = new Set(['answer:3'])
    const forAnn = workspaceItems(items, codings, sample, 'ann')
    const forBob = workspaceItems(items, codings, sample, 'bob')
    const forCat = workspaceItems(items, codings, sample, 'cat')
    expect(forAnn.map((i) => i.coding?.themeIds ?? null)).toEqual([['safety'], null, ['bullying'], null])
    expect(forBob.map((i) => i.coding?.themeIds ?? null)).toEqual([['safety'], null, ['play'], null])
    expect(forCat[2].coding).toBeNull()
    expect(forCat[0].coding?.themeIds).toEqual(['safety']) // not in the sample: shared
  })

  it('reads the age band, leaving out "prefer not to say"', () => {
    expect(workspaceItems(items, [], new Set(), 'ann').map((i) => i.ageBand)).toEqual(['age-8-10', null, null, null])
  })
})

describe('applyFilter', () => {
  const all = workspaceItems(items, codings, new Set(['answer:3']), 'ann')
  const keys = (filter: Partial<typeof emptyFilter>) => applyFilter(all, { ...emptyFilter, ...filter }, themes).map((i) => i.key)
  it('filters by status, kind, theme (with its sub-themes), group, session and sample', () => {
    expect(keys({})).toEqual(['answer:1', 'answer:2', 'answer:3', 'story:a'])
    expect(keys({ status: 'uncoded' })).toEqual(['answer:2', 'story:a'])
    expect(keys({ status: 'coded' })).toEqual(['answer:1', 'answer:3'])
    expect(keys({ kind: 'story' })).toEqual(['story:a'])
    expect(keys({ theme: 'safety' })).toEqual(['answer:1', 'answer:3'])
    expect(keys({ theme: 'bullying' })).toEqual(['answer:3'])
    expect(keys({ group: 'age-8-10' })).toEqual(['answer:1'])
    expect(keys({ group: 'none' })).toEqual(['answer:2', 'answer:3', 'story:a'])
    expect(keys({ session: 's1' })).toEqual(['answer:1', 'answer:3'])
    expect(keys({ sampleOnly: true })).toEqual(['answer:3'])
    expect(keys({ status: 'uncoded', kind: 'answer' })).toEqual(['answer:2'])
  })
})

describe('readFilter and filterParams', () => {
  it('round-trip, ignoring unknown values', () => {
    const filter = readFilter(new URLSearchParams('status=uncoded&kind=poem&theme=safety&sample=1'))
    expect(filter).toEqual({ ...emptyFilter, status: 'uncoded', theme: 'safety', sampleOnly: true })
    expect(filterParams(filter)).toEqual([
      ['status', 'uncoded'],
      ['theme', 'safety'],
      ['sample', '1'],
    ])
    expect(filterParams(readFilter(new URLSearchParams('')))).toEqual([])
  })
})

describe('locate and nextAfter', () => {
  const all = workspaceItems(items, codings, new Set(), 'ann')
  const uncoded = applyFilter(all, { ...emptyFilter, status: 'uncoded' }, themes) // answer:2, story:a
  it('starts at the first item, with next and previous going round', () => {
    expect(locate(all, all, null)).toMatchObject({ current: { key: 'answer:1' }, index: 1, total: 4, previous: 'story:a', next: 'answer:2' })
    expect(locate(all, all, 'answer:3')).toMatchObject({ index: 3, previous: 'answer:2', next: 'story:a' })
  })
  it('keeps showing an item that has left the filter, with neighbours from the filter', () => {
    expect(locate(all, uncoded, 'answer:3')).toMatchObject({ current: { key: 'answer:3' }, index: 0, total: 2, previous: 'answer:2', next: 'story:a' })
  })
  it('says when nothing is left', () => {
    expect(locate(all, [], null)).toMatchObject({ current: null, total: 0 })
    expect(locate(all, [all[1]], 'answer:2')).toMatchObject({ index: 1, total: 1, previous: null, next: null })
  })
  it('nextAfter finds the next kept item after the one just saved, going round', () => {
    expect(nextAfter(all, uncoded, 'answer:2')).toBe('story:a')
    expect(nextAfter(all, uncoded, 'story:a')).toBe('answer:2')
    expect(nextAfter(all, [all[1]], 'answer:2')).toBeNull()
  })
})

describe('parseItemKey', () => {
  it('reads answer and story keys and refuses others', () => {
    expect(parseItemKey('answer:12')).toEqual({ kind: 'answer', id: '12' })
    expect(parseItemKey('story:abc-1')).toEqual({ kind: 'story', id: 'abc-1' })
    for (const bad of ['answer:x', 'answer:0', 'poem:1', 'story:', 'answer:1.5']) expect(parseItemKey(bad), bad).toBeNull()
  })
})

describe('countByTheme', () => {
  it('counts items per theme in the coder’s view', () => {
    const counts = countByTheme(workspaceItems(items, codings, new Set(['answer:3']), 'bob'))
    expect(Object.fromEntries(counts)).toEqual({ safety: 1, play: 1 })
  })
})
