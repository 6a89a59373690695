// A consultation's codebook: its themes, each with a description, keyword rules and at most one
// level of sub-themes. Read from a JSON file (a versioned zod schema; every problem names the path of
// the value, e.g. `themes[2].subThemes[0].key`), made from a plan's outcomes, or edited one theme at a
// time. Pure: the services store what these functions return.
import { z } from 'zod'
import { KEYWORD_MAX_LENGTH, KEYWORDS_MAX_PER_THEME, parseKeywordList } from './coding-suggestions'
import { formatPath } from './plan-import'

export const CODEBOOK_FORMAT_VERSION = 1
export const CODEBOOK_FILE_MAX_CHARACTERS = 200_000
export const THEME_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/
export const THEME_TITLE_MAX = 200
export const THEME_DESCRIPTION_MAX = 1000

export interface CodebookEntry {
  key: string
  title: string
  description: string | null
  keywords: string[]
  /** Only on top-level themes */
  subThemes: Array<Omit<CodebookEntry, 'subThemes'>>
}

/** A problem as a message key (coding namespace, `import.errors.*`) with what it needs, and the path. */
export interface CodebookProblem {
  path: string
  message: 'notJson' | 'notObject' | 'tooBig' | 'empty' | 'version' | 'missing' | 'notText' | 'notList' | 'tooLong' | 'tooMany' | 'noThemes' | 'keyFormat' | 'unknownKeys' | 'repeatedKey' | 'invalid'
  values?: Record<string, string | number>
}

export type CodebookImportResult = { ok: true; themes: CodebookEntry[] } | { ok: false; errors: CodebookProblem[] }

const text = (max: number) => z.string().trim().min(1).max(max)
const keywords = z.array(z.string().trim().min(1).max(KEYWORD_MAX_LENGTH)).max(KEYWORDS_MAX_PER_THEME)
const themeFields = {
  key: z.string().trim().regex(THEME_KEY_PATTERN),
  title: text(THEME_TITLE_MAX),
  description: text(THEME_DESCRIPTION_MAX).optional(),
  keywords: keywords.optional(),
}

