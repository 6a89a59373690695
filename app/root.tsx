import { type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, type ShouldRevalidateFunction, useLoaderData, useLocation, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { DisplaySettings } from './components/display-settings'
import { LanguageSwitch } from './components/language-switch'
import { SymbolModeContext } from './components/symbol'
import { directionOf, namespacesForPath } from './i18n/config'
import { pageResources } from './i18n/resources.server'
import type { Resources } from './i18n/translator'
import stylesheet from './styles/app.css?url'
import { getDisplay } from './services/display.server'
import { getLocale } from './utils/i18n.server'
import { useNonce } from './utils/nonce'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request)
  // Display settings (symbols, Easy Read) for participants; on a consultation's pages its default applies.
  const { pathname } = new URL(request.url)
  const display = await getDisplay(request, pathname.startsWith('/c/') ? params.slug : undefined)
  return { locale, dir: directionOf(locale), display, showDisplaySettings: !pathname.startsWith('/staff'), i18n: pageResources(locale, namespacesForPath(pathname)) }
}

// The page's strings come with this loader's data: load them again when a page needs other namespaces,
// but not after each answer (a survey page's form changes neither language, display nor strings).
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formAction, defaultShouldRevalidate }) => {
  if (namespacesForPath(currentUrl.pathname) !== namespacesForPath(nextUrl.pathname)) return true
  if (formAction?.startsWith('/c/')) return false
  return defaultShouldRevalidate
}

type I18nInstance = ReturnType<typeof useTranslation>['i18n']

/** Gives the browser's translator the strings the loader sent, before anything below renders (on the server they are there already). */
function addPageResources(i18n: I18nInstance, resources: Resources | undefined) {
  for (const [lng, byNs] of Object.entries(resources ?? {})) {
    for (const [ns, strings] of Object.entries(byNs)) {
      if (!i18n.hasResourceBundle(lng, ns)) i18n.addResourceBundle(lng, ns, strings)
    }
  }
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const locale = data?.locale ?? 'en'
  const nonce = useNonce()
  const { t, i18n } = useTranslation()
  addPageResources(i18n, data?.i18n)
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale)
  }, [locale, i18n])
  return (
    <html lang={locale} dir={data?.dir ?? 'ltr'} className={data?.display.symbols ? 'symbol-mode' : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <a className="site-header__name" href="/">
              {t('serviceName')}
            </a>
            <LanguageSwitch current={locale} />
            {data?.showDisplaySettings ? <DisplaySettings display={data.display} /> : null}
          </div>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          <SymbolModeContext.Provider value={data?.display.symbols ?? false}>{children}</SymbolModeContext.Provider>
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t('footer.privacy')}</p>
            <p>
              <a href="/symbols/credits">{t('display:credits.footerLink')}</a>
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  useLoaderData<typeof loader>()
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const location = useLocation()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  if (!notFound) console.error(error)
  return (
    <div className="stack">
      <title>{notFound ? t('errors.notFoundTitle') : t('errors.problemTitle')}</title>
      <h1>{notFound ? t('errors.notFoundTitle') : t('errors.problemTitle')}</h1>
      <p>{notFound ? t('errors.notFoundBody') : t('errors.problemBody')}</p>
      <p>
        <a href={notFound ? '/' : location.pathname}>{notFound ? t('errors.goHome') : t('errors.tryAgain')}</a>
      </p>
    </div>
  )
}
