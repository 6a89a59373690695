import { type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLoaderData, useLocation, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './components/language-switch'
import { directionOf } from './i18n/config'
import stylesheet from './styles/app.css?url'
import { getLocale } from './utils/i18n.server'
import { useNonce } from './utils/nonce'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request)
  return { locale, dir: directionOf(locale) }
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const locale = data?.locale ?? 'en'
  const nonce = useNonce()
  const { t, i18n } = useTranslation()
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale)
  }, [locale, i18n])
  return (
    <html lang={locale} dir={data?.dir ?? 'ltr'}>
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
          </div>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t('footer.privacy')}</p>
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
