import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { localeNames, supportedLocales } from '~/i18n/config'

/**
 * A visible language switch. Changing language is a POST (it sets a cookie), never a GET. With
 * JavaScript too it reloads the page, as without: the new page brings its own strings and direction.
 */
export function LanguageSwitch({ current }: { current: string }) {
  const { t } = useTranslation()
  const location = useLocation()
  return (
    <Form method="post" action="/language" reloadDocument className="language-switch" aria-label={t('language.label')}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <span className="visually-hidden">{t('language.label')}</span>
      {supportedLocales
        .filter((locale) => locale !== current)
        .map((locale) => (
          <button key={locale} type="submit" name="lng" value={locale} lang={locale} className="link-button">
            {localeNames[locale]}
          </button>
        ))}
    </Form>
  )
}
