import { describe, expect, it } from 'vitest'
import { DIAMOND_CARDS, discardsFor, parseGroupEntry, questionFitsKind, rankingOrder } from './group-activities'

function form(entries: Record<string, string>) {
  const data = new FormData()
  for (const [k, v] of Object.entries(entries)) data.append(k, v)
  return data
}
const cards = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `c${i + 1}`, label: `Card ${i + 1}` }))
/** A good diamond of ten cards: c1 top, c2-c3, c4-c6, c7-c8, c9 bottom, c10 discarded. */
const tiers = ['1', '2', '2', '3', '3', '3', '4', '4', '5', 'discard']
const diamondForm = (overrides: Record<string, string> = {}) => form({ people: '6', ...Object.fromEntries(tiers.map((t, i) => [`tier-c${i + 1}`, t])), ...overrides })

describe('diamond 9', () => {
  it('has nine cards and leaves out the rest', () => {
    expect(DIAMOND_CARDS).toBe(9)
    expect(discardsFor(12)).toBe(3)
    expect(discardsFor(9)).toBe(0)
    expect(questionFitsKind('diamond9', { type: 'multi', options: cards(8) })).toBe(false)
    expect(questionFitsKind('diamond9', { type: 'multi', options: cards(10) })).toBe(true)
    expect(questionFitsKind('dots', { type: 'text', options: [] })).toBe(false)
  })

  it('reads the row of every card, a discard as no row', () => {
    const result = parseGroupEntry('diamond9', cards(10), diamondForm({ label: ' Table 2 ' }))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.entry).toMatchObject({ kind: 'diamond9', label: 'Table 2', people: 6 })
    expect(result.entry.items.map((i) => i.tier)).toEqual([1, 2, 2, 3, 3, 3, 4, 4, 5, null])
  })

  it('names each card without a row', () => {
    const result = parseGroupEntry('diamond9', cards(10), diamondForm({ 'tier-c3': '', 'tier-c5': '7' }))
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { field: 'tier-c3', messageKey: 'groups:errors.tierMissing', values: { card: 'Card 3' } },
        { field: 'tier-c5', messageKey: 'groups:errors.tierInvalid' },
      ],
    })
  })

  it('keeps the rows at 1, 2, 3, 2, 1 cards, saying which row is wrong', () => {
    // c2 moved from row 2 to row 1: row 1 has two, row 2 has one
    const result = parseGroupEntry('diamond9', cards(10), diamondForm({ 'tier-c2': '1' }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      { field: 'tier-c1', messageKey: 'groups:errors.rowTooMany', values: { row: 1, need: 1, got: 2 } },
      { field: 'tier-c1', messageKey: 'groups:errors.rowTooFew', values: { row: 2, need: 2, got: 1 } },
    ])
    expect(result.values['tier-c2']).toBe('1')
  })

  it('needs the right number of discards', () => {
    // Eleven cards: two must be left out; one discard and an extra card in row 3 breaks row 3
    const eleven = diamondForm({ 'tier-c11': '3' })
    expect(parseGroupEntry('diamond9', cards(11), eleven)).toMatchObject({ ok: false, errors: [{ messageKey: 'groups:errors.rowTooMany', values: { row: 3, need: 3, got: 4 } }] })
    const result = parseGroupEntry('diamond9', cards(11), diamondForm({ 'tier-c11': 'discard' }))
    expect(result.ok).toBe(true)
  })

  it('refuses a question with fewer than nine cards', () => {
    expect(parseGroupEntry('diamond9', cards(8), form({ people: '3' }))).toMatchObject({ ok: false, errors: [{ messageKey: 'groups:errors.tooFewCards' }] })
  })

  it('needs the number of people', () => {
    expect(parseGroupEntry('diamond9', cards(10), diamondForm({ people: '' }))).toMatchObject({ ok: false, errors: [{ field: 'people', messageKey: 'groups:errors.peopleMissing' }] })
    expect(parseGroupEntry('diamond9', cards(10), diamondForm({ people: '0' }))).toMatchObject({ ok: false, errors: [{ field: 'people', messageKey: 'groups:errors.peopleNumber' }] })
    expect(parseGroupEntry('diamond9', cards(10), diamondForm({ people: 'six' }))).toMatchObject({ ok: false, errors: [{ field: 'people', messageKey: 'groups:errors.peopleNumber' }] })
    expect(parseGroupEntry('diamond9', cards(10), diamondForm({ people: '501' })).ok).toBe(false)
    expect(parseGroupEntry('diamond9', cards(10), diamondForm({ label: 'x'.repeat(61) }))).toMatchObject({ ok: false, errors: [{ field: 'label', messageKey: 'groups:errors.labelTooLong' }] })
  })
})

