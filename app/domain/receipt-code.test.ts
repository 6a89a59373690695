import { describe, expect, it } from 'vitest'
import { generateReceiptCode, normaliseReceiptCode, RECEIPT_ALPHABET } from './receipt-code'

describe('generateReceiptCode', () => {
  it('makes codes like ABCD-EFGH from the unambiguous alphabet only', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateReceiptCode()
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
      for (const ch of code.replace('-', '')) expect(RECEIPT_ALPHABET).toContain(ch)
    }
  })
  it('never uses look-alike characters', () => {
    for (const ch of '0O1IL5S2Z8B') expect(RECEIPT_ALPHABET).not.toContain(ch)
  })
  it('skips random bytes that would bias the alphabet (rejection sampling)', () => {
    // 250..255 are rejected; then 0 → first letter, 24 → last letter, 25 → first again.
    const bytes = [250, 251, 252, 253, 254, 255, 0, 24, 25, 1, 2, 3, 4, 5, 6, 7]
    const code = generateReceiptCode((array) => {
      array.set(bytes.slice(0, array.length))
      return array
    })
    const a = RECEIPT_ALPHABET
    expect(code).toBe(`${a[0]}${a[24]}${a[0]}${a[1]}-${a[2]}${a[3]}${a[4]}${a[5]}`)
  })
})

describe('normaliseReceiptCode', () => {
  it('accepts what people type: lower case, spaces, missing dash', () => {
    expect(normaliseReceiptCode(' 7kq4 mxtc ')).toBe('7KQ4-MXTC')
    expect(normaliseReceiptCode('7KQ4-MXTC')).toBe('7KQ4-MXTC')
  })
  it('refuses wrong lengths and characters outside the alphabet', () => {
    expect(normaliseReceiptCode('7KQ4-MXT')).toBeNull()
    expect(normaliseReceiptCode('7KQ4-MXTO')).toBeNull()
    expect(normaliseReceiptCode('')).toBeNull()
  })
})
