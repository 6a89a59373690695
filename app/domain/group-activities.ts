// Entering a group activity's result from the facilitator's form: a diamond 9, dot votes, or a
// ranking the group agreed. Every card or choice is a plain field (a select or a number box), so a
// result is typed with the keyboard and never needs a drag. Pure: form fields in, a checked result
// or errors (translation keys in the `groups` namespace) out.
import { z } from 'zod'
import { DIAMOND_ROWS } from './group-evidence'

export const groupKinds = ['diamond9', 'dots', 'ranking'] as const
export type GroupKind = (typeof groupKinds)[number]

export function isGroupKind(value: unknown): value is GroupKind {
  return typeof value === 'string' && (groupKinds as readonly string[]).includes(value)
}

/** Cards in a diamond: rows of 1, 2, 3, 2, 1. */
export const DIAMOND_CARDS = DIAMOND_ROWS.reduce((sum, cards) => sum + cards, 0)
/** The select value of a card left out of the diamond. */
export const DISCARD = 'discard'
export const MAX_PEOPLE = 500
export const MAX_DOTS_PER_PERSON = 20
export const MAX_LABEL_LENGTH = 60

export interface GroupFormError {
  field: string
  messageKey: string
  values?: Record<string, string | number>
}

export interface GroupItem {
  optionKey: string
  /** Diamond 9: row 1..5 (1 = top); null = discarded. */
  tier: number | null
  dots: number | null
  /** Group ranking: 1 = first; null = not ranked. */
  rank: number | null
}

export interface GroupEntry {
  kind: GroupKind
  label: string | null
  people: number
  dotsPerPerson: number | null
  agreed: number | null
  items: GroupItem[]
}

export type ParsedGroupEntry = { ok: true; entry: GroupEntry } | { ok: false; errors: GroupFormError[]; values: Record<string, string> }

export interface FormFields {
  get(name: string): FormDataEntryValue | null
}

export const groupFieldIds = {
  label: 'label',
  people: 'people',
  dotsPerPerson: 'dotsPerPerson',
  agreed: 'agreed',
  tier: (optionKey: string) => `tier-${optionKey}`,
  dots: (optionKey: string) => `dots-${optionKey}`,
  rank: (optionKey: string) => `rank-${optionKey}`,
}

/** Which questions can hold a group activity: a diamond needs at least nine cards; dots and rankings two choices. */
export function questionFitsKind(kind: GroupKind, question: { type: string; options: unknown[] }): boolean {
  if (question.type === 'text') return false
  return question.options.length >= (kind === 'diamond9' ? DIAMOND_CARDS : 2)
}

/** How many cards a diamond of this many cards leaves out. */
export function discardsFor(cards: number): number {
  return Math.max(0, cards - DIAMOND_CARDS)
}

const whole = (max: number, code: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, code)
    .transform(Number)
    .pipe(z.number().max(max, code))

const peopleSchema = z
  .string()
  .trim()
  .min(1, 'groups:errors.peopleMissing')
  .pipe(whole(MAX_PEOPLE, 'groups:errors.peopleNumber'))
  .pipe(z.number().min(1, 'groups:errors.peopleNumber'))
const labelSchema = z.string().trim().max(MAX_LABEL_LENGTH, 'groups:errors.labelTooLong')
const dotsPerPersonSchema = z
  .string()
  .trim()
  .min(1, 'groups:errors.dotsPerPersonMissing')
  .pipe(whole(MAX_DOTS_PER_PERSON, 'groups:errors.dotsPerPersonNumber'))
  .pipe(z.number().min(1, 'groups:errors.dotsPerPersonNumber'))
const dotsSchema = z
  .string()
  .trim()
  .transform((s) => (s === '' ? '0' : s))
  .pipe(whole(99_999, 'groups:errors.dotsNumber'))
const optionalWhole = (max: number, code: string) =>
  z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : s))
    .pipe(whole(max, code).nullable())

