// Every locale's interface strings, read from locales/<locale>/<namespace>.json at build time.
// Server only: the browser gets one language's namespaces for the page from the root loader
// (see pageResources), never this whole table in its JavaScript.
import { defaultLocale, isLocale, type Locale, type Namespace, namespaces } from './config'
import type { Resources, Strings } from './translator'

const files = import.meta.glob<Strings>('../../locales/*/*.json', { eager: true, import: 'default' })

export const resources = {} as Record<Locale, Record<Namespace, Strings>>
for (const [path, strings] of Object.entries(files)) {
  const [, locale, namespace] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? []
  if (!isLocale(locale) || !(namespaces as readonly string[]).includes(namespace)) continue
  resources[locale] ??= {} as Record<Namespace, Strings>
  resources[locale][namespace as Namespace] = strings
}

/** The strings of `fallback` whose keys `strings` lacks (so a page in progress shows English, as i18next does). */
function missing(strings: Strings | undefined, fallback: Strings): Strings | undefined {
  let out: Strings | undefined
  for (const [key, value] of Object.entries(fallback)) {
    const own = strings?.[key]
    const gap = typeof value === 'string' ? (own === undefined ? value : undefined) : missing(typeof own === 'object' ? own : undefined, value)
    if (gap !== undefined) (out ??= {})[key] = gap
  }
  return out
}

/**
 * What a page needs to translate itself in the browser: its locale's strings for `names`, and,
 * for any key that locale still lacks, the default locale's string. Normally the second part is empty.
 */
export function pageResources(locale: Locale, names: readonly Namespace[]): Resources {
  const own: Record<string, Strings> = {}
  const fallback: Record<string, Strings> = {}
  for (const ns of names) {
    own[ns] = resources[locale]?.[ns] ?? {}
    const gaps = locale === defaultLocale ? undefined : missing(own[ns], resources[defaultLocale]?.[ns] ?? {})
    if (gaps) fallback[ns] = gaps
  }
  return Object.keys(fallback).length ? { [locale]: own, [defaultLocale]: fallback } : { [locale]: own }
}
