// Languages the interface ships in. Survey content has its own translations in the database.
export const supportedLocales = ['en', 'cy', 'ar'] as const
export type Locale = (typeof supportedLocales)[number]
export const defaultLocale: Locale = 'en'
export const namespaces = ['common', 'participant', 'staff', 'receipt', 'display', 'questions', 'auth', 'analysis', 'exports', 'findings', 'symbols', 'safeguarding', 'builder', 'staffadmin', 'editor', 'groups', 'stories', 'sessions', 'coding'] as const
export const rtlLocales: readonly string[] = ['ar', 'ur', 'he', 'fa']

/** Each language's own name, shown in the language switch. */
export const localeNames: Record<Locale, string> = { en: 'English', cy: 'Cymraeg', ar: 'العربية' }

export type Namespace = (typeof namespaces)[number]

/**
 * The namespaces a page's interface strings come from, by its path. The browser gets only these,
 * in one language, with the root loader's data (not in the JavaScript). Participant pages are the
 * ones read on old phones, so they get a small set; anything else gets every namespace.
 */
export const participantNamespaces: readonly Namespace[] = ['common', 'participant', 'questions', 'display', 'receipt']
/** The support page after a worrying answer (app/routes/participant/support.tsx) also needs its own strings. */
export const supportPageNamespaces: readonly Namespace[] = [...participantNamespaces, 'safeguarding']
/** Joining a group session (/join) also needs the sessions strings (issue #6). */
export const joinPageNamespaces: readonly Namespace[] = [...participantNamespaces, 'sessions']
export function namespacesForPath(pathname: string): readonly Namespace[] {
  if (/^\/c\/[^/]+\/support\/?$/.test(pathname)) return supportPageNamespaces
  if (/^\/join(\/|$)/.test(pathname)) return joinPageNamespaces
  const participant = pathname === '/' || /^\/(c|receipt|symbols)(\/|$)/.test(pathname)
  return participant ? participantNamespaces : namespaces
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value)
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return rtlLocales.includes(locale) ? 'rtl' : 'ltr'
}

/** Picks the best supported locale from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 }
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) {
    const base = tag.split('-')[0]
    if (isLocale(base)) return base
  }
  return undefined
}