function text(form: FormFields, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

function check<T>(schema: z.ZodType<T, z.ZodTypeDef, string>, raw: string, field: string, errors: GroupFormError[], values?: GroupFormError['values']): T | undefined {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  errors.push({ field, messageKey: parsed.error.issues[0]?.message ?? 'groups:errors.invalid', values })
  return undefined
}

/** Reads a group's result for one question's options (in question order) from the posted form. */
export function parseGroupEntry(kind: GroupKind, options: Array<{ key: string; label: string }>, form: FormFields): ParsedGroupEntry {
  const errors: GroupFormError[] = []
  const values: Record<string, string> = {}
  const keep = (name: string) => (values[name] = text(form, name))
  const label = check(labelSchema, keep(groupFieldIds.label), groupFieldIds.label, errors, { max: MAX_LABEL_LENGTH })
  const people = check(peopleSchema, keep(groupFieldIds.people), groupFieldIds.people, errors, { max: MAX_PEOPLE })
  let entry: GroupEntry | undefined
  if (kind === 'diamond9') entry = parseDiamond(options, form, keep, errors)
  else if (kind === 'dots') entry = parseDots(options, form, keep, errors, people)
  else entry = parseRanking(options, form, keep, errors, people)
  if (errors.length || !entry || people === undefined || label === undefined) return { ok: false, errors, values }
  return { ok: true, entry: { ...entry, label: label || null, people } }
}

type Keep = (name: string) => string

function parseDiamond(options: Array<{ key: string; label: string }>, form: FormFields, keep: Keep, errors: GroupFormError[]): GroupEntry | undefined {
  if (options.length < DIAMOND_CARDS) {
    errors.push({ field: groupFieldIds.tier(options[0]?.key ?? 'none'), messageKey: 'groups:errors.tooFewCards', values: { min: DIAMOND_CARDS } })
    return undefined
  }
  const items: GroupItem[] = []
  const byTier = new Map<number | null, string[]>()
  let missing = false
  for (const option of options) {
    const raw = keep(groupFieldIds.tier(option.key)).trim()
    let tier: number | null
    if (raw === DISCARD) tier = null
    else if (/^[1-5]$/.test(raw)) tier = Number(raw)
    else {
      errors.push({ field: groupFieldIds.tier(option.key), messageKey: raw === '' ? 'groups:errors.tierMissing' : 'groups:errors.tierInvalid', values: { card: option.label } })
      missing = true
      continue
    }
    byTier.set(tier, [...(byTier.get(tier) ?? []), option.key])
    items.push({ optionKey: option.key, tier, dots: null, rank: null })
  }
  if (missing) return undefined
  // Each row holds exactly its number of cards; the error sits on the first card of a row with too
  // many, or on the first card not yet in a row that has too few.
  const firstOutside = (tier: number) => options.find((o) => !(byTier.get(tier) ?? []).includes(o.key))?.key ?? options[0].key
  DIAMOND_ROWS.forEach((need, index) => {
    const row = index + 1
    const cards = byTier.get(row) ?? []
    if (cards.length !== need) {
      errors.push({ field: groupFieldIds.tier(cards.length > need ? cards[0] : firstOutside(row)), messageKey: cards.length > need ? 'groups:errors.rowTooMany' : 'groups:errors.rowTooFew', values: { row, need, got: cards.length } })
    }
  })
  const discarded = byTier.get(null) ?? []
  const needDiscards = discardsFor(options.length)
  if (discarded.length !== needDiscards && errors.length === 0) {
    errors.push({ field: groupFieldIds.tier(discarded[0] ?? options[0].key), messageKey: 'groups:errors.discardCount', values: { need: needDiscards, got: discarded.length } })
  }
  return errors.length ? undefined : { kind: 'diamond9', label: null, people: 0, dotsPerPerson: null, agreed: null, items }
}

function parseDots(options: Array<{ key: string; label: string }>, form: FormFields, keep: Keep, errors: GroupFormError[], people: number | undefined): GroupEntry | undefined {
  const perPerson = check(dotsPerPersonSchema, keep(groupFieldIds.dotsPerPerson), groupFieldIds.dotsPerPerson, errors, { max: MAX_DOTS_PER_PERSON })
  const items: GroupItem[] = []
  let bad = false
  for (const option of options) {
    const dots = check(dotsSchema, keep(groupFieldIds.dots(option.key)), groupFieldIds.dots(option.key), errors, { card: option.label })
    if (dots === undefined) bad = true
    else items.push({ optionKey: option.key, tier: null, dots, rank: null })
  }
  if (bad || perPerson === undefined) return undefined
  const total = items.reduce((sum, item) => sum + (item.dots ?? 0), 0)
  const firstField = groupFieldIds.dots(options[0]?.key ?? 'none')
  // Stacking is allowed (several dots on one choice), but a group cannot place more dots than it had.
  if (total === 0) errors.push({ field: firstField, messageKey: 'groups:errors.noDots' })
  else if (people !== undefined && total > people * perPerson) errors.push({ field: firstField, messageKey: 'groups:errors.tooManyDots', values: { total, max: people * perPerson, people, perPerson } })
  return errors.length ? undefined : { kind: 'dots', label: null, people: 0, dotsPerPerson: perPerson, agreed: null, items }
}

function parseRanking(options: Array<{ key: string; label: string }>, form: FormFields, keep: Keep, errors: GroupFormError[], people: number | undefined): GroupEntry | undefined {
  const positions = options.length
  const agreed = check(optionalWhole(MAX_PEOPLE, 'groups:errors.agreedNumber'), keep(groupFieldIds.agreed), groupFieldIds.agreed, errors)
  const byPosition = new Map<number, string[]>()
  const items: GroupItem[] = []
  for (const option of options) {
    const raw = keep(groupFieldIds.rank(option.key)).trim()
    if (raw === '') {
      items.push({ optionKey: option.key, tier: null, dots: null, rank: null })
      continue
    }
    const position = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN
    if (!(position >= 1 && position <= positions)) {
      errors.push({ field: groupFieldIds.rank(option.key), messageKey: 'groups:errors.rankOutOfRange', values: { card: option.label, max: positions } })
      continue
    }
    byPosition.set(position, [...(byPosition.get(position) ?? []), option.key])
    items.push({ optionKey: option.key, tier: null, dots: null, rank: position })
  }
  for (const [position, keys] of byPosition) {
    if (keys.length > 1) errors.push({ field: groupFieldIds.rank(keys[1]), messageKey: 'groups:errors.rankTwice', values: { position } })
  }
  // The agreed order may stop early (a top 3 of 9), but it has no gaps: 1, 2, 3 — not 1, 3.
  const used = [...byPosition.keys()].sort((a, b) => a - b)
  if (used.length === 0 && errors.length === 0) errors.push({ field: groupFieldIds.rank(options[0]?.key ?? 'none'), messageKey: 'groups:errors.rankNone' })
  const gap = used.findIndex((position, index) => position !== index + 1)
  if (gap >= 0) {
    const unplaced = options.find((o) => !items.some((i) => i.optionKey === o.key && i.rank !== null))
    errors.push({ field: groupFieldIds.rank(unplaced?.key ?? options[0].key), messageKey: 'groups:errors.rankGap', values: { position: gap + 1 } })
  }
  if (agreed !== undefined && agreed !== null && people !== undefined && agreed > people) errors.push({ field: groupFieldIds.agreed, messageKey: 'groups:errors.agreedTooMany', values: { agreed, people } })
  return errors.length ? undefined : { kind: 'ranking', label: null, people: 0, dotsPerPerson: null, agreed: agreed ?? null, items }
}

/** The order a group ranking gives, best first. */
export function rankingOrder(items: GroupItem[]): string[] {
  return items
    .filter((item) => item.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((item) => item.optionKey)
}
