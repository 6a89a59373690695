import { createInstance, type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { defaultLocale, namespaces, supportedLocales } from './config'
import { resources } from './resources.server'

/**
 * A ready i18next instance for one locale, with every locale's strings (synchronous).
 * Server and tests only: the browser uses app/i18n/react-i18next-lite.tsx with the page's strings.
 */
export function createI18n(locale: string): I18n {
  const instance = createInstance()
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: [...supportedLocales],
    ns: [...namespaces],
    defaultNS: 'common',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  })
  return instance
}
