// The consultations list: every consultation with its status, and the builder's pages for each.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { consultationList } from '~/services/consultations.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const { t, locale } = await getT(request)
  return { pageTitle: t('builder:list.title'), consultations: await consultationList(getDb(), locale) }
}

export default function ConsultationsPage() {
  const { pageTitle, consultations } = useLoaderData<typeof loader>()
  const { t } = useTranslation('builder')
  return (
    <div className="stack">
      <h1>{pageTitle}</h1>
      <p>{t('list.intro')}</p>
      <ul className="link-list">
        <li>
          <Link to="/staff/consultations/new">{t('list.create')}</Link>
        </li>
        <li>
          <Link to="/staff/consultations/new-from-file">{t('list.import')}</Link>
        </li>
      </ul>
      {consultations.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="consultations">
            <caption>{t('list.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.columnTitle')}</th>
                <th scope="col">{t('list.columnAddress')}</th>
                <th scope="col">{t('list.columnStatus')}</th>
                <th scope="col">{t('list.columnPages')}</th>
              </tr>
            </thead>
            <tbody>
              {consultations.map((c) => (
                <tr key={c.slug} data-slug={c.slug}>
                  <th scope="row" lang={c.titleLang}>
                    {c.title}
                  </th>
                  <td>
                    <code>{c.slug}</code>
                  </td>
                  <td>{t(`status.${c.status}`)}</td>
                  <td>
                    <ul className="link-list">
                      <li>
                        <Link to={`/staff/consultations/${c.slug}/settings`} aria-label={t('list.settingsOf', { title: c.title })}>
                          {t('list.settings')}
                        </Link>
                      </li>
                      {c.status === 'open' ? (
                        <li>
                          <Link to={`/staff/consultations/${c.slug}/share`} aria-label={t('list.shareOf', { title: c.title })}>
                            {t('list.share')}
                          </Link>
                        </li>
                      ) : null}
                      <li>
                        <a href={`/staff/consultations/${c.slug}/definition.json`} download aria-label={t('list.exportOf', { title: c.title })}>
                          {t('list.export')}
                        </a>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
