// Join codes for group sessions (issue #6): six characters a child can copy from a projector or a
// whiteboard. The alphabet has no look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), the same as receipt codes.
// 25^6 ≈ 2.4 × 10^8 codes; a code is unique only among open sessions (a partial unique index).
// Pure: the random source is passed in; comparison never stops early (see matchJoinCode).

export const JOIN_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY'
export const JOIN_CODE_LENGTH = 6

/** A new code, every character equally likely (rejection sampling: 256 is not a multiple of 25). */
export function generateJoinCode(randomValues: (array: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  const limit = 256 - (256 % JOIN_ALPHABET.length)
  let code = ''
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomValues(new Uint8Array(12))) {
      if (byte < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_ALPHABET[byte % JOIN_ALPHABET.length]
    }
  }
  return code
}

/**
 * What a person typed, as a code: any case, spaces and dashes ignored. Look-alikes a child may type
 * for a character that is not in the alphabet are not guessed at: null for anything that is not a code.
 */
export function normaliseJoinCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 40) return null
  const cleaned = input.toUpperCase().replace(/[\s\-‐-―]/g, '')
  if (cleaned.length !== JOIN_CODE_LENGTH) return null
  for (const ch of cleaned) if (!JOIN_ALPHABET.includes(ch)) return null
  return cleaned
}

/** The code spaced for reading aloud or from the back of a room: "ABC 123" → "A B C 1 2 3" for screen readers. */
export function spellJoinCode(code: string): string {
  return code.split('').join(' ')
}

/** Equal strings, in time that depends only on their lengths (never stops at the first difference). */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  const length = Math.max(a.length, b.length)
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i % (a.length || 1)) || 0) ^ (b.charCodeAt(i % (b.length || 1)) || 0)
  return diff === 0
}

/**
 * The candidate whose code equals the typed one, comparing with every candidate in constant time, so
 * how long a wrong guess takes says nothing about how close it was or which code it was near.
 */
export function matchJoinCode<T extends { code: string }>(typed: string | null, candidates: readonly T[]): T | undefined {
  let found: T | undefined
  const probe = typed ?? '#'.repeat(JOIN_CODE_LENGTH)
  for (const candidate of candidates) {
    const equal = constantTimeEqual(probe, candidate.code)
    if (equal && typed !== null && found === undefined) found = candidate
  }
  return found
}
