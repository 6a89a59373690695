// One safeguarding flag: what the participant wrote (as it is now), what matched, the notes, and a form
// to change its status with a note. The safeguarding role only; every view and change is audited.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import type { RouteAccess } from '~/domain/permissions'
import { flagStatuses } from '~/domain/safeguarding'
import { findConsultationBySlug } from '~/models/consultation.server'
import { findStoryForAnswer } from '~/models/story.server'
import { requirePermission } from '~/services/auth.server'
import { changeStatus, viewFlag } from '~/services/safeguarding.server'
import { loadSurvey } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import { getLocale, getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'safeguarding:handle'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

function flagId(raw: string | undefined): number {
  const id = raw && /^\d{1,12}$/.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(id)) throw new Response('Not found', { status: 404 })
  return id
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'safeguarding:handle')
  const id = flagId(params.flagId)
  const db = getDb()
  const flag = await viewFlag(db, user, id)
  if (!flag) throw new Response('Not found', { status: 404 })
  const { t } = await getT(request)
  const consultation = await findConsultationBySlug(db, flag.consultationSlug)
  const survey = consultation ? await loadSurvey(db, consultation, await getLocale(request)) : undefined
  const question = survey?.questions.find((q) => q.id === flag.questionId)
  return {
    title: t('safeguarding:flag.title', { id }),
    saved: new URL(request.url).searchParams.has('saved'),
    flag,
    surveyTitle: survey?.title ?? flag.consultationSlug,
    questionPrompt: question?.prompt ?? flag.questionKey ?? flag.questionId,
    /** A flagged story (issue 5): its original words and picture are on their own page */
    storyId: (await findStoryForAnswer(db, flag.responseId, flag.questionId))?.id ?? null,
  }
}

const statusForm = z.object({
  from: z.enum(flagStatuses),
  status: z.enum(flagStatuses),
  note: z.string().trim().min(1, 'flag.errors.note').max(2000, 'flag.errors.note'),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'safeguarding:handle')
  const id = flagId(params.flagId)
  const form = Object.fromEntries(await readForm(request))
  const parsed = statusForm.safeParse(form)
  const errors: Array<{ field: string; message: string }> = []
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'note' ? 'note' : 'status'
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: field === 'note' ? 'flag.errors.note' : 'flag.errors.status' })
    }
  } else if (parsed.data.status === parsed.data.from) {
    errors.push({ field: 'status', message: 'flag.errors.status' })
  }
  const note = typeof form.note === 'string' ? form.note : ''
  if (errors.length || !parsed.success) return data({ errors, note }, { status: 400 })
  const result = await changeStatus(getDb(), user, { flagId: id, from: parsed.data.from, to: parsed.data.status, note: parsed.data.note })
  if (!result.ok && result.reason === 'notFound') throw new Response('Not found', { status: 404 })
  if (!result.ok) return data({ errors: [{ field: 'status', message: 'flag.errors.stale' }], note }, { status: 409 })
  return redirect(`/staff/safeguarding/${id}?saved=1`)
}

