import { describe, expect, it } from 'vitest'
import { firstUnanswered, parsePosition } from './progress'

describe('firstUnanswered', () => {
  it('finds the first gap, not the count of answers', () => {
    expect(firstUnanswered(['a', 'b', 'c'], new Set(['a', 'c']))).toBe(2)
  })
  it('starts at 1 with nothing answered and stays on the last page when all are answered', () => {
    expect(firstUnanswered(['a', 'b'], new Set())).toBe(1)
    expect(firstUnanswered(['a', 'b'], new Set(['a', 'b']))).toBe(2)
  })
})

describe('parsePosition', () => {
  it('accepts positions inside the survey', () => {
    expect(parsePosition('1', 4)).toBe(1)
    expect(parsePosition('4', 4)).toBe(4)
  })
  it.each(['0', '5', '-1', '1.5', '01', 'abc', '', undefined, '99999'])('refuses %s', (raw) => {
    expect(parsePosition(raw, 4)).toBeNull()
  })
})
