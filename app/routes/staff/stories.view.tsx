// One story for a moderator (issue 5): the words as others will read them, the picture, the consents;
// hide words (names, places, schools) with a reason, approve, reject. Without JavaScript the moderator
// types the exact words to hide. Once anything is hidden only the safeguarding lead reads the original
// (/staff/stories/:storyId/original). Every view and change is audited.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import type { RouteAccess } from '~/domain/permissions'
import { MAX_REASON_LENGTH, redactionKinds } from '~/domain/redaction'
import { requirePermission } from '~/services/auth.server'
import { moderateStory, redactStory, storyIdOf, viewStory } from '~/services/stories.server'
import { getDb } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'stories:moderate'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'stories:moderate')
  const id = storyIdOf(params.storyId)
  const story = await viewStory(getDb(), user, id)
  if (!story) throw new Response('Not found', { status: 404 })
  const { t } = await getT(request)
  const done = new URL(request.url).searchParams.get('done')
  return { title: t('stories:story.title'), story, done: done && /^(redacted|approved|rejected|pending)$/.test(done) ? done : null }
}

const redactForm = z.object({ words: z.string().default(''), kind: z.string().default(''), reason: z.string().default('') })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'stories:moderate')
  const id = storyIdOf(params.storyId)
  const form = await readForm(request)
  const intent = form.get('intent')
  const db = getDb()
  if (intent === 'approve' || intent === 'reject' || intent === 'reopen') {
    const status = intent === 'approve' ? 'approved' : intent === 'reject' ? 'rejected' : 'pending'
    if (!(await moderateStory(db, user, id, status))) throw new Response('Not found', { status: 404 })
    return redirect(`/staff/stories/${id}?done=${status}`)
  }
  if (intent !== 'redact') return data({ errors: [{ field: 'words', message: 'story.errors.intent' }], words: '', reason: '', kind: 'name' }, { status: 400 })
  const request_ = redactForm.parse(Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')))
  const result = await redactStory(db, user, id, request_)
  if (!result) throw new Response('Not found', { status: 404 })
  if (!result.ok) {
    const field = result.error === 'reasonRequired' || result.error === 'reasonTooLong' ? 'reason' : result.error === 'kindUnknown' ? 'kind-name' : 'words'
    return data({ errors: [{ field, message: `story.errors.${result.error}` }], words: request_.words, reason: request_.reason, kind: request_.kind }, { status: 400 })
  }
  return redirect(`/staff/stories/${id}?done=redacted`)
}

