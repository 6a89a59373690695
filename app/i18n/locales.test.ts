import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// Checks every translation against English (the source language):
// same keys, every plural form the language needs, same {{variables}}, nothing left untranslated.
// Also checks that every literal key the app's code asks for exists in English.

const root = process.cwd()
const localesDir = join(root, 'locales')
const appDir = join(root, 'app')
const sourceLocale = 'en'

/**
 * Values that may be the same in English and a translation: brand names, symbols,
 * and strings that are only a placeholder. Anything else identical to English is
 * treated as an untranslated copy. Values with no letters outside {{placeholders}}
 * (for example "{{title}}" or "{{count}}%") are always allowed.
 */
const allowedIdentical = new Set<string>(['{{title}}', 'Childline', 'Borda', 'OpenMoji'])

const pluralSuffixes = ['zero', 'one', 'two', 'few', 'many', 'other'] as const

type Flat = Map<string, unknown>

function flatten(value: unknown, prefix = '', into: Flat = new Map()): Flat {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into)
  } else {
    into.set(prefix, value)
  }
  return into
}

function readJson(path: string): { ok: true; data: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, data: JSON.parse(readFileSync(path, 'utf8')) }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

function loadFlat(locale: string, namespace: string): Flat {
  const result = readJson(join(localesDir, locale, `${namespace}.json`))
  if (!result.ok) throw new Error(`${locale}/${namespace}.json does not parse: ${result.error}`)
  return flatten(result.data)
}

const namespaces = readdirSync(join(localesDir, sourceLocale))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .sort()

const otherLocales = readdirSync(localesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== sourceLocale)
  .map((entry) => entry.name)
  .sort()

/** A plural variant: `base_one`, or an ordinal one `base_ordinal_one`. */
function parsePlural(key: string): { base: string; ordinal: boolean; category: string } | null {
  const match = /^(.*?)(_ordinal)?_(zero|one|two|few|many|other)$/.exec(key)
  if (!match) return null
  return { base: match[1], ordinal: Boolean(match[2]), category: match[3] }
}

function familyKey(base: string, ordinal: boolean, category: string): string {
  return `${base}${ordinal ? '_ordinal' : ''}_${category}`
}

/** Plural families in English: a base whose `_other` form exists. */
function pluralFamilies(english: Flat): Map<string, { base: string; ordinal: boolean }> {
  const families = new Map<string, { base: string; ordinal: boolean }>()
  for (const key of english.keys()) {
    const plural = parsePlural(key)
    if (plural && english.has(familyKey(plural.base, plural.ordinal, 'other'))) {
      families.set(key, { base: plural.base, ordinal: plural.ordinal })
    }
  }
  return families
}

function categoriesFor(locale: string, ordinal: boolean): string[] {
  return new Intl.PluralRules(locale, { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories
}

/** `{{name}}` and `{{name, format}}` → name. */
function variables(value: string): Set<string> {
  return new Set([...value.matchAll(/\{\{\s*-?\s*([^,}\s]+)[^}]*\}\}/g)].map((m) => m[1]))
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x))
}

function show(set: Set<string>): string {
  return `{${[...set].sort().join(', ')}}`
}

function hasLetters(value: string): boolean {
  return /\p{L}/u.test(value.replace(/\{\{[^}]*\}\}/g, ''))
}

