// The staff preview's view settings (language, symbols, Easy Read), read from and written to the
// address (GET links), so switching needs no JavaScript and saves nothing: not even a cookie.
import { defaultLocale, isLocale, type Locale } from '~/i18n/config'

export interface PreviewView {
  lang: Locale
  symbols: boolean
  easyRead: boolean
}

/** The view named by a URL's query: ?lang=cy&symbols=1&easyRead=1. Unknown values fall back to `fallbackLang`, plain text, no symbols. */
export function parsePreviewView(search: URLSearchParams, fallbackLang: Locale = defaultLocale): PreviewView {
  const lang = search.get('lang')
  return { lang: isLocale(lang) ? lang : fallbackLang, symbols: search.get('symbols') === '1', easyRead: search.get('easyRead') === '1' }
}

/** The query string (with its "?") for a view; the same view always gives the same string. */
export function previewQuery(view: PreviewView): string {
  const params = new URLSearchParams({ lang: view.lang })
  if (view.symbols) params.set('symbols', '1')
  if (view.easyRead) params.set('easyRead', '1')
  return `?${params.toString()}`
}

/** Where a preview page is: the start page (position null) or a question. */
export function previewHref(slug: string, position: number | null, view: PreviewView): string {
  const base = `/staff/consultations/${encodeURIComponent(slug)}/preview`
  return `${position === null ? base : `${base}/q/${position}`}${previewQuery(view)}`
}
