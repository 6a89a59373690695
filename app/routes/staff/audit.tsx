// The audit log, newest first, a page at a time. Admins only; nothing here can change it.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteAccess } from '~/domain/permissions'
import { auditPage } from '~/services/audit.server'
import { requirePermission } from '~/services/auth.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'audit:view'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audit:view')
  const { t } = await getT(request)
  const requested = Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10)
  const page = await auditPage(getDb(), Number.isFinite(requested) ? requested : 1)
  return { title: t('auth:audit.title'), ...page }
}

export default function AuditLog() {
  const { title, events, page, pageCount, total } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('auth')
  const when = new Intl.DateTimeFormat(i18n.language === 'cy' ? 'cy-GB' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/London' })
  return (
    <div className="stack">
      <h1>{title}</h1>
      <p>{t('audit.intro', { count: total })}</p>
      {events.length ? (
        <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="audit-caption">
          <table className="table" data-testid="audit-events">
            <caption id="audit-caption">{t('audit.caption', { page, pageCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} data-action={event.action}>
                  <td>
                    <time dateTime={event.at}>{when.format(new Date(event.at))}</time>
                  </td>
                  <td>{event.userName ? `${event.userName} (${event.userEmail})` : t('audit.system')}</td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td>
                    <code>{event.subject}</code>
                  </td>
                  <td className="audit-details">{event.details ? <code>{event.details}</code> : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('audit.empty')}</p>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t('audit.pagesLabel')} className="pager">
          <ul className="pager__list">
            {page > 1 ? (
              <li>
                <Link to={`?page=${page - 1}`} rel="prev">
                  {t('audit.newer')}
                </Link>
              </li>
            ) : null}
            <li aria-current="page">{t('audit.pageOf', { page, pageCount })}</li>
            {page < pageCount ? (
              <li>
                <Link to={`?page=${page + 1}`} rel="next">
                  {t('audit.older')}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  )
}
