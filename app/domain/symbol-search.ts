// Keyword search over a pictogram set (OpenMoji's annotation and tags), for the staff builder's
// symbol picker. Pure: the caller loads the entries.

export interface SymbolEntry {
  hexcode: string
  emoji: string
  annotation: string
  /** Keywords, one word or phrase each */
  tags: string[]
  /** Order in the set: the tie-breaker, so common symbols come first */
  order: number
}

export interface SymbolMatch {
  reference: string
  hexcode: string
  emoji: string
  annotation: string
  score: number
}

/** Lower case, no accents, words only: "Café  Crème!" → ["cafe", "creme"]. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

const WEIGHT = { annotationWord: 10, annotationPrefix: 6, tagWord: 5, tagPrefix: 3, wholeAnnotation: 50 }

/** Score of one query word against one entry's words; 0 when it matches nothing. */
function wordScore(word: string, annotation: string[], tags: string[]): number {
  if (annotation.includes(word)) return WEIGHT.annotationWord
  if (tags.includes(word)) return WEIGHT.tagWord
  if (word.length >= 2 && annotation.some((w) => w.startsWith(word))) return WEIGHT.annotationPrefix
  if (word.length >= 2 && tags.some((w) => w.startsWith(word))) return WEIGHT.tagPrefix
  return 0
}

/**
 * Every query word must match the entry's annotation or tags (whole word, or the start of a word
 * for words of two letters or more). Annotation matches count more than tag matches, an annotation
 * equal to the whole query counts most; ties go to the shorter annotation, then the set's order.
 */
export function rankSymbols(entries: readonly SymbolEntry[], query: string, limit: number): SymbolMatch[] {
  const words = searchWords(query)
  const max = Math.max(0, Math.min(Math.floor(limit), 100))
  if (!words.length || !max) return []
  const phrase = words.join(' ')
  const matches: Array<SymbolMatch & { order: number }> = []
  for (const entry of entries) {
    const annotation = searchWords(entry.annotation)
    const tags = entry.tags.flatMap(searchWords)
    let score = 0
    for (const word of words) {
      const s = wordScore(word, annotation, tags)
      if (!s) {
        score = 0
        break
      }
      score += s
    }
    if (!score) continue
    if (annotation.join(' ') === phrase) score += WEIGHT.wholeAnnotation
    matches.push({ reference: `openmoji:${entry.hexcode}`, hexcode: entry.hexcode, emoji: entry.emoji, annotation: entry.annotation, score, order: entry.order })
  }
  matches.sort((a, b) => b.score - a.score || a.annotation.length - b.annotation.length || a.order - b.order)
  return matches.slice(0, max).map(({ order: _order, ...match }) => match)
}