export default function StoryView() {
  const { title, story, done } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('stories')
  const errors = (result?.errors ?? []).map((e) => ({ field: e.field, message: t(e.message, { max: MAX_REASON_LENGTH }) }))
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message
  const teller =
    story.teller.kind === 'ageBand' ? t(`ageBand.${story.teller.band}`, { defaultValue: story.teller.band }) : story.teller.kind === 'attribution' ? story.teller.text : t('teller.unknown')
  return (
    <div className="stack story-moderation">
      <p>
        <Link to="/staff/stories">{t('story.back')}</Link>
      </p>
      <h1>{title}</h1>
      {done && !result ? (
        <p className="panel panel--success" role="status">
          {t(`story.done.${done}`)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <dl className="summary-list">
        <div>
          <dt>{t('story.status')}</dt>
          <dd data-testid="story-status">{t(`status.${story.status}`)}</dd>
        </div>
        <div>
          <dt>{t('story.consultation')}</dt>
          <dd>{story.consultationSlug}</dd>
        </div>
        <div>
          <dt>{t('story.teller')}</dt>
          <dd>{teller}</dd>
        </div>
        <div>
          <dt>{t('story.consents')}</dt>
          <dd>
            <ul>
              <li>{story.consentWords ? t('consent.words') : t('consent.wordsNo')}</li>
              <li>{story.consentPicture ? t('consent.picture') : t('consent.pictureNo')}</li>
            </ul>
          </dd>
        </div>
      </dl>

      <section className="stack" aria-labelledby="words-title">
        <h2 id="words-title">{story.redactions.length ? t('story.wordsRedacted') : t('story.words')}</h2>
        {story.text ? (
          <blockquote className="story-text" data-testid="story-text">
            {story.text}
          </blockquote>
        ) : (
          <p>{t('story.noWords')}</p>
        )}
        {story.redactions.length ? (
          <>
            <p className="hint">{t('story.originalOnlySafeguarding')}</p>
            <h3>{t('story.hiddenTitle')}</h3>
            <ul data-testid="story-redactions">
              {story.redactions.map((r, i) => (
                <li key={i}>
                  {t(`kind.${r.kind}`)}: {r.reason}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {story.hasPicture ? (
        <section className="stack" aria-labelledby="picture-title">
          <h2 id="picture-title">{t('story.picture')}</h2>
          <img src={`/staff/stories/${story.id}/picture`} alt={t('story.pictureAlt')} className="story-picture" />
        </section>
      ) : null}

      <section className="stack" aria-labelledby="redact-title">
        <h2 id="redact-title">{t('story.redactTitle')}</h2>
        <p id="redact-hint" className="hint">
          {t('story.redactHint')}
        </p>
        <Form method="post" className="stack" noValidate>
          <div className={`field${errorOf('words') ? ' field--error' : ''}`}>
            <label htmlFor="words" className="field__label">
              {t('story.redactWords')}
            </label>
            <FieldError id="words-error" message={errorOf('words')} />
            <input
              id="words"
              name="words"
              className="input"
              defaultValue={result?.words ?? ''}
              autoComplete="off"
              aria-describedby={errorOf('words') ? 'redact-hint words-error' : 'redact-hint'}
              aria-invalid={errorOf('words') ? true : undefined}
            />
          </div>
          <fieldset className={`fieldset${errorOf('kind-name') ? ' fieldset--error' : ''}`}>
            <legend className="fieldset__legend">{t('story.redactKind')}</legend>
            <FieldError id="kind-error" message={errorOf('kind-name')} />
            {redactionKinds.map((kind) => (
              <div key={kind} className="check">
                <input type="radio" id={`kind-${kind}`} name="kind" value={kind} defaultChecked={(result?.kind || 'name') === kind} />
                <label htmlFor={`kind-${kind}`}>{t(`kind.${kind}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className={`field${errorOf('reason') ? ' field--error' : ''}`}>
            <label htmlFor="reason" className="field__label">
              {t('story.redactReason')}
            </label>
            <FieldError id="reason-error" message={errorOf('reason')} />
            <input
              id="reason"
              name="reason"
              className="input"
              maxLength={MAX_REASON_LENGTH * 2}
              defaultValue={result?.reason ?? ''}
              aria-describedby={errorOf('reason') ? 'reason-error' : undefined}
              aria-invalid={errorOf('reason') ? true : undefined}
            />
          </div>
          <button type="submit" name="intent" value="redact" className="button button--secondary">
            {t('story.redactButton')}
          </button>
        </Form>
      </section>

      <section className="stack" aria-labelledby="decide-title">
        <h2 id="decide-title">{t('story.decideTitle')}</h2>
        <p className="hint">{t('story.decideHint')}</p>
        <Form method="post" className="button-group">
          {story.status !== 'approved' ? (
            <button type="submit" name="intent" value="approve" className="button button--primary">
              {t('story.approve')}
            </button>
          ) : null}
          {story.status !== 'rejected' ? (
            <button type="submit" name="intent" value="reject" className="button button--warning">
              {t('story.reject')}
            </button>
          ) : null}
          {story.status !== 'pending' ? (
            <button type="submit" name="intent" value="reopen" className="button button--secondary">
              {t('story.reopen')}
            </button>
          ) : null}
        </Form>
      </section>
    </div>
  )
}
