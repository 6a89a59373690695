import { describe, expect, it } from 'vitest'
import { constantTimeEqual, generateJoinCode, JOIN_ALPHABET, JOIN_CODE_LENGTH, matchJoinCode, normaliseJoinCode, spellJoinCode } from './join-code'

describe('join codes', () => {
  it('are six characters with no look-alikes', () => {
    for (const ch of '0O1IL2Z5S8B') expect(JOIN_ALPHABET).not.toContain(ch)
    for (let i = 0; i < 200; i++) {
      const code = generateJoinCode()
      expect(code).toMatch(new RegExp(`^[${JOIN_ALPHABET}]{${JOIN_CODE_LENGTH}}$`))
    }
  })

  it('use every character equally often, skipping the bytes that would bias them', () => {
    // Bytes 250..255 would make the first six characters more likely: they are thrown away.
    let calls = 0
    const source = (array: Uint8Array) => {
      calls++
      array.fill(calls === 1 ? 250 : 26)
      return array
    }
    expect(generateJoinCode(source)).toBe(JOIN_ALPHABET[1].repeat(6))
    expect(calls).toBe(2)
  })

  it('are read in any case, with spaces and dashes ignored', () => {
    expect(normaliseJoinCode(' ac d-47x ')).toBe('ACD47X')
    expect(normaliseJoinCode('acd47x')).toBe('ACD47X')
    expect(normaliseJoinCode('ACD 47')).toBeNull()
    expect(normaliseJoinCode('ACD470')).toBeNull() // 0 is never in a code
    expect(normaliseJoinCode('ACD47XY')).toBeNull()
    expect(normaliseJoinCode(undefined)).toBeNull()
    expect(normaliseJoinCode('A'.repeat(100))).toBeNull()
  })

  it('are spelled out letter by letter', () => {
    expect(spellJoinCode('ACD47X')).toBe('A C D 4 7 X')
  })
})

describe('comparing codes', () => {
  it('says equal only for equal strings', () => {
    expect(constantTimeEqual('ACD47X', 'ACD47X')).toBe(true)
    expect(constantTimeEqual('ACD47X', 'ACD47Y')).toBe(false)
    expect(constantTimeEqual('ACD47X', 'ACD47')).toBe(false)
    expect(constantTimeEqual('', 'A')).toBe(false)
    expect(constantTimeEqual('', '')).toBe(true)
  })

  it('finds the matching session among many, and nothing for a wrong or missing code', () => {
    const sessions = [{ code: 'ACD47X', id: 'a' }, { code: 'QQQQQQ', id: 'b' }]
    expect(matchJoinCode('QQQQQQ', sessions)?.id).toBe('b')
    expect(matchJoinCode('ACD47Y', sessions)).toBeUndefined()
    expect(matchJoinCode(null, sessions)).toBeUndefined()
    expect(matchJoinCode('ACD47X', [])).toBeUndefined()
  })
})
