// Splits text into sentences, so symbol-supported mode can show one short sentence per line.
// Deliberately simple and the same on server and browser (Intl.Segmenter is missing on older
// phones, and a different split after hydration would change the page under the reader).

const SENTENCE_END = new Set(['.', '!', '?', '…', '؟', '۔', '。'])
const CLOSING = new Set(['"', "'", '”', '’', '»', ')', ']'])
/** Words whose full stop does not end a sentence (lower case, without the final full stop). */
const ABBREVIATIONS = new Set(['e.g', 'eg', 'i.e', 'ie', 'etc', 'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'vs', 'approx', 'ex'])

function isLowerCaseLetter(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase()
}

/** The word just before position `end` (the full stop), e.g. "e.g" in "for e.g. this". */
function wordBefore(text: string, end: number): string {
  let start = end
  while (start > 0 && !/\s/.test(text[start - 1])) start--
  return text.slice(start, end).replace(/^[("'“‘«[]+/, '').toLowerCase()
}

/**
 * "Put these in order. What matters most to you?" → ["Put these in order.", "What matters most to you?"]
 * A sentence ends at . ! ? … (and the Arabic and Urdu question mark and full stop), after any
 * closing quote or bracket, when a space and then something other than a lower-case letter
 * follows. Line breaks always end a sentence. Abbreviations such as "e.g." and numbers such as
 * "1.5" do not.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  for (const line of text.split(/\r?\n/)) {
    let start = 0
    let i = 0
    while (i < line.length) {
      if (!SENTENCE_END.has(line[i])) {
        i++
        continue
      }
      let end = i + 1
      while (end < line.length && (SENTENCE_END.has(line[end]) || CLOSING.has(line[end]))) end++
      let next = end
      while (next < line.length && /\s/.test(line[next])) next++
      const spaceFollows = next > end
      const abbreviation = line[i] === '.' && ABBREVIATIONS.has(wordBefore(line, i))
      if (next < line.length && spaceFollows && !isLowerCaseLetter(line[next]) && !abbreviation) {
        sentences.push(line.slice(start, end).trim())
        start = next
      }
      i = end
    }
    const rest = line.slice(start).trim()
    if (rest) sentences.push(rest)
  }
  return sentences.filter(Boolean)
}
