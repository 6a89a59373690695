// Survey text lives in translations: per entity, field, language and register (plain or Easy Read).
// A participant sees their language when it exists, else the consultation's default language;
// Easy Read when chosen and present, else plain.

export type Register = 'plain' | 'easy'

export interface TextEntry {
  entityType: string
  entityId: string
  field: string
  locale: string
  register: Register
  value: string
}

export interface TextPreference {
  locale: string
  defaultLocale: string
  register: Register
}

export type TextLookup = (entityType: string, entityId: string, field: string) => string | null

/** A text as found: its words, and the language and register they are in (which may be a fallback). */
export interface ResolvedText {
  value: string
  locale: string
  register: Register
}

export type TextResolver = (entityType: string, entityId: string, field: string) => ResolvedText | null

export function createTextResolver(entries: TextEntry[], preference: TextPreference): TextResolver {
  const index = new Map<string, string>()
  for (const e of entries) index.set(`${e.entityType}|${e.entityId}|${e.field}|${e.locale}|${e.register}`, e.value)
  const attempts: Array<[string, Register]> = [
    [preference.locale, preference.register],
    [preference.locale, 'plain'],
    [preference.defaultLocale, preference.register],
    [preference.defaultLocale, 'plain'],
  ]
  return (entityType, entityId, field) => {
    for (const [locale, register] of attempts) {
      const value = index.get(`${entityType}|${entityId}|${field}|${locale}|${register}`)
      if (value !== undefined && value !== '') return { value, locale, register }
    }
    return null
  }
}

export function createTextLookup(entries: TextEntry[], preference: TextPreference): TextLookup {
  const resolve = createTextResolver(entries, preference)
  return (entityType, entityId, field) => resolve(entityType, entityId, field)?.value ?? null
}

/**
 * The `lang` attribute a text needs on a page in `pageLocale`: its own language when it is a
 * fallback in another language (so a screen reader reads English words as English), else none.
 */
export function langAttribute(text: ResolvedText | null, pageLocale: string): string | undefined {
  return text && text.locale !== pageLocale ? text.locale : undefined
}
