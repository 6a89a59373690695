import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './safe-redirect'

describe('safeRedirectPath', () => {
  it('keeps paths on this site', () => {
    expect(safeRedirectPath('/c/have-your-say/q/2?x=1')).toBe('/c/have-your-say/q/2?x=1')
  })
  it.each(['//evil.example', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/a\nSet-Cookie: x', 42, null])('refuses %s', (value) => {
    expect(safeRedirectPath(value)).toBe('/')
  })
})
