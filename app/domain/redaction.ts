// Redacting a story before anyone but the safeguarding lead reads it: spans of the original text to
// hide (names, places, schools…), each with a reason, replaced by a marker in the text others see.
// Spans are UTF-16 offsets into the original text (JavaScript string indices). Pure.

export const redactionKinds = ['name', 'place', 'school', 'other'] as const
export type RedactionKind = (typeof redactionKinds)[number]

export function isRedactionKind(value: unknown): value is RedactionKind {
  return typeof value === 'string' && (redactionKinds as readonly string[]).includes(value)
}

export interface RedactionSpan {
  start: number
  end: number
  kind: RedactionKind
  reason: string
}

export const MAX_REASON_LENGTH = 200

/** What stands in for hidden words: "[name]", "[place]", "[school]", or a black bar for anything else. */
export const redactionMarkers: Record<RedactionKind, string> = { name: '[name]', place: '[place]', school: '[school]', other: '███' }

/** Every place the exact words occur (case as typed; letters either side mean it is part of another word). */
export function findWords(text: string, words: string): Array<{ start: number; end: number }> {
  const needle = words.trim()
  if (!needle) return []
  const found: Array<{ start: number; end: number }> = []
  const letter = /[\p{L}\p{N}]/u
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const before = at > 0 ? text[at - 1] : ''
    const after = text[at + needle.length] ?? ''
    if ((before && letter.test(before) && letter.test(needle[0])) || (after && letter.test(after) && letter.test(needle[needle.length - 1]))) continue
    found.push({ start: at, end: at + needle.length })
  }
  return found
}

/** Spans sorted by start, overlapping or touching spans merged (the first span's kind and reason kept). Spans outside the text are dropped. */
export function normaliseSpans(text: string, spans: RedactionSpan[]): RedactionSpan[] {
  const valid = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end && isRedactionKind(s.kind))
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: RedactionSpan[] = []
  for (const span of valid) {
    const last = merged[merged.length - 1]
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ ...span })
  }
  return merged
}

/** The text as everyone but the safeguarding lead sees it. */
export function applyRedactions(text: string, spans: RedactionSpan[]): string {
  let out = ''
  let at = 0
  for (const span of normaliseSpans(text, spans)) {
    out += text.slice(at, span.start) + redactionMarkers[span.kind]
    at = span.end
  }
  return out + text.slice(at)
}

/** Reads the stored JSON list; anything unreadable counts as no spans. */
export function parseSpans(json: string | null | undefined): RedactionSpan[] {
  if (!json) return []
  try {
    const value: unknown = JSON.parse(json)
    if (!Array.isArray(value)) return []
    return value.flatMap((v) =>
      v && typeof v === 'object' && Number.isInteger(v.start) && Number.isInteger(v.end) && isRedactionKind(v.kind)
        ? [{ start: v.start as number, end: v.end as number, kind: v.kind as RedactionKind, reason: typeof v.reason === 'string' ? v.reason : '' }]
        : [],
    )
  } catch {
    return []
  }
}

export type AddRedactionResult = { ok: true; spans: RedactionSpan[]; added: number } | { ok: false; error: 'wordsRequired' | 'reasonRequired' | 'reasonTooLong' | 'kindUnknown' | 'notFound' }

/**
 * A moderator's request to hide `words` (typed exactly as they appear: this works without JavaScript),
 * as `kind`, for `reason`: every occurrence is added to the spans.
 */
export function addRedaction(text: string, spans: RedactionSpan[], request: { words: string; kind: string; reason: string }): AddRedactionResult {
  const words = request.words.trim()
  const reason = request.reason.replace(/\s+/g, ' ').trim()
  if (!words) return { ok: false, error: 'wordsRequired' }
  if (!isRedactionKind(request.kind)) return { ok: false, error: 'kindUnknown' }
  if (!reason) return { ok: false, error: 'reasonRequired' }
  if (reason.length > MAX_REASON_LENGTH) return { ok: false, error: 'reasonTooLong' }
  const found = findWords(text, words)
  if (!found.length) return { ok: false, error: 'notFound' }
  const kind = request.kind
  return { ok: true, spans: normaliseSpans(text, [...spans, ...found.map((f) => ({ ...f, kind, reason }))]), added: found.length }
}
