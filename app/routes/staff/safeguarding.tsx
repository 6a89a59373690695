// The safeguarding queue: answers that matched the word lists, new first. The safeguarding role only
// (not even an admin); every look is written to the audit log. No participant's words on this page.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteAccess } from '~/domain/permissions'
import { flagStatuses, isFlagStatus } from '~/domain/safeguarding'
import { requirePermission } from '~/services/auth.server'
import { viewQueue } from '~/services/safeguarding.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'safeguarding:handle'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'safeguarding:handle')
  const { t } = await getT(request)
  const requested = new URL(request.url).searchParams.get('status')
  const status = isFlagStatus(requested) ? requested : undefined
  const { flags, counts } = await viewQueue(getDb(), user, status)
  return { title: t('safeguarding:queue.title'), status: status ?? '', flags, counts }
}

export default function SafeguardingQueue() {
  const { title, status, flags, counts } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('safeguarding')
  const when = new Intl.DateTimeFormat(i18n.language === 'cy' ? 'cy-GB' : i18n.language === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' })
  return (
    <div className="stack">
      <h1>{title}</h1>
      <p>{t('queue.intro')}</p>
      <p>
        <Link to="/staff/safeguarding/phrases">{t('queue.phrasesLink')}</Link>
      </p>
      <Form method="get" className="filter-form">
        <div className="field">
          <label htmlFor="status" className="field__label">
            {t('queue.filterLabel')}
          </label>
          <select id="status" name="status" className="select" defaultValue={status}>
            <option value="">{t('queue.all')}</option>
            {flagStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)} ({counts[s] ?? 0})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('queue.show')}
        </button>
      </Form>
      {flags.length ? (
        <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="flags-caption">
          <table className="table" data-testid="safeguarding-flags">
            <caption id="flags-caption">{t('queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.flag')}</th>
                <th scope="col">{t('queue.status')}</th>
                <th scope="col">{t('queue.categories')}</th>
                <th scope="col">{t('queue.consultation')}</th>
                <th scope="col">{t('queue.question')}</th>
                <th scope="col">{t('queue.raised')}</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((flag) => (
                <tr key={flag.id} data-status={flag.status} data-flag-id={flag.id}>
                  <td>
                    <Link to={`/staff/safeguarding/${flag.id}`} aria-label={t('queue.open', { id: flag.id })}>
                      #{flag.id}
                    </Link>
                  </td>
                  <td>{t(`status.${flag.status}`)}</td>
                  <td>{flag.categories.map((c) => t(`category.${c}`)).join(', ')}</td>
                  <td>{flag.consultationSlug}</td>
                  <td>{flag.questionKey ?? '–'}</td>
                  <td>
                    <time dateTime={flag.createdAt}>{when.format(new Date(flag.createdAt))}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('queue.empty')}</p>
      )}
    </div>
  )
}
