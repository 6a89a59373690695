// Every staff page sits in this layout: who is signed in, their account, and sign-out.
// It guards nothing itself (each page's loader checks its own permission); it only shows the bar.
import { type LoaderFunctionArgs } from '@remix-run/node'
import { Form, isRouteErrorResponse, Link, Outlet, useLoaderData, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteAccess } from '~/domain/permissions'
import { getStaffUser } from '~/services/auth.server'

/** Shows the name of whoever is signed in, and nothing else: each page below checks its own permission. */
export const access: RouteAccess = 'public'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getStaffUser(request)
  return { user: user ? { name: user.name } : null }
}

function StaffBar({ name }: { name: string }) {
  const { t } = useTranslation('auth')
  return (
    <nav className="staff-bar" aria-label={t('layout.navLabel')}>
      <p className="staff-bar__who">{t('layout.signedInAs', { name })}</p>
      <ul className="staff-bar__links">
        <li>
          <Link to="/staff">{t('layout.home')}</Link>
        </li>
        <li>
          <Link to="/staff/account/password">{t('layout.password')}</Link>
        </li>
        <li>
          <Form method="post" action="/staff/sign-out">
            <button type="submit" className="button button--secondary button--small">
              {t('layout.signOut')}
            </button>
          </Form>
        </li>
      </ul>
    </nav>
  )
}

export default function StaffLayout() {
  const { user } = useLoaderData<typeof loader>()
  return (
    <div className="stack staff-layout">
      {user ? <StaffBar name={user.name} /> : null}
      <Outlet />
    </div>
  )
}

/** A page this user may not open (403) says so plainly; anything else gets the app's usual error page. */
export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation(['auth', 'common'])
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <div className="stack">
        <title>{t('forbidden.title')}</title>
        <h1>{t('forbidden.title')}</h1>
        <p>{t('forbidden.body')}</p>
        <p>
          <Link to="/staff">{t('forbidden.home')}</Link>
        </p>
      </div>
    )
  }
  const notFound = isRouteErrorResponse(error) && error.status === 404
  if (!notFound) console.error(error)
  const title = notFound ? t('common:errors.notFoundTitle') : t('common:errors.problemTitle')
  return (
    <div className="stack">
      <title>{title}</title>
      <h1>{title}</h1>
      <p>
        <Link to="/staff">{t('forbidden.home')}</Link>
      </p>
    </div>
  )
}
