// The staff home: what this user may do, with links only to the pages their roles open.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can, type Permission, permissionsOf, type RouteAccess } from '~/domain/permissions'
import { listConsultations } from '~/models/consultation.server'
import { requireStaffUser } from '~/services/auth.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

/** Any signed-in staff user: the page shows only what their roles allow. */
export const access: RouteAccess = 'signedIn'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

/** Pages of each consultation, and who may open them (the same permission each page's own loader asks for). */
export const consultationPages = [
  { page: 'results', permission: 'results:view' },
  { page: 'findings', permission: 'results:view' },
  { page: 'participation', permission: 'results:view' },
  { page: 'quotes', permission: 'results:view' },
  { page: 'coding', permission: 'stories:code' },
  { page: 'codebook', permission: 'stories:code' },
  { page: 'themes', permission: 'plans:manage' },
  { page: 'actions', permission: 'plans:manage' },
  { page: 'exports', permission: 'results:export' },
  { page: 'report', permission: 'results:export' },
  { page: 'imports', permission: 'responses:import' },
  { page: 'settings', permission: 'consultations:manage' },
  { page: 'share', permission: 'consultations:manage' },
  { page: 'preview', permission: 'consultations:manage' },
] as const satisfies ReadonlyArray<{ page: string; permission: Permission }>

/** Pages that are not about one consultation. */
export const otherPages = [
  { href: '/staff/consultations', label: 'builder', permission: 'consultations:manage' },
  { href: '/staff/plans', label: 'plans', permission: 'plans:manage' },
  { href: '/staff/audit', label: 'auditLog', permission: 'audit:view' },
  { href: '/staff/safeguarding', label: 'safeguarding', permission: 'safeguarding:handle' },
  { href: '/staff/safeguarding/phrases', label: 'safeguardingPhrases', permission: 'safeguarding:phrases' },
  { href: '/staff/stories', label: 'stories', permission: 'stories:moderate' },
  { href: '/staff/symbols', label: 'symbols', permission: 'consultations:manage' },
  { href: '/staff/sessions', label: 'sessions', permission: 'sessions:run' },
  { href: '/staff/users', label: 'users', permission: 'users:manage' },
] as const satisfies ReadonlyArray<{ href: string; label: string; permission: Permission }>

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaffUser(request)
  const { t } = await getT(request)
  const db = getDb()
  const pages = consultationPages.filter((p) => can(user.roles, p.permission)).map((p) => p.page)
  const consultations = pages.length ? (await listConsultations(db)).map((c) => ({ slug: c.slug, status: c.status, pages })) : []
  return {
    title: t('auth:home.title'),
    name: user.name,
    roles: user.roles,
    permissions: permissionsOf(user.roles),
    consultations,
    others: otherPages.filter((p) => can(user.roles, p.permission)).map(({ href, label }) => ({ href, label })),
  }
}

export default function StaffHome() {
  const { title, name, roles, permissions, consultations, others } = useLoaderData<typeof loader>()
  const { t } = useTranslation('auth')
  return (
    <div className="stack">
      <h1>{title}</h1>
      <p className="lead">{t('home.welcome', { name })}</p>
      <p>{t('home.roles', { roles: roles.map((role) => t(`roles.${role}`)).join(', '), count: roles.length })}</p>

      {/* The pages that are not about one consultation come first: one Tab away, however many consultations there are. */}
      {others.length ? (
        <section className="stack" aria-labelledby="more-title">
          <h2 id="more-title">{t('home.more')}</h2>
          <ul className="link-list">
            {others.map((p) => (
              <li key={p.href}>
                <Link to={p.href}>{t(`home.${p.label}`)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {consultations.length ? (
        <section className="stack" aria-labelledby="consultations-title">
          <h2 id="consultations-title">{t('home.consultations')}</h2>
          {consultations.map((c) => (
            <div key={c.slug} className="stack" data-testid={`staff-consultation-${c.slug}`}>
              <h3>
                {c.slug} <span className="hint">({t(`home.status.${c.status}`)})</span>
              </h3>
              <ul className="link-list">
                {c.pages.map((page) => (
                  <li key={page}>
                    <Link to={`/staff/consultations/${c.slug}/${page}`} aria-label={t('home.pageOf', { page: t(`home.pages.${page}`), slug: c.slug })}>
                      {t(`home.pages.${page}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}

      <section className="stack" aria-labelledby="can-title">
        <h2 id="can-title">{t('home.youCan')}</h2>
        {permissions.length ? (
          <ul data-testid="staff-permissions">
            {permissions.map((permission) => (
              <li key={permission} data-permission={permission}>
                {t(`permissions.${permission.replace(':', '-')}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('home.nothing')}</p>
        )}
      </section>

      <section className="stack" aria-labelledby="account-title">
        <h2 id="account-title">{t('home.account')}</h2>
        <ul className="link-list">
          <li>
            <Link to="/staff/account/password">{t('home.changePassword')}</Link>
          </li>
        </ul>
      </section>
    </div>
  )
}
