// The texts of a consultation in every language and in Easy Read (staff builder, "Texts" pages):
// which texts there are, what each page shows beside each box, what is still missing, and what a
// saved page changes. Pure: the caller loads the questions, options and translations.
import type { TextEntry } from './content'

export const registers = ['plain', 'easy'] as const
export type TextRegister = (typeof registers)[number]
export const TEXT_MAX = 5000

export interface TextSlot {
  entityType: 'consultation' | 'question' | 'option'
  entityId: string
  field: 'title' | 'description' | 'prompt' | 'hint' | 'label'
  /** The question's number (1…) for question and option texts */
  questionNumber: number | null
  /** The option's number within its question (1…) */
  optionNumber: number | null
}

export interface SlotQuestion {
  id: string
  options: Array<{ id: string }>
}

/** Every text of a consultation, in page order: title, description, then each question's prompt, hint and option labels. */
export function textSlots(consultationId: string, questions: readonly SlotQuestion[]): TextSlot[] {
  const slots: TextSlot[] = [
    { entityType: 'consultation', entityId: consultationId, field: 'title', questionNumber: null, optionNumber: null },
    { entityType: 'consultation', entityId: consultationId, field: 'description', questionNumber: null, optionNumber: null },
  ]
  questions.forEach((q, qi) => {
    slots.push({ entityType: 'question', entityId: q.id, field: 'prompt', questionNumber: qi + 1, optionNumber: null })
    slots.push({ entityType: 'question', entityId: q.id, field: 'hint', questionNumber: qi + 1, optionNumber: null })
    q.options.forEach((o, oi) => slots.push({ entityType: 'option', entityId: o.id, field: 'label', questionNumber: qi + 1, optionNumber: oi + 1 }))
  })
  return slots
}

/** The form field (and element id) of a slot's box. */
export function slotName(slot: Pick<TextSlot, 'entityType' | 'entityId' | 'field'>): string {
  return `text-${slot.entityType}-${slot.entityId}-${slot.field}`
}

export interface TextRow {
  slot: TextSlot
  name: string
  /** What the box is a version of: the default language's text (Easy Read pages: its Easy Read text when there is one) */
  source: string
  /** The source's register (an Easy Read page in another language shows the Easy Read source when there is one) */
  sourceRegister: TextRegister
  /** The stored text for this page's language and register, '' when there is none */
  value: string
}

function indexTexts(texts: readonly TextEntry[]) {
  const map = new Map<string, string>()
  for (const t of texts) map.set(`${t.entityType}|${t.entityId}|${t.field}|${t.locale}|${t.register}`, t.value)
  return (slot: TextSlot, locale: string, register: TextRegister) => map.get(`${slot.entityType}|${slot.entityId}|${slot.field}|${locale}|${register}`)
}

/** Pages that exist: every language in Easy Read, and every language but the default in plain words (those are written on the question pages). */
export function isTextPage(locale: string, register: string, { locales, defaultLocale }: { locales: readonly string[]; defaultLocale: string }): register is TextRegister {
  if (!locales.includes(locale) || !(registers as readonly string[]).includes(register)) return false
  return !(register === 'plain' && locale === defaultLocale)
}

/** The rows of one language-and-register page: each text that exists in the default language, with the box's current value. */
export function textPage(
  slots: readonly TextSlot[],
  texts: readonly TextEntry[],
  { locale, register, defaultLocale }: { locale: string; register: TextRegister; defaultLocale: string }
): TextRow[] {
  const text = indexTexts(texts)
  return slots.flatMap((slot): TextRow[] => {
    const plain = text(slot, defaultLocale, 'plain')
    if (!plain) return []
    const easySource = register === 'easy' && locale !== defaultLocale ? text(slot, defaultLocale, 'easy') : undefined
    return [{ slot, name: slotName(slot), source: easySource ?? plain, sourceRegister: easySource ? 'easy' : 'plain', value: text(slot, locale, register) ?? '' }]
  })
}

/** The rows with no text yet. */
export function missingRows(rows: readonly TextRow[]): TextRow[] {
  return rows.filter((r) => !r.value.trim())
}

export interface TextPageSummary {
  locale: string
  register: TextRegister
  total: number
  missing: number
}

/** How much is left on each page (language × register). */
export function textSummary(
  slots: readonly TextSlot[],
  texts: readonly TextEntry[],
  { locales, defaultLocale }: { locales: readonly string[]; defaultLocale: string }
): TextPageSummary[] {
  const pages: TextPageSummary[] = []
  for (const register of registers) {
    for (const locale of locales) {
      if (!isTextPage(locale, register, { locales, defaultLocale })) continue
      const rows = textPage(slots, texts, { locale, register, defaultLocale })
      pages.push({ locale, register, total: rows.length, missing: missingRows(rows).length })
    }
  }
  return pages
}

export interface TextChange {
  slot: TextSlot
  before: string | null
  /** null removes the text */
  after: string | null
}

export type TextFormResult =
  | { ok: true; changes: TextChange[] }
  | { ok: false; errors: Record<string, { code: string; values?: Record<string, number> }>; values: Record<string, string> }

/** Reads a saved page: one box per row; an emptied box removes that text. */
export function readTextForm(rows: readonly TextRow[], form: { get(name: string): unknown }): TextFormResult {
  const values: Record<string, string> = {}
  const errors: Record<string, { code: string; values?: Record<string, number> }> = {}
  const changes: TextChange[] = []
  for (const row of rows) {
    const raw = form.get(row.name)
    if (typeof raw !== 'string') continue // not on the form: left as it is
    values[row.name] = raw
    const after = raw.trim()
    if (after.length > TEXT_MAX) errors[row.name] = { code: 'tooLong', values: { max: TEXT_MAX } }
    const before = row.value.trim()
    if (after !== before) changes.push({ slot: row.slot, before: before || null, after: after || null })
  }
  if (Object.keys(errors).length) return { ok: false, errors, values }
  return { ok: true, changes }
}