export const codebookFileV1 = z
  .object({
    version: z.literal(CODEBOOK_FORMAT_VERSION),
    themes: z
      .array(
        z
          .object({ ...themeFields, subThemes: z.array(z.object(themeFields).strict()).max(50).optional() })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict()

function problemOf(issue: z.ZodIssue): CodebookProblem {
  const path = formatPath(issue.path)
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return { path, message: 'missing' }
      return { path, message: issue.expected === 'array' ? 'notList' : issue.expected === 'string' ? 'notText' : 'invalid' }
    case 'too_small':
      return issue.type === 'array' ? { path, message: path === 'themes' ? 'noThemes' : 'invalid' } : { path, message: 'empty' }
    case 'too_big':
      return { path, message: issue.type === 'array' ? 'tooMany' : 'tooLong', values: { max: Number(issue.maximum) } }
    case 'invalid_string':
      return { path, message: 'keyFormat' }
    case 'invalid_literal':
      return { path, message: 'version', values: { version: CODEBOOK_FORMAT_VERSION } }
    case 'unrecognized_keys':
      return { path, message: 'unknownKeys', values: { keys: issue.keys.map((k) => `"${k}"`).join(', ') } }
    default:
      return { path, message: 'invalid' }
  }
}

/** Reads a codebook file's text. */
export function parseCodebookJson(source: string): CodebookImportResult {
  if (source.length > CODEBOOK_FILE_MAX_CHARACTERS) return { ok: false, errors: [{ path: '', message: 'tooBig', values: { max: CODEBOOK_FILE_MAX_CHARACTERS } }] }
  if (!source.trim()) return { ok: false, errors: [{ path: '', message: 'empty' }] }
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch {
    return { ok: false, errors: [{ path: '', message: 'notJson' }] }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, errors: [{ path: '', message: 'notObject' }] }
  const parsed = codebookFileV1.safeParse(value)
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(problemOf) }
  const entry = (t: { key: string; title: string; description?: string; keywords?: string[] }) => {
    const list = parseKeywordList((t.keywords ?? []).join('\n'))
    return { key: t.key, title: t.title, description: t.description ?? null, keywords: list.ok ? list.keywords : [] }
  }
  const themes = parsed.data.themes.map((t) => ({ ...entry(t), subThemes: (t.subThemes ?? []).map(entry) }))
  const errors: CodebookProblem[] = []
  const seen = new Set<string>()
  themes.forEach((t, i) => {
    const check = (key: string, path: string) => {
      if (seen.has(key)) errors.push({ path, message: 'repeatedKey', values: { key } })
      seen.add(key)
    }
    check(t.key, `themes[${i}].key`)
    t.subThemes.forEach((s, j) => check(s.key, `themes[${i}].subThemes[${j}].key`))
  })
  return errors.length ? { ok: false, errors } : { ok: true, themes }
}

/** The codebook as a file (the same format the import reads). */
export function codebookToJson(themes: CodebookEntry[]): string {
  const entry = (t: Omit<CodebookEntry, 'subThemes'>) => ({ key: t.key, title: t.title, ...(t.description ? { description: t.description } : {}), ...(t.keywords.length ? { keywords: t.keywords } : {}) })
  return JSON.stringify({ version: CODEBOOK_FORMAT_VERSION, themes: themes.map((t) => ({ ...entry(t), ...(t.subThemes.length ? { subThemes: t.subThemes.map(entry) } : {}) })) }, null, 2)
}

export interface PlanItemForCodebook {
  id: string
  code: string
  title: string
  parentId: string | null
  position: number
}

/** A theme key from a plan item's code: "SA.3" → "sa-3". Null when nothing usable is left. */
export function keyFromCode(code: string): string | null {
  const key = code
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return key && THEME_KEY_PATTERN.test(key) ? key : null
}

/**
 * Themes made from a plan's outcomes: each top-level item a theme, the items under it its sub-themes.
 * Keys come from the items' codes, prefixed with `prefix-` when given; an item whose key is taken
 * (already a theme of the consultation, or repeated) is left out and listed in `skipped`.
 */
export function themesFromPlanItems(items: readonly PlanItemForCodebook[], takenKeys: readonly string[], prefix = ''): { themes: CodebookEntry[]; skipped: string[] } {
  const taken = new Set(takenKeys)
  const skipped: string[] = []
  const claim = (item: PlanItemForCodebook) => {
    const base = keyFromCode(item.code)
    const key = base ? keyFromCode(prefix ? `${prefix}-${base}` : base) : null
    if (!key || taken.has(key)) {
      skipped.push(item.code)
      return null
    }
    taken.add(key)
    return { key, title: `${item.code} ${item.title}`.slice(0, THEME_TITLE_MAX), description: null, keywords: [] }
  }
  const byPosition = (a: PlanItemForCodebook, b: PlanItemForCodebook) => a.position - b.position
  const top = items.filter((i) => i.parentId === null).sort(byPosition)
  const themes: CodebookEntry[] = []
  for (const item of top) {
    const theme = claim(item)
    const children = items.filter((i) => i.parentId === item.id).sort(byPosition)
    if (!theme) {
      skipped.push(...children.map((c) => c.code))
      continue
    }
    themes.push({ ...theme, subThemes: children.map(claim).filter((c): c is NonNullable<typeof c> => c !== null) })
  }
  return { themes, skipped }
}

export interface CodebookTheme {
  id: string
  key: string
  title: string
  description: string | null
  parentId: string | null
  keywords: string[]
}

/** Top-level themes in title order, each followed by its sub-themes; a sub-theme of a missing parent counts as top-level. */
export function codebookTree<T extends CodebookTheme>(themes: readonly T[]): Array<T & { depth: 0 | 1 }> {
  const ids = new Set(themes.map((t) => t.id))
  const byTitle = (a: T, b: T) => a.title.localeCompare(b.title, 'en') || a.key.localeCompare(b.key)
  const top = themes.filter((t) => !t.parentId || !ids.has(t.parentId) || t.parentId === t.id).sort(byTitle)
  return top.flatMap((t) => [{ ...t, depth: 0 as const }, ...themes.filter((s) => s.parentId === t.id && s.id !== t.id).sort(byTitle).map((s) => ({ ...s, depth: 1 as const }))])
}

export interface ThemeFormValue {
  title: string
  description: string | null
  parentId: string | null
  keywords: string[]
}

export type ThemeFormProblem = { field: 'key' | 'title' | 'description' | 'parentId' | 'keywords'; message: string; values?: Record<string, string | number> }

/**
 * The codebook's form for one theme (new: with a key). A parent must be a top-level theme other than
 * this one, and a theme that has sub-themes cannot become a sub-theme (one level only).
 */
export function parseCodebookThemeForm(
  input: { key?: string; title: string; description: string; parentId: string; keywords: string },
  context: { themeId?: string; themes: ReadonlyArray<{ id: string; key: string; parentId: string | null }> },
): { ok: true; value: ThemeFormValue & { key?: string } } | { ok: false; errors: ThemeFormProblem[] } {
  const errors: ThemeFormProblem[] = []
  let key: string | undefined
  if (context.themeId === undefined) {
    key = (input.key ?? '').trim().toLowerCase()
    if (!key) errors.push({ field: 'key', message: 'errors.keyRequired' })
    else if (!THEME_KEY_PATTERN.test(key)) errors.push({ field: 'key', message: 'errors.keyFormat' })
    else if (context.themes.some((t) => t.key === key)) errors.push({ field: 'key', message: 'errors.keyTaken' })
  }
  const title = input.title.trim()
  if (!title) errors.push({ field: 'title', message: 'errors.titleRequired' })
  else if (title.length > THEME_TITLE_MAX) errors.push({ field: 'title', message: 'errors.tooLong', values: { max: THEME_TITLE_MAX } })
  const description = input.description.trim()
  if (description.length > THEME_DESCRIPTION_MAX) errors.push({ field: 'description', message: 'errors.tooLong', values: { max: THEME_DESCRIPTION_MAX } })
  const parentId = input.parentId.trim() || null
  if (parentId) {
    const parent = context.themes.find((t) => t.id === parentId)
    if (!parent || parent.id === context.themeId) errors.push({ field: 'parentId', message: 'errors.parentUnknown' })
    else if (parent.parentId) errors.push({ field: 'parentId', message: 'errors.parentIsSubTheme' })
    else if (context.themeId && context.themes.some((t) => t.parentId === context.themeId)) errors.push({ field: 'parentId', message: 'errors.hasSubThemes' })
  }
  const keywordList = parseKeywordList(input.keywords)
  if (!keywordList.ok) errors.push({ field: 'keywords', message: keywordList.error, values: keywordList.keyword ? { keyword: keywordList.keyword, max: KEYWORD_MAX_LENGTH } : { max: KEYWORDS_MAX_PER_THEME } })
  if (errors.length) return { ok: false, errors }
  return { ok: true, value: { ...(key ? { key } : {}), title, description: description || null, parentId, keywords: keywordList.ok ? keywordList.keywords : [] } }
}
