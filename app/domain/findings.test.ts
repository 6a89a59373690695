import { describe, expect, it } from 'vitest'
import { groupEvidenceByTheme, groupsPrioritisingThemes, parseLinkWeight, planItemWeights, quotesByTheme, themeEvidence, topThemes } from './findings'

const themes = [
  { key: 'safety', title: 'Feeling safe' },
  { key: 'play', title: 'Things to do' },
  { key: 'voice', title: 'Being heard' },
  { key: 'care', title: 'Children in care' },
  { key: 'none', title: 'Nobody chose this' },
]

describe('themeEvidence', () => {
  const table = themeEvidence({ themes, respondents: { safety: 60, play: 60, voice: 45, care: 4 }, base: 100, threshold: 10 })

  it('ranks densely with ties, hides small counts and their rank, and shows zero', () => {
    expect(table.base).toEqual({ kind: 'value', value: 100 })
    expect(table.rows.map((r) => [r.key, r.rank, r.percent])).toEqual([
      ['safety', 1, 60],
      ['play', 1, 60],
      ['voice', 2, 45],
      ['none', 4, 0],
      ['care', null, 'c'],
    ])
    expect(table.rows.find((r) => r.key === 'care')?.respondents).toEqual({ kind: 'suppressed', mark: 'c' })
  })

  it('hides everything when the base itself is small', () => {
    const small = themeEvidence({ themes, respondents: { safety: 6 }, base: 8, threshold: 10 })
    expect(small.base).toEqual({ kind: 'suppressed', mark: 'c' })
    expect(small.rows.every((r) => r.rank === null && r.respondents.kind === 'suppressed')).toBe(true)
  })

  it('refuses a count above the base', () => {
    expect(() => themeEvidence({ themes, respondents: { safety: 101 }, base: 100, threshold: 10 })).toThrow(RangeError)
  })

  it('topThemes keeps the first ranks with shown numbers', () => {
    expect(topThemes(table, 2).map((r) => r.key)).toEqual(['safety', 'play', 'voice'])
    expect(topThemes(table, 1).map((r) => r.key)).toEqual(['safety', 'play'])
  })
})

describe('groupsPrioritisingThemes', () => {
  const bases = [
    { field: 'ageBand', group: 'age-8-10', respondents: 40 },
    { field: 'ageBand', group: 'age-11-13', respondents: 50 },
    { field: 'ageBand', group: 'age-14-16', respondents: 8 }, // too small to compare
    { field: 'ageBand', group: 'prefer-not-to-say', respondents: 30 },
    { field: 'inCare', group: 'yes', respondents: 20 },
    { field: 'inCare', group: 'no', respondents: 70 },
  ]
  const counts = [
    { field: 'ageBand', group: 'age-8-10', themeKey: 'play', respondents: 30 }, // 75%
    { field: 'ageBand', group: 'age-11-13', themeKey: 'play', respondents: 20 }, // 40%
    { field: 'ageBand', group: 'age-14-16', themeKey: 'play', respondents: 8 }, // 100% but small
    { field: 'ageBand', group: 'prefer-not-to-say', themeKey: 'play', respondents: 30 },
    { field: 'inCare', group: 'yes', themeKey: 'play', respondents: 5 }, // small count: left out
    { field: 'inCare', group: 'no', themeKey: 'play', respondents: 35 },
    { field: 'ageBand', group: 'age-8-10', themeKey: 'care', respondents: 20 }, // 50%
    { field: 'ageBand', group: 'age-11-13', themeKey: 'care', respondents: 25 }, // 50%: a tie, so no extremes
  ]

  it('names the groups with the highest and lowest share, leaving out small groups, small counts and "prefer not to say"', () => {
    const result = groupsPrioritisingThemes({ themeKeys: ['play', 'care'], counts, bases, threshold: 10 })
    expect(result.play).toEqual([{ field: 'ageBand', most: [{ group: 'age-8-10', percent: 75 }], least: [{ group: 'age-11-13', percent: 40 }] }])
    expect(result.care).toEqual([])
  })

  it('lists every group tied at the top, and counts a missing row as zero', () => {
    const tied = groupsPrioritisingThemes({
      themeKeys: ['voice'],
      counts: [
        { field: 'gender', group: 'girl', themeKey: 'voice', respondents: 10 },
        { field: 'gender', group: 'boy', themeKey: 'voice', respondents: 20 },
      ],
      bases: [
        { field: 'gender', group: 'girl', respondents: 20 },
        { field: 'gender', group: 'boy', respondents: 40 },
        { field: 'gender', group: 'non-binary', respondents: 12 },
      ],
      threshold: 10,
    })
    expect(tied.voice).toEqual([{ field: 'gender', most: [{ group: 'girl', percent: 50 }, { group: 'boy', percent: 50 }], least: [{ group: 'non-binary', percent: 0 }] }])
  })
})

