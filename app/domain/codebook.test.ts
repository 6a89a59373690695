import { describe, expect, it } from 'vitest'
import { codebookToJson, codebookTree, keyFromCode, parseCodebookJson, parseCodebookThemeForm, themesFromPlanItems } from './codebook'

const good = {
  version: 1,
  themes: [
    { key: 'safety', title: 'Feeling safe', description: 'Crime, bullying, safe places', keywords: ['bull*', 'safe', 'Safe'], subThemes: [{ key: 'bullying', title: 'Bullying' }] },
    { key: 'things-to-do', title: 'Things to do' },
  ],
}

describe('parseCodebookJson', () => {
  it('reads a good file, dropping repeated keywords', () => {
    const result = parseCodebookJson(JSON.stringify(good))
    expect(result).toEqual({
      ok: true,
      themes: [
        { key: 'safety', title: 'Feeling safe', description: 'Crime, bullying, safe places', keywords: ['bull*', 'safe'], subThemes: [{ key: 'bullying', title: 'Bullying', description: null, keywords: [] }] },
        { key: 'things-to-do', title: 'Things to do', description: null, keywords: [], subThemes: [] },
      ],
    })
  })

  it('round-trips through codebookToJson', () => {
    const first = parseCodebookJson(JSON.stringify(good))
    if (!first.ok) throw new Error('expected ok')
    expect(parseCodebookJson(codebookToJson(first.themes))).toEqual(first)
  })

  it('names the path of every problem', () => {
    const result = parseCodebookJson(
      JSON.stringify({ version: 1, themes: [{ key: 'Bad Key', title: '' }, { key: 'ok', title: 'OK', subThemes: [{ key: 'x', title: 'X', subThemes: [] }] }, { title: 'No key', colour: 'red' }] }),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: 'themes[0].key', message: 'keyFormat' },
        { path: 'themes[0].title', message: 'empty' },
        { path: 'themes[1].subThemes[0]', message: 'unknownKeys', values: { keys: '"subThemes"' } },
        { path: 'themes[2].key', message: 'missing' },
        { path: 'themes[2]', message: 'unknownKeys', values: { keys: '"colour"' } },
      ]),
    )
  })

  it('refuses repeated keys, naming the second', () => {
    const result = parseCodebookJson(JSON.stringify({ version: 1, themes: [{ key: 'a', title: 'A', subThemes: [{ key: 'b', title: 'B' }] }, { key: 'b', title: 'B again' }] }))
    expect(result).toEqual({ ok: false, errors: [{ path: 'themes[1].key', message: 'repeatedKey', values: { key: 'b' } }] })
  })

  it('refuses what is not a codebook', () => {
    expect(parseCodebookJson('{')).toEqual({ ok: false, errors: [{ path: '', message: 'notJson' }] })
    expect(parseCodebookJson('[]')).toEqual({ ok: false, errors: [{ path: '', message: 'notObject' }] })
    expect(parseCodebookJson('  ')).toEqual({ ok: false, errors: [{ path: '', message: 'empty' }] })
    expect(parseCodebookJson(JSON.stringify({ version: 2, themes: [] })).ok).toBe(false)
    expect(parseCodebookJson(JSON.stringify({ version: 1, themes: [] }))).toEqual({ ok: false, errors: [{ path: 'themes', message: 'noThemes' }] })
    expect(parseCodebookJson(JSON.stringify({ version: 1, themes: 'x' }))).toEqual({ ok: false, errors: [{ path: 'themes', message: 'notList' }] })
  })
})