describe('dot voting', () => {
  const five = cards(5)
  it('records dots per option, stacking allowed, blank as none', () => {
    const result = parseGroupEntry('dots', five, form({ people: '4', dotsPerPerson: '3', 'dots-c1': '7', 'dots-c2': '', 'dots-c3': '5', 'dots-c4': '0', 'dots-c5': ' ' }))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.entry).toMatchObject({ kind: 'dots', people: 4, dotsPerPerson: 3 })
    expect(result.entry.items.map((i) => i.dots)).toEqual([7, 0, 5, 0, 0])
  })

  it('allows at most people × dots each', () => {
    const ok = parseGroupEntry('dots', five, form({ people: '4', dotsPerPerson: '3', 'dots-c1': '12' }))
    expect(ok.ok).toBe(true)
    const result = parseGroupEntry('dots', five, form({ people: '4', dotsPerPerson: '3', 'dots-c1': '12', 'dots-c2': '1' }))
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'dots-c1', messageKey: 'groups:errors.tooManyDots', values: { total: 13, max: 12, people: 4, perPerson: 3 } }] })
  })

  it('needs at least one dot, whole numbers, and the dots each person had', () => {
    expect(parseGroupEntry('dots', five, form({ people: '4', dotsPerPerson: '3' }))).toMatchObject({ ok: false, errors: [{ messageKey: 'groups:errors.noDots' }] })
    expect(parseGroupEntry('dots', five, form({ people: '4', dotsPerPerson: '3', 'dots-c2': '-1' }))).toMatchObject({ ok: false, errors: [{ field: 'dots-c2', messageKey: 'groups:errors.dotsNumber' }] })
    expect(parseGroupEntry('dots', five, form({ people: '4', 'dots-c2': '1' }))).toMatchObject({ ok: false, errors: [{ field: 'dotsPerPerson', messageKey: 'groups:errors.dotsPerPersonMissing' }] })
  })
})

describe('group ranking', () => {
  const five = cards(5)
  it('reads the agreed order, which may stop early', () => {
    const result = parseGroupEntry('ranking', five, form({ people: '8', agreed: '7', 'rank-c3': '1', 'rank-c1': '2', 'rank-c5': '3' }))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.entry).toMatchObject({ kind: 'ranking', people: 8, agreed: 7 })
    expect(rankingOrder(result.entry.items)).toEqual(['c3', 'c1', 'c5'])
  })

  it('refuses two options at one place, a gap, an out-of-range place, and nothing ranked', () => {
    expect(parseGroupEntry('ranking', five, form({ people: '8', 'rank-c1': '1', 'rank-c2': '1' }))).toMatchObject({ ok: false, errors: [{ field: 'rank-c2', messageKey: 'groups:errors.rankTwice', values: { position: 1 } }] })
    expect(parseGroupEntry('ranking', five, form({ people: '8', 'rank-c1': '1', 'rank-c2': '3' }))).toMatchObject({ ok: false, errors: [{ field: 'rank-c3', messageKey: 'groups:errors.rankGap', values: { position: 2 } }] })
    expect(parseGroupEntry('ranking', five, form({ people: '8', 'rank-c1': '6' }))).toMatchObject({ ok: false, errors: [{ field: 'rank-c1', messageKey: 'groups:errors.rankOutOfRange', values: { max: 5 } }] })
    expect(parseGroupEntry('ranking', five, form({ people: '8' }))).toMatchObject({ ok: false, errors: [{ messageKey: 'groups:errors.rankNone' }] })
  })

  it('cannot have more agreeing than are in the group', () => {
    expect(parseGroupEntry('ranking', five, form({ people: '8', agreed: '9', 'rank-c1': '1' }))).toMatchObject({ ok: false, errors: [{ field: 'agreed', messageKey: 'groups:errors.agreedTooMany' }] })
    const noAgreement = parseGroupEntry('ranking', five, form({ people: '8', agreed: '', 'rank-c1': '1' }))
    expect(noAgreement.ok && noAgreement.entry.agreed).toBe(null)
  })
})