describe('planItemWeights', () => {
  const evidence = themeEvidence({ themes, respondents: { safety: 60, play: 30, voice: 45, care: 4 }, base: 100, threshold: 10 }).rows
  const items = [
    { id: 'SS', code: 'SS', title: 'Stay safe', parentId: null },
    { id: 'EA', code: 'EA', title: 'Enjoy and achieve', parentId: null },
    { id: 'PC', code: 'PC', title: 'Positive contribution', parentId: null },
    { id: 'EWB', code: 'EWB', title: 'Economic well-being', parentId: null },
  ]
  const links = [
    { themeKey: 'safety', itemId: 'SS', weight: null },
    { themeKey: 'care', itemId: 'SS', weight: 3 },
    { themeKey: 'play', itemId: 'EA', weight: 2 },
    { themeKey: 'safety', itemId: 'EA', weight: null }, // one theme feeds two items
    { themeKey: 'voice', itemId: 'PC', weight: 1 },
    { themeKey: 'care', itemId: 'EWB', weight: 2 },
  ]

  it('adds weight × share of each feeding theme, leaves hidden shares out and says so, and ranks densely', () => {
    const result = Object.fromEntries(planItemWeights({ items, links, evidence }).map((w) => [w.id, w]))
    expect(result.SS).toMatchObject({ score: 60, partial: true, rank: 2 })
    expect(result.SS.themes.map((t) => [t.key, t.weight, t.contribution])).toEqual([['safety', 1, 60], ['care', 3, null]])
    expect(result.EA).toMatchObject({ score: 120, partial: false, rank: 1 })
    expect(result.PC).toMatchObject({ score: 45, rank: 3 })
    expect(result.EWB).toMatchObject({ score: null, partial: true, rank: null })
  })
})

describe('parseLinkWeight', () => {
  it('accepts blank and 1..5 only', () => {
    expect(parseLinkWeight('')).toEqual({ ok: true, weight: null })
    expect(parseLinkWeight(' 3 ')).toEqual({ ok: true, weight: 3 })
    for (const bad of ['0', '6', '1.5', 'x', '-1']) expect(parseLinkWeight(bad)).toEqual({ ok: false })
  })
})

describe('quotesByTheme', () => {
  const row = (themeKey: string, id: string, text = `words ${id}`) => ({ themeKey, id, text, teller: { band: 'age-8-10' } })
  it('keeps up to three quotes per theme in order, each story once, and says when the quote bank has more', () => {
    const result = quotesByTheme([row('safety', 's1'), row('safety', 's2'), row('safety', 's1'), row('play', 's1'), row('safety', 's3'), row('safety', 's4'), row('play', 's5', '  ')])
    expect(result.safety.quotes.map((q) => q.id)).toEqual(['s1', 's2', 's3'])
    expect(result.safety.more).toBe(true)
    expect(result.play).toEqual({ quotes: [{ id: 's1', text: 'words s1', teller: { band: 'age-8-10' } }], more: false })
  })
})

describe('groupEvidenceByTheme', () => {
  const members = { kind: 'value', value: 24 } as const
  const dots = {
    questionKey: 'top',
    prompt: 'What matters most?',
    kind: 'dots',
    groups: 3,
    members,
    tooFew: false,
    rows: [
      { key: 'parks', label: 'Parks', rank: 1, measure: 40 },
      { key: 'bullying', label: 'Less bullying', rank: 2, measure: 35 },
      { key: 'buses', label: 'Buses', rank: 3, measure: 25 },
    ],
  }
  const hidden = { ...dots, kind: 'diamond9', groups: 1, members: { kind: 'suppressed', mark: 'c' } as const, tooFew: true, rows: [] }
  it('keeps only the activities and options linked to the theme, with their rank among all options', () => {
    const result = groupEvidenceByTheme([dots, hidden], [
      { themeKey: 'safety', questionKey: 'top', optionKey: 'buses' },
      { themeKey: 'safety', questionKey: 'top', optionKey: 'bullying' },
      { themeKey: 'play', questionKey: 'other', optionKey: 'parks' },
    ])
    expect(result.safety.map((e) => [e.kind, e.of, e.rows.map((r) => [r.key, r.rank])])).toEqual([
      ['dots', 3, [['bullying', 2], ['buses', 3]]],
      // Too few children: listed with its groups only, no rows.
      ['diamond9', 0, []],
    ])
    expect(result.safety[1].members).toEqual({ kind: 'suppressed', mark: 'c' })
    expect(result.play).toBeUndefined()
  })
})
