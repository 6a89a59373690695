import { describe, expect, it } from 'vitest'
import { applyDisplayForm, parseDisplayChoice, registerFor, resolveDisplay } from './display'

describe('display settings', () => {
  it('reads a stored choice, ignoring anything that is not a yes or no', () => {
    expect(parseDisplayChoice({ symbols: true, easyRead: false })).toEqual({ symbols: true, easyRead: false })
    expect(parseDisplayChoice({ symbols: 'yes', easyRead: 1, other: true })).toEqual({})
    expect(parseDisplayChoice(null)).toEqual({})
    expect(parseDisplayChoice('symbols')).toEqual({})
  })

  it('uses the consultation’s default for symbols until the participant chooses', () => {
    expect(resolveDisplay({}, { symbols: true })).toEqual({ symbols: true, easyRead: false })
    expect(resolveDisplay({}, { symbols: false })).toEqual({ symbols: false, easyRead: false })
    expect(resolveDisplay({ symbols: false }, { symbols: true })).toEqual({ symbols: false, easyRead: false })
    expect(resolveDisplay({ symbols: true, easyRead: true })).toEqual({ symbols: true, easyRead: true })
  })

  it('applies the switch that was pressed and keeps the other', () => {
    expect(applyDisplayForm({}, { symbols: 'on' })).toEqual({ symbols: true })
    expect(applyDisplayForm({ symbols: true }, { easyRead: 'on' })).toEqual({ symbols: true, easyRead: true })
    expect(applyDisplayForm({ symbols: true, easyRead: true }, { symbols: 'off' })).toEqual({ symbols: false, easyRead: true })
    expect(applyDisplayForm({ easyRead: true }, { easyRead: 'maybe', symbols: '<script>' })).toEqual({ easyRead: true })
  })

  it('maps Easy Read to the easy text register', () => {
    expect(registerFor({ easyRead: true })).toBe('easy')
    expect(registerFor({ easyRead: false })).toBe('plain')
  })
})
