// Keyword rules that suggest themes while coding. Each theme may have a few words or phrases; an
// item whose text contains one (as a whole word, in any case) is shown with that theme marked
// "suggested". Suggestions are never applied: the coder decides. Pure: text and rules in, matches out.
//
// A rule is a word ("bus") or a phrase ("youth club"); a trailing * matches any ending ("bull*":
// bully, bullied, bullying). Words are whole words by Unicode letters and digits, not by JavaScript's
// ASCII-only \b, so Welsh letters (â ê î ô û ŵ ŷ ä ë ï ö ü ẅ ÿ á é …) are part of a word: "tân" does
// not match inside "tanau", and "ŵyr" matches "Ŵyr". Accents are kept (in Welsh "tân" and "tan"
// are different words); case, straight or curly apostrophes and runs of spaces are not.

export const KEYWORD_MAX_LENGTH = 60
export const KEYWORDS_MAX_PER_THEME = 40

export interface KeywordRule {
  themeId: string
  keywords: readonly string[]
}

export interface Suggestion {
  themeId: string
  /** The rules that matched, as written */
  matched: string[]
}

/** One form for comparing: NFC, lower case, curly apostrophes straightened. */
export function normaliseForMatching(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('und').replace(/[\u2018\u2019\u02bc]/g, "'")
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A rule as a regular expression over normalised text; null for an empty rule. */
export function keywordPattern(keyword: string): RegExp | null {
  let rule = normaliseForMatching(keyword).trim()
  const prefix = rule.endsWith('*')
  rule = rule.replace(/\*+$/, '').trim()
  if (!rule) return null
  const body = rule.split(/\s+/).map(escape).join('\\s+')
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${prefix ? '[\\p{L}\\p{N}]*' : ''}(?![\\p{L}\\p{N}])`, 'u')
}

/** Themes whose rules match the text, in the order of `rules`; each with the rules that matched. */
export function suggestThemes(text: string, rules: readonly KeywordRule[]): Suggestion[] {
  const normalised = normaliseForMatching(text)
  const out: Suggestion[] = []
  for (const rule of rules) {
    const matched = rule.keywords.filter((keyword) => keywordPattern(keyword)?.test(normalised))
    if (matched.length) out.push({ themeId: rule.themeId, matched })
  }
  return out
}

/**
 * Keywords typed into a form (one per line, or separated by commas): trimmed, blank ones dropped,
 * repeats (in any case) dropped. Problems name the keyword.
 */
export function parseKeywordList(input: string): { ok: true; keywords: string[] } | { ok: false; error: 'errors.keywordTooLong' | 'errors.tooManyKeywords'; keyword?: string } {
  const seen = new Set<string>()
  const keywords: string[] = []
  for (const raw of input.split(/[\n,]/)) {
    const keyword = raw.trim().replace(/\s+/g, ' ')
    if (!keyword || keyword.replace(/\*/g, '') === '') continue
    if (keyword.length > KEYWORD_MAX_LENGTH) return { ok: false, error: 'errors.keywordTooLong', keyword }
    const key = normaliseForMatching(keyword)
    if (seen.has(key)) continue
    seen.add(key)
    keywords.push(keyword)
  }
  if (keywords.length > KEYWORDS_MAX_PER_THEME) return { ok: false, error: 'errors.tooManyKeywords' }
  return { ok: true, keywords }
}

/** The stored form (theme.keywords, a JSON list) read back; anything unreadable counts as no keywords. */
export function readStoredKeywords(json: string | null | undefined): string[] {
  if (!json) return []
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string' && k.trim() !== '') : []
  } catch {
    return []
  }
}