/** Every problem with one locale's namespace file, each naming locale, namespace and key. */
function problemsFor(locale: string, namespace: string): string[] {
  const where = (key: string) => `${locale}/${namespace}.json "${key}"`
  const path = join(localesDir, locale, `${namespace}.json`)
  if (!existsSync(path)) return [`${locale}/${namespace}.json is missing`]
  const parsed = readJson(path)
  if (!parsed.ok) return [`${locale}/${namespace}.json does not parse: ${parsed.error}`]
  const translated = flatten(parsed.data)
  const english = loadFlat(sourceLocale, namespace)
  const families = pluralFamilies(english)
  const problems: string[] = []

  // Expected key → the English string it translates (for plural variants: English `_other`).
  const expected = new Map<string, { english: unknown; plural: boolean }>()
  for (const [key, value] of english) {
    const family = families.get(key)
    if (!family) {
      expected.set(key, { english: value, plural: false })
      continue
    }
    const other = english.get(familyKey(family.base, family.ordinal, 'other'))
    for (const category of categoriesFor(locale, family.ordinal)) {
      expected.set(familyKey(family.base, family.ordinal, category), { english: other, plural: true })
    }
  }

  for (const [key, { english: source, plural }] of expected) {
    if (!translated.has(key)) {
      problems.push(`${where(key)}: missing${plural ? ` (plural form needed by Intl.PluralRules('${locale}'))` : ''}`)
      continue
    }
    const value = translated.get(key)
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${where(key)}: must be a non-empty string, got ${JSON.stringify(value)}`)
      continue
    }
    if (typeof source !== 'string') continue // reported by the English check
    const want = variables(source)
    const got = variables(value)
    if (plural) {
      // A plural form may say the number in words ("un", "dau") instead of {{count}}.
      want.delete('count')
      got.delete('count')
    }
    if (!sameSet(want, got)) {
      problems.push(`${where(key)}: variables ${show(variables(value))} differ from English ${show(variables(source))}`)
    }
    if (value === source && hasLetters(value) && !allowedIdentical.has(value)) {
      problems.push(`${where(key)}: same as English (untranslated?): ${JSON.stringify(value)}`)
    }
  }

  for (const key of translated.keys()) {
    if (!expected.has(key)) {
      const plural = parsePlural(key)
      const hint = plural && families.has(familyKey(plural.base, plural.ordinal, 'other'))
        ? ` (Intl.PluralRules('${locale}') has no '${plural.category}' category)`
        : ''
      problems.push(`${where(key)}: not in English${hint}`)
    }
  }
  return problems
}

describe('locale files', () => {
  it('English has at least one namespace and there are translations to check', () => {
    expect(namespaces.length).toBeGreaterThan(0)
    expect(otherLocales.length).toBeGreaterThan(0)
  })

  describe.each(namespaces)('en/%s.json', (namespace) => {
    it('parses and every value is a non-empty string', () => {
      const result = readJson(join(localesDir, sourceLocale, `${namespace}.json`))
      expect(result.ok, `en/${namespace}.json does not parse: ${result.ok ? '' : result.error}`).toBe(true)
      const problems = [...loadFlat(sourceLocale, namespace)]
        .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
        .map(([key, value]) => `en/${namespace}.json "${key}": must be a non-empty string, got ${JSON.stringify(value)}`)
      expect(problems).toEqual([])
    })
  })

  describe.each(otherLocales)('%s', (locale) => {
    it.each(namespaces)(`${locale}/%s.json matches English`, (namespace) => {
      expect(problemsFor(locale, namespace)).toEqual([])
    })

    it('has no namespace files that English lacks', () => {
      const extra = readdirSync(join(localesDir, locale))
        .filter((file) => file.endsWith('.json') && !namespaces.includes(file.slice(0, -'.json'.length)))
        .map((file) => `${locale}/${file}: no English file`)
      expect(extra).toEqual([])
    })
  })
})

// --- Keys used in code ---------------------------------------------------------------

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    if (!/\.tsx?$/.test(entry.name) || /\.(test|spec)\.tsx?$/.test(entry.name) || entry.name.endsWith('.d.ts')) return []
    return [path]
  })
}

type KeyUse = { file: string; line: number; namespace: string; key: string }

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length
}

/** Literal `t('key')` / `t("key")` calls, resolved against the file's useTranslation namespace. */
function keyUses(file: string): KeyUse[] {
  const text = readFileSync(file, 'utf8')
  // Where each useTranslation() call is and which namespace it sets (first one if given an array).
  const scopes = [...text.matchAll(/useTranslation\(\s*(?:\[\s*)?(?:(['"])([^'"]+)\1)?/g)].map((m) => ({
    index: m.index ?? 0,
    namespace: m[2] ?? 'common',
  }))
  const uses: KeyUse[] = []
  for (const m of text.matchAll(/\bt\(\s*(['"])((?:(?!\1)[^\\\n])+)\1\s*(,\s*\{[^}]*\})?/g)) {
    const index = m.index ?? 0
    const scope = scopes.filter((s) => s.index < index).pop()
    let namespace = scope?.namespace ?? 'common'
    let key = m[2]
    const nsOption = m[3] ? /\bns:\s*(['"])([^'"]+)\1/.exec(m[3]) : null
    if (nsOption) namespace = nsOption[2]
    const separator = key.indexOf(':')
    if (separator > 0) {
      namespace = key.slice(0, separator)
      key = key.slice(separator + 1)
    }
    uses.push({ file: relative(root, file), line: lineOf(text, index), namespace, key })
  }
  return uses
}

function existsInEnglish(namespace: string, key: string): boolean {
  if (!namespaces.includes(namespace)) return false
  const english = loadFlat(sourceLocale, namespace)
  return english.has(key) || pluralSuffixes.some((category) => english.has(`${key}_${category}`))
}

describe('translation keys used in app code', () => {
  const uses = sourceFiles(appDir).flatMap(keyUses)

  it('finds t() calls to check', () => {
    expect(uses.length).toBeGreaterThan(0)
  })

  it('every literal t() key exists in English', () => {
    const missing = uses
      .filter((use) => !existsInEnglish(use.namespace, use.key))
      .map((use) => `${use.file}:${use.line} uses "${use.namespace}:${use.key}", which is not in locales/en/${use.namespace}.json`)
    expect(missing).toEqual([])
  })

  // Validation errors carry a key that question.tsx translates with useTranslation('participant').
  it("every literal messageKey in app/domain exists in English 'participant'", () => {
    const missing = sourceFiles(join(appDir, 'domain')).flatMap((file) => {
      const text = readFileSync(file, 'utf8')
      return [...text.matchAll(/messageKey:[^,}]*/g)].flatMap((m) =>
        // Dotted literals only, so `question.type === 'scale'` is not taken for a key.
        [...m[0].matchAll(/(['"])(\w+(?:\.\w+)+)\1/g)]
          .filter((k) => !existsInEnglish('participant', k[2]))
          .map((k) => `${relative(root, file)}:${lineOf(text, m.index ?? 0)} uses messageKey "${k[2]}", which is not in locales/en/participant.json`),
      )
    })
    expect(missing).toEqual([])
  })
})
