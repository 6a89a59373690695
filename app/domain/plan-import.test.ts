import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatPath, parsePlanData, parsePlanJson, parsePlanOutline, periodIn } from './plan-import'

const fixtures = join(process.cwd(), '..', 'shared', 'fixtures', 'plans')

describe('parsePlanJson: the fixture plans', () => {
  it.each(readdirSync(fixtures).filter((f) => f.endsWith('.json')))('%s loads', (file) => {
    const result = parsePlanJson(readFileSync(join(fixtures, file), 'utf8'))
    expect(result.ok ? [] : result.errors).toEqual([])
  })

  it('reads Southwark as five priorities with their sub-priorities', () => {
    const result = parsePlanJson(readFileSync(join(fixtures, 'southwark-2010-13.json'), 'utf8'))
    if (!result.ok) throw new Error('expected ok')
    expect(result.plan.format).toBe('priorities')
    expect(result.plan.period).toBe('2010-2013')
    expect(result.plan.items.map((i) => i.code)).toEqual(['TF', 'NG', 'RB', 'SA', 'WT'])
    expect(result.plan.items.map((i) => i.children.length)).toEqual([5, 4, 4, 4, 3])
    expect(result.plan.items[3].children[2]).toEqual({ code: 'SA.3', title: 'Less crime by and against young people', kind: 'priority' })
  })

  it('reads Central Bedfordshire as areas with outcomes and measures, and its cross-cutting items', () => {
    const result = parsePlanJson(readFileSync(join(fixtures, 'central-bedfordshire-2015-17.json'), 'utf8'))
    if (!result.ok) throw new Error('expected ok')
    expect(result.plan.period).toBe('March 2015 - March 2017')
    const areas = result.plan.items.filter((i) => i.kind === 'area')
    expect(areas).toHaveLength(4)
    expect(areas[0].children[0]).toEqual({ code: 'A1.1', title: 'Improved achievement and progress', kind: 'outcome' })
    expect(areas[0].measures[1]).toEqual({ measure: 'Percentage of young people who are not in education, employment or training (NEET)', target: 'In top 25% of local authorities' })
    expect(result.plan.items.filter((i) => i.kind === 'cross-cutting')).toHaveLength(4)
  })

  it('reads the ECM outcome frame with its codes and period', () => {
    const result = parsePlanJson(readFileSync(join(fixtures, 'ecm-outcomes.json'), 'utf8'))
    if (!result.ok) throw new Error('expected ok')
    expect(result.plan.title).toBe('Every Child Matters outcomes (England, 2003-2010)')
    expect(result.plan.period).toBe('2003-2010')
    expect(result.plan.items.map((i) => i.code)).toEqual(['BH', 'SS', 'EA', 'PC', 'EWB'])
  })
})

describe('parsePlanJson: our own format, version 1', () => {
  const good = { version: 1, title: 'Our plan 2027-2030', outcomes: [{ code: 'S', title: 'Stay safe', priorities: [{ title: 'Less bullying' }, { code: 'S-park', title: 'Safer parks' }] }, { title: 'Be heard' }] }

  it('numbers items without codes and keeps given codes', () => {
    const result = parsePlanData(good)
    if (!result.ok) throw new Error('expected ok')
    expect(result.plan.period).toBe('2027-2030')
    expect(result.plan.items.map((i) => [i.code, i.children.map((c) => c.code)])).toEqual([['S', ['S.1', 'S-park']], ['2', []]])
  })

  it('names the path of every problem', () => {
    const result = parsePlanData({ version: 1, title: '', outcomes: [{ title: 'Fine' }, { code: 'bad code!', priorities: [{ title: 3 }] }], colour: 'red' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e.message]))
    expect(byPath.title).toBe('must not be empty')
    expect(byPath['outcomes[1].title']).toBe('is missing')
    expect(byPath['outcomes[1].code']).toMatch(/letters, numbers/)
    expect(byPath['outcomes[1].priorities[0].title']).toBe('must be text')
    expect(byPath['']).toMatch(/"colour"/)
  })

  it('refuses an unknown version, a repeated code, bad JSON and unknown shapes', () => {
    expect(parsePlanData({ ...good, version: 2 })).toEqual({ ok: false, errors: [{ path: 'version', message: expect.stringMatching(/must be 1/) }] })
    const repeated = parsePlanData({ ...good, outcomes: [{ code: 'A', title: 'x' }, { code: 'a', title: 'y' }] })
    expect(repeated.ok ? [] : repeated.errors.map((e) => e.path)).toEqual(['outcomes[1].code'])
    const broken = parsePlanJson('{"version": 1,')
    expect(broken.ok ? '' : broken.errors[0].message).toMatch(/not valid JSON/)
    expect(parsePlanJson('[]')).toEqual({ ok: false, errors: [{ path: '', message: 'must be a JSON object' }] })
    expect(parsePlanJson('{"name": "x"}').ok).toBe(false)
    expect(parsePlanJson(' ').ok).toBe(false)
  })

  it('names paths in the fixture shapes too', () => {
    const result = parsePlanData({ plan: 'P', priorities: [{ code: 'A', title: 'One', sub: ['fine', ''] }, { title: 5 }] })
    expect(result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`)).toEqual(['priorities[0].sub[1]: must not be empty', 'priorities[1].title: must be text'])
  })
})

describe('parsePlanOutline', () => {
  it('reads items and the priorities under them', () => {
    const result = parsePlanOutline({ title: 'Typed plan', period: '2027-28', outline: 'SS: Stay safe\n- Less bullying\n  Safer parks\n\nBe heard\n' })
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.plan.format).toBe('outline')
    expect(result.plan.period).toBe('2027-28')
    expect(result.plan.items.map((i) => [i.code, i.title, i.children.map((c) => c.title)])).toEqual([['SS', 'Stay safe', ['Less bullying', 'Safer parks']], ['2', 'Be heard', []]])
  })

  it('says which line is wrong', () => {
    const result = parsePlanOutline({ title: '', outline: '- orphan' })
    expect(result.ok ? [] : result.errors).toEqual([{ path: 'title', message: 'must not be empty' }, { path: 'outline line 1', message: 'is a priority with no outcome above it' }])
  })
})

describe('helpers', () => {
  it('formatPath and periodIn', () => {
    expect(formatPath(['priorities', 2, 'sub', 1])).toBe('priorities[2].sub[1]')
    expect(formatPath([])).toBe('')
    expect(periodIn('A plan 2010 to 2013')).toBe('2010 to 2013')
    expect(periodIn('No years here')).toBeNull()
  })
})