export default function SafeguardingFlag() {
  const { title, saved, flag, surveyTitle, questionPrompt, storyId } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t, i18n } = useTranslation('safeguarding')
  const when = new Intl.DateTimeFormat(i18n.language === 'cy' ? 'cy-GB' : i18n.language === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' })
  const errors = (result?.errors ?? []).map((e) => ({ field: e.field === 'note' ? 'note' : `status-${flagStatuses.find((s) => s !== flag.status)}`, message: t(e.message) }))
  const noteError = result?.errors.find((e) => e.field === 'note')
  const statusError = result?.errors.find((e) => e.field === 'status')
  return (
    <div className="stack safeguarding-flag">
      <p>
        <Link to="/staff/safeguarding">{t('flag.back')}</Link>
      </p>
      <h1>{title}</h1>
      {saved && !result ? (
        <p className="panel panel--success" role="status">
          {t('flag.saved')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <dl className="summary-list">
        <div>
          <dt>{t('flag.status')}</dt>
          <dd data-testid="flag-status">{t(`status.${flag.status}`)}</dd>
        </div>
        <div>
          <dt>{t('flag.categories')}</dt>
          <dd data-testid="flag-categories">{flag.categories.map((c) => t(`category.${c}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('flag.consultation')}</dt>
          <dd>{surveyTitle}</dd>
        </div>
        <div>
          <dt>{t('flag.question')}</dt>
          <dd>{questionPrompt}</dd>
        </div>
        <div>
          <dt>{t('flag.response')}</dt>
          <dd>#{flag.responseId}</dd>
        </div>
        <div>
          <dt>{t('flag.raised')}</dt>
          <dd>
            <time dateTime={flag.createdAt}>{when.format(new Date(flag.createdAt))}</time>
          </dd>
        </div>
      </dl>

      <section className="stack" aria-labelledby="answer-title">
        <h2 id="answer-title">{t('flag.answer')}</h2>
        {flag.text === undefined ? (
          <p>{t('flag.withdrawn')}</p>
        ) : (
          <>
            {flag.changedSince ? <p className="hint">{t('flag.changed')}</p> : null}
            <blockquote className="flagged-answer" data-testid="flagged-text">
              {flag.text}
            </blockquote>
            {storyId ? (
              <p>
                <Link to={`/staff/stories/${storyId}/original`}>{t('stories:flagLink')}</Link>
              </p>
            ) : null}
          </>
        )}
        <h3>{t('flag.phrases')}</h3>
        <ul data-testid="flag-phrases">
          {flag.phrases.map((p) => (
            <li key={`${p.locale}-${p.category}-${p.phrase}`} lang={p.locale}>
              {p.phrase} <span className="hint">({t(`category.${p.category}`)})</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="stack" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('flag.notesTitle')}</h2>
        {flag.notes.length ? (
          <ol className="stack" data-testid="flag-notes">
            {flag.notes.map((n) => (
              <li key={n.id}>
                <p>
                  <strong>{t('flag.noteBy', { name: n.userName ?? '–', from: t(`status.${n.statusFrom}`), to: t(`status.${n.statusTo}`) })}</strong>{' '}
                  <time dateTime={n.createdAt} className="hint">
                    {when.format(new Date(n.createdAt))}
                  </time>
                </p>
                <p className="note-text">{n.note}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('flag.noNotes')}</p>
        )}
      </section>

      <section className="stack" aria-labelledby="change-title">
        <h2 id="change-title">{t('flag.changeTitle')}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="from" value={flag.status} />
          <fieldset className={`fieldset${statusError ? ' fieldset--error' : ''}`} aria-describedby={statusError ? 'status-error' : undefined}>
            <legend className="fieldset__legend">{t('flag.newStatus')}</legend>
            <FieldError id="status-error" message={statusError ? t(statusError.message) : undefined} />
            {flagStatuses
              .filter((s) => s !== flag.status)
              .map((s) => (
                <div key={s} className="check">
                  <input type="radio" id={`status-${s}`} name="status" value={s} />
                  <label htmlFor={`status-${s}`}>{t(`status.${s}`)}</label>
                </div>
              ))}
          </fieldset>
          <div className={`field${noteError ? ' field--error' : ''}`}>
            <label htmlFor="note" className="field__label">
              {t('flag.note')}
            </label>
            <p id="note-hint" className="hint">
              {t('flag.noteHint')}
            </p>
            <FieldError id="note-error" message={noteError ? t(noteError.message) : undefined} />
            <textarea
              id="note"
              name="note"
              className="textarea"
              defaultValue={result?.note ?? ''}
              aria-describedby={noteError ? 'note-hint note-error' : 'note-hint'}
              aria-invalid={noteError ? true : undefined}
            />
          </div>
          <button type="submit" className="button button--primary">
            {t('flag.save')}
          </button>
        </Form>
      </section>
    </div>
  )
}