describe('themesFromPlanItems', () => {
  const items = [
    { id: 'o2', code: 'SA', title: 'Staying safe', parentId: null, position: 2 },
    { id: 'o1', code: 'BH', title: 'Be healthy', parentId: null, position: 1 },
    { id: 'p1', code: 'SA.3', title: 'Less crime', parentId: 'o2', position: 2 },
    { id: 'p2', code: 'SA.1', title: 'Safe from bullying', parentId: 'o2', position: 1 },
  ]
  it('makes a theme per outcome and sub-themes from its priorities, in plan order', () => {
    expect(themesFromPlanItems(items, [])).toEqual({
      themes: [
        { key: 'bh', title: 'BH Be healthy', description: null, keywords: [], subThemes: [] },
        {
          key: 'sa',
          title: 'SA Staying safe',
          description: null,
          keywords: [],
          subThemes: [
            { key: 'sa-1', title: 'SA.1 Safe from bullying', description: null, keywords: [] },
            { key: 'sa-3', title: 'SA.3 Less crime', description: null, keywords: [] },
          ],
        },
      ],
      skipped: [],
    })
  })
  it('skips items whose key is taken (and the priorities under a skipped outcome), or uses a prefix', () => {
    expect(themesFromPlanItems(items, ['sa']).skipped).toEqual(['SA', 'SA.1', 'SA.3'])
    expect(themesFromPlanItems(items, ['sa'], 'ecm').themes.map((t) => t.key)).toEqual(['ecm-bh', 'ecm-sa'])
  })
  it('keyFromCode', () => {
    expect(keyFromCode('SA.3')).toBe('sa-3')
    expect(keyFromCode('Ŵ_1')).toBe('w-1')
    expect(keyFromCode('...')).toBeNull()
  })
})

describe('codebookTree', () => {
  it('puts sub-themes under their theme, both in title order', () => {
    const t = (id: string, title: string, parentId: string | null = null) => ({ id, key: id, title, description: null, parentId, keywords: [] })
    const tree = codebookTree([t('b', 'Bravo'), t('a2', 'Zulu', 'a'), t('a', 'Alpha'), t('a1', 'Yankee', 'a'), t('x', 'Orphan', 'gone')])
    expect(tree.map((x) => `${x.depth}:${x.id}`)).toEqual(['0:a', '1:a1', '1:a2', '0:b', '0:x'])
  })
})

describe('parseCodebookThemeForm', () => {
  const themes = [
    { id: 't1', key: 'safety', parentId: null },
    { id: 't2', key: 'bullying', parentId: 't1' },
    { id: 't3', key: 'play', parentId: null },
  ]
  const form = { key: 'new-one', title: ' New ', description: '', parentId: '', keywords: 'a, b' }
  it('reads a new theme', () => {
    expect(parseCodebookThemeForm(form, { themes })).toEqual({ ok: true, value: { key: 'new-one', title: 'New', description: null, parentId: null, keywords: ['a', 'b'] } })
  })
  it('checks the key of a new theme', () => {
    expect(parseCodebookThemeForm({ ...form, key: 'safety' }, { themes })).toMatchObject({ ok: false, errors: [{ field: 'key', message: 'errors.keyTaken' }] })
    expect(parseCodebookThemeForm({ ...form, key: 'no spaces' }, { themes })).toMatchObject({ ok: false, errors: [{ field: 'key', message: 'errors.keyFormat' }] })
  })
  it('allows one level of sub-themes only', () => {
    expect(parseCodebookThemeForm({ ...form, parentId: 't2' }, { themes })).toMatchObject({ ok: false, errors: [{ field: 'parentId', message: 'errors.parentIsSubTheme' }] })
    expect(parseCodebookThemeForm({ ...form, parentId: 't3' }, { themeId: 't1', themes })).toMatchObject({ ok: false, errors: [{ field: 'parentId', message: 'errors.hasSubThemes' }] })
    expect(parseCodebookThemeForm({ ...form, parentId: 't1' }, { themeId: 't1', themes })).toMatchObject({ ok: false, errors: [{ field: 'parentId', message: 'errors.parentUnknown' }] })
    expect(parseCodebookThemeForm({ ...form, parentId: 't1' }, { themeId: 't3', themes })).toMatchObject({ ok: true, value: { parentId: 't1' } })
  })
  it('requires a title and keeps text within limits', () => {
    expect(parseCodebookThemeForm({ ...form, title: ' ', description: 'x'.repeat(1001) }, { themes })).toMatchObject({
      ok: false,
      errors: [{ field: 'title', message: 'errors.titleRequired' }, { field: 'description', message: 'errors.tooLong' }],
    })
  })
})
