import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { defaultLocale, namespaces } from './i18n/config'
import { Translator } from './i18n/translator'

// No strings here: the root loader sends the page's language and namespaces, and the root layout
// adds them before anything is rendered (see I18nResources in root.tsx).
const i18n = new Translator({ language: document.documentElement.lang || defaultLocale, fallbackLanguage: defaultLocale, defaultNS: namespaces[0] })

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <I18nextProvider i18n={i18n as never}>
        <RemixBrowser />
      </I18nextProvider>
    </StrictMode>,
  )
})
