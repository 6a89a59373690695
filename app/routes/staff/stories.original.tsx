// A story's original words, with what was hidden and why: the safeguarding lead only (issue 5). Every
// view is written to the audit log. Reached from a safeguarding flag about the story.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { storyIdOf, viewOriginalStory } from '~/services/stories.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'safeguarding:handle'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'safeguarding:handle')
  const story = await viewOriginalStory(getDb(), user, storyIdOf(params.storyId))
  if (!story) throw new Response('Not found', { status: 404 })
  const { t } = await getT(request)
  return { title: t('stories:original.title'), story }
}

export default function OriginalStory() {
  const { title, story } = useLoaderData<typeof loader>()
  const { t } = useTranslation('stories')
  return (
    <div className="stack">
      <p>
        <Link to="/staff/safeguarding">{t('original.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="panel">{t('original.intro')}</p>
      <dl className="summary-list">
        <div>
          <dt>{t('story.status')}</dt>
          <dd>{t(`status.${story.status}`)}</dd>
        </div>
        <div>
          <dt>{t('story.consultation')}</dt>
          <dd>{story.consultationSlug}</dd>
        </div>
      </dl>
      <section className="stack" aria-labelledby="original-title">
        <h2 id="original-title">{t('original.words')}</h2>
        {story.original ? (
          <blockquote className="story-text" data-testid="story-original">
            {story.original}
          </blockquote>
        ) : (
          <p>{t('story.noWords')}</p>
        )}
      </section>
      {story.redactedText !== null ? (
        <section className="stack" aria-labelledby="redacted-title">
          <h2 id="redacted-title">{t('original.redacted')}</h2>
          <blockquote className="story-text" data-testid="story-redacted">
            {story.redactedText}
          </blockquote>
          <ul data-testid="story-redactions">
            {story.redactions.map((r, i) => (
              <li key={i}>
                “{r.words}” — {t(`kind.${r.kind}`)}: {r.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {story.hasPicture ? (
        <section className="stack" aria-labelledby="picture-title">
          <h2 id="picture-title">{t('story.picture')}</h2>
          <img src={`/staff/stories/${story.id}/original/picture`} alt={t('story.pictureAlt')} className="story-picture" />
        </section>
      ) : null}
    </div>
  )
}
