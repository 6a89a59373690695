import { defaultLocale, isLocale, type Locale, localeFromAcceptLanguage } from '~/i18n/config'
import { createI18n } from '~/i18n/i18n'
import { localeCookie } from './session.server'

/** The language to show: the visible switch (cookie) first, then the browser's Accept-Language. */
export async function getLocale(request: Request): Promise<Locale> {
  const chosen = await localeCookie().parse(request.headers.get('Cookie'))
  if (isLocale(chosen)) return chosen
  return localeFromAcceptLanguage(request.headers.get('Accept-Language')) ?? defaultLocale
}

export async function getT(request: Request) {
  const locale = await getLocale(request)
  return { locale, t: createI18n(locale).t }
}
