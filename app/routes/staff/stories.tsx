// The story moderation queue (issue 5): stories waiting, approved and rejected, newest first. Moderators
// see the redacted words (the words as given while nothing is hidden). Every look is audited.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { isStoryStatus, storyStatuses } from '~/domain/stories'
import { storyQueue } from '~/services/stories.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'stories:moderate'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'stories:moderate')
  const { t } = await getT(request)
  const requested = new URL(request.url).searchParams.get('status')
  // Waiting stories first: the queue's default is what needs doing.
  const status = requested === 'all' ? undefined : isStoryStatus(requested) ? requested : 'pending'
  const { stories, counts } = await storyQueue(getDb(), user, status)
  return { title: t('stories:queue.title'), status: status ?? 'all', stories, counts }
}

export default function StoryQueue() {
  const { title, status, stories, counts } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('stories')
  const when = new Intl.DateTimeFormat(i18n.language === 'cy' ? 'cy-GB' : i18n.language === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' })
  return (
    <div className="stack">
      <h1>{title}</h1>
      <p>{t('queue.intro')}</p>
      <Form method="get" className="filter-form">
        <div className="field">
          <label htmlFor="status" className="field__label">
            {t('queue.filterLabel')}
          </label>
          <select id="status" name="status" className="select" defaultValue={status}>
            {storyStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)} ({counts[s] ?? 0})
              </option>
            ))}
            <option value="all">{t('queue.all')}</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('queue.show')}
        </button>
      </Form>
      {stories.length ? (
        <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="stories-caption">
          <table className="table" data-testid="story-queue">
            <caption id="stories-caption">{t('queue.caption', { status: status === 'all' ? t('queue.all') : t(`status.${status}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.story')}</th>
                <th scope="col">{t('queue.consultation')}</th>
                <th scope="col">{t('queue.received')}</th>
                <th scope="col">{t('queue.status')}</th>
                <th scope="col">{t('queue.consents')}</th>
              </tr>
            </thead>
            <tbody>
              {stories.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/staff/stories/${s.id}`}>{s.excerpt || t('queue.pictureOnly')}</Link>
                  </td>
                  <td>{s.consultationSlug}</td>
                  <td>
                    <time dateTime={s.createdAt}>{when.format(new Date(s.createdAt))}</time>
                  </td>
                  <td>{t(`status.${s.status}`)}</td>
                  <td>
                    {[s.consentWords ? t('consent.words') : null, s.hasPicture ? (s.consentPicture ? t('consent.picture') : t('consent.pictureNo')) : null].filter(Boolean).join('; ') ||
                      t('consent.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p data-testid="story-queue-empty">{t('queue.empty')}</p>
      )}
    </div>
  )
}
