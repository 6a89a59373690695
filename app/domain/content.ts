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

export function createTextLookup(entries: TextEntry[], preference: TextPreference): TextLookup {
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
      if (value !== undefined && value !== '') return value
    }
    return null
  }
}
