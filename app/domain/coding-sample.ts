// The double-coding sample: which items two coders code independently to measure agreement.
// Chosen reproducibly: each item key is hashed together with a seed (FNV-1a, 32 bits) and the items
// with the lowest hashes are taken. The same seed and the same items always give the same sample,
// whatever order the items come in; a different seed gives a different sample. Pure.

export const SAMPLE_MAX_ITEMS = 1000

export type SampleRequest = { kind: 'percent'; value: number } | { kind: 'count'; value: number }

/** "10%" or "10 %" → 10 percent; "25" → 25 items. Percent 1..100, count 1..SAMPLE_MAX_ITEMS. */
export function parseSampleRequest(input: string): SampleRequest | null {
  const text = input.trim()
  const percent = /^(\d{1,3})\s*%$/.exec(text)
  if (percent) {
    const value = Number(percent[1])
    return value >= 1 && value <= 100 ? { kind: 'percent', value } : null
  }
  if (/^\d{1,4}$/.test(text)) {
    const value = Number(text)
    return value >= 1 && value <= SAMPLE_MAX_ITEMS ? { kind: 'count', value } : null
  }
  return null
}

export function formatSampleRequest(request: SampleRequest): string {
  return request.kind === 'percent' ? `${request.value}%` : String(request.value)
}

/** How many of `total` items the request asks for: a percentage rounds up, so 10% of 5 is 1. */
export function sampleSize(request: SampleRequest, total: number): number {
  if (request.kind === 'percent') return Math.min(total, Math.ceil((total * request.value) / 100))
  return Math.min(total, request.value)
}

/** FNV-1a over the UTF-16 code units of the text: small, fast, the same everywhere. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

/** The sampled item keys, in the order the items were given. */
export function chooseSample(itemKeys: readonly string[], request: SampleRequest, seed: string): string[] {
  const unique = [...new Set(itemKeys)]
  const size = sampleSize(request, unique.length)
  const chosen = new Set(
    unique
      .map((key) => ({ key, hash: fnv1a(`${seed}\u0000${key}`) }))
      .sort((x, y) => x.hash - y.hash || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .slice(0, size)
      .map((x) => x.key),
  )
  return unique.filter((key) => chosen.has(key))
}
