// A participant's display settings: symbol-supported mode and Easy Read.
// What they chose is kept in a cookie; what they have not chosen comes from the consultation
// (a planner can make symbol mode the default for a consultation made for children who use symbols).
import type { Register } from './content'

/** What the participant chose; a missing field means "not chosen". */
export interface DisplayChoice {
  symbols?: boolean
  easyRead?: boolean
}

export interface Display {
  symbols: boolean
  easyRead: boolean
}

export interface DisplayDefaults {
  symbols: boolean
}

export const displaySettings = ['symbols', 'easyRead'] as const
export type DisplaySetting = (typeof displaySettings)[number]

/** Reads a cookie's value leniently: anything unexpected counts as "not chosen". */
export function parseDisplayChoice(value: unknown): DisplayChoice {
  if (!value || typeof value !== 'object') return {}
  const record = value as Record<string, unknown>
  const choice: DisplayChoice = {}
  for (const setting of displaySettings) if (typeof record[setting] === 'boolean') choice[setting] = record[setting] as boolean
  return choice
}

export function resolveDisplay(choice: DisplayChoice, defaults: DisplayDefaults = { symbols: false }): Display {
  return { symbols: choice.symbols ?? defaults.symbols, easyRead: choice.easyRead ?? false }
}

/**
 * Applies the display form: each switch sends its own name with "on" or "off". Values other
 * than those are ignored, so a tampered form cannot store anything else.
 */
export function applyDisplayForm(choice: DisplayChoice, form: Partial<Record<DisplaySetting, unknown>>): DisplayChoice {
  const next: DisplayChoice = { ...choice }
  for (const setting of displaySettings) {
    const value = form[setting]
    if (value === 'on') next[setting] = true
    else if (value === 'off') next[setting] = false
  }
  return next
}

export function registerFor(display: Pick<Display, 'easyRead'>): Register {
  return display.easyRead ? 'easy' : 'plain'
}
