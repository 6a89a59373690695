// Receipt codes let a participant come back to see or withdraw their answers without an account.
// Short, easy to copy by hand: no 0/O, 1/I/L, 5/S, 2/Z, 8/B look-alikes.
export const RECEIPT_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY'
export const RECEIPT_LENGTH = 8

/** A code like "7KQ4-MXTC": 25^8 ≈ 1.5 × 10^11 possibilities. */
export function generateReceiptCode(randomValues: (array: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  const chars: string[] = []
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 25).
  const limit = 256 - (256 % RECEIPT_ALPHABET.length)
  while (chars.length < RECEIPT_LENGTH) {
    for (const byte of randomValues(new Uint8Array(16))) {
      if (byte < limit && chars.length < RECEIPT_LENGTH) chars.push(RECEIPT_ALPHABET[byte % RECEIPT_ALPHABET.length])
    }
  }
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
}

/** Accepts what a person types: any case, with or without spaces and dashes. */
export function normaliseReceiptCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
  if (cleaned.length !== RECEIPT_LENGTH) return null
  for (const ch of cleaned) if (!RECEIPT_ALPHABET.includes(ch)) return null
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4)}`
}
