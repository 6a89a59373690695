// Entering one group's result in a session (issue #6): a diamond 9 (a row for every card, chosen from
// a list: no dragging), dot votes (a number per option) or the group's agreed ranking (a place per
// option), with the number of people in the group and, if wanted, a photo of the paper. First the
// question whose options the group used is chosen (a GET form); then the result is a real post,
// checked on the server, with every error beside its field and in the summary.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import { DISCARD, discardsFor, type GroupFormError, groupFieldIds, isGroupKind, MAX_PEOPLE } from '~/domain/group-activities'
import { DIAMOND_ROWS } from '~/domain/group-evidence'
import { MAX_IMAGE_BYTES, MAX_IMAGE_MB } from '~/domain/images'
import type { RouteAccess } from '~/domain/permissions'
import { recordAudit } from '~/services/audit.server'
import { requirePermission } from '~/services/auth.server'
import { questionsForKind, requireSessionContext, saveGroupResult } from '~/services/group-results.server'
import { loadSurvey } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'sessions:run'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

async function context(request: Request, params: LoaderFunctionArgs['params']) {
  const user = await requirePermission(request, 'sessions:run')
  const kind = params.kind
  if (!isGroupKind(kind)) throw new Response('Not found', { status: 404 })
  const db = getDb()
  const ctx = await requireSessionContext(db, params.sessionId)
  const { t, locale } = await getT(request)
  const survey = await loadSurvey(db, ctx.consultation, locale)
  return { user, kind, db, ctx, t, survey, questions: questionsForKind(survey, kind) }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kind, ctx, t, survey, questions } = await context(request, params)
  const asked = new URL(request.url).searchParams.get('question')
  // With one question that fits, there is nothing to choose.
  const question = questions.find((q) => q.key === asked) ?? (questions.length === 1 ? questions[0] : null)
  return {
    pageTitle: t(`groups:entry.title.${kind}`, { title: survey.title }),
    kind,
    sessionId: ctx.session.id,
    choices: questions.map((q) => ({ key: q.key, prompt: q.prompt })),
    question: question ? { key: question.key, prompt: question.prompt, options: question.options.map((o) => ({ key: o.key, label: o.label })) } : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, kind, db, ctx, questions } = await context(request, params)
  const refuse = (errors: GroupFormError[], values: Record<string, string> = {}) => data({ errors, values }, { status: 400 })
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_IMAGE_BYTES + 256 * 1024) return refuse([{ field: 'photo', messageKey: 'groups:errors.photo.tooBig', values: { max: MAX_IMAGE_MB } }])
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMAGE_BYTES }))
  } catch (error) {
    if (error instanceof Error && /exceeded upload size/i.test(error.message)) return refuse([{ field: 'photo', messageKey: 'groups:errors.photo.tooBig', values: { max: MAX_IMAGE_MB } }])
    throw new Response('Bad Request: the form could not be read', { status: 400 })
  }
  const question = questions.find((q) => q.key === form.get('question'))
  if (!question) throw new Response('Not found', { status: 404 })
  const outcome = await saveGroupResult(db, ctx, { kind, question, form, userId: user.id })
  if (!outcome.ok) return refuse(outcome.errors, outcome.values)
  await recordAudit(db, { userId: user.id, action: `group-result.${kind}`, subject: `session:${ctx.session.id}`, details: { groupResultId: outcome.id, question: question.key } })
  throw redirect(`/staff/sessions/${ctx.session.id}/groups?done=${kind}`)
}

export default function GroupEntryPage() {
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('groups')
  const back = `/staff/sessions/${page.sessionId}/groups`
  const errors = result?.errors ?? []
  const values = result?.values ?? {}
  const message = (e: GroupFormError) => t(e.messageKey, e.values ?? {})
  const errorFor = (field: string) => {
    const found = errors.filter((e) => e.field === field)
    return found.length ? found.map(message).join(' ') : undefined
  }
  const summary = useMemo(() => errors.map((e) => ({ field: e.field, message: message(e) })), [errors, t])
  const describedBy = (id: string, hint: boolean) => [hint ? `${id}-hint` : null, errorFor(id) ? `${id}-error` : null].filter(Boolean).join(' ') || undefined

  return (
    <div className="stack group-entry">
      <p>
        <Link to={back} className="back-link">
          {t('entry.cancel')}
        </Link>
      </p>
      <h1>{page.pageTitle}</h1>
      <ErrorSummary errors={summary} />
      {page.choices.length === 0 ? (
        <p className="banner">{t(`entry.noQuestions.${page.kind}`)}</p>
      ) : !page.question ? (
        <Form method="get" className="stack">
          <div className="field">
            <label htmlFor="question" className="field__label">
              {t('entry.chooseQuestion')}
            </label>
            <p id="question-hint" className="hint">
              {t(`entry.chooseHint.${page.kind}`)}
            </p>
            <select id="question" name="question" className="select" aria-describedby="question-hint">
              {page.choices.map((q) => (
                <option key={q.key} value={q.key}>
                  {q.prompt}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--primary">
            {t('entry.continue')}
          </button>
        </Form>
      ) : (
        <Form method="post" encType="multipart/form-data" className="stack" noValidate autoComplete="off">
          <input type="hidden" name="question" value={page.question.key} />
          <p>
            <strong>{t('entry.questionIs')}</strong> {page.question.prompt}
            {page.choices.length > 1 ? (
              <>
                {' '}
                <Link to="?">{t('entry.otherQuestion')}</Link>
              </>
            ) : null}
          </p>
          <NumberOrText id={groupFieldIds.label} label={t('entry.label')} hint={t('entry.labelHint')} error={errorFor(groupFieldIds.label)} defaultValue={values.label} describedBy={describedBy} />
          <NumberOrText
            id={groupFieldIds.people}
            label={t('entry.people')}
            hint={t('entry.peopleHint', { max: MAX_PEOPLE })}
            error={errorFor(groupFieldIds.people)}
            defaultValue={values.people}
            describedBy={describedBy}
            numeric
          />
          {page.kind === 'dots' ? (
            <NumberOrText id={groupFieldIds.dotsPerPerson} label={t('entry.dotsPerPerson')} error={errorFor(groupFieldIds.dotsPerPerson)} defaultValue={values.dotsPerPerson} describedBy={describedBy} numeric />
          ) : null}
          {page.kind === 'diamond9' ? (
            <DiamondFields options={page.question.options} values={values} errorFor={errorFor} />
          ) : (
            <fieldset className="fieldset stack">
              <legend className="fieldset__legend">{t(page.kind === 'dots' ? 'entry.dotsLegend' : 'entry.rankLegend')}</legend>
              <p className="hint">{t(page.kind === 'dots' ? 'entry.dotsHint' : 'entry.rankHint', { max: page.question.options.length })}</p>
              {page.question.options.map((o) => {
                const id = page.kind === 'dots' ? groupFieldIds.dots(o.key) : groupFieldIds.rank(o.key)
                return (
                  <NumberOrText
                    key={o.key}
                    id={id}
                    label={t(page.kind === 'dots' ? 'entry.dotsLabel' : 'entry.rankLabel', { option: o.label })}
                    error={errorFor(id)}
                    defaultValue={values[id]}
                    describedBy={describedBy}
                    numeric
                    short
                  />
                )
              })}
            </fieldset>
          )}
          {page.kind === 'ranking' ? (
            <NumberOrText id={groupFieldIds.agreed} label={t('entry.agreed')} hint={t('entry.agreedHint')} error={errorFor(groupFieldIds.agreed)} defaultValue={values.agreed} describedBy={describedBy} numeric />
          ) : null}
          <div className={`field${errorFor('photo') ? ' field--error' : ''}`}>
            <label htmlFor="photo" className="field__label">
              {t('entry.photo')}
            </label>
            <p id="photo-hint" className="hint">
              {t('entry.photoHint', { max: MAX_IMAGE_MB })}
            </p>
            <FieldError id="photo-error" message={errorFor('photo')} />
            <input id="photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" className="file-input" aria-describedby={describedBy('photo', true)} aria-invalid={errorFor('photo') ? true : undefined} />
          </div>
          <button type="submit" className="button button--primary">
            {t('entry.save')}
          </button>
        </Form>
      )}
    </div>
  )
}

function NumberOrText(props: {
  id: string
  label: string
  hint?: string
  error?: string
  defaultValue?: string
  describedBy: (id: string, hint: boolean) => string | undefined
  numeric?: boolean
  short?: boolean
}) {
  const { id, label, hint, error, defaultValue, describedBy, numeric, short } = props
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <input
        id={id}
        name={id}
        type="text"
        inputMode={numeric ? 'numeric' : undefined}
        className={`input${short ? ' input--short' : ''}`}
        defaultValue={defaultValue ?? ''}
        aria-describedby={describedBy(id, Boolean(hint))}
        aria-invalid={error ? true : undefined}
      />
    </div>
  )
}

/** One select per card: its row in the diamond, or left out. Tab goes straight down the cards. */
function DiamondFields({ options, values, errorFor }: { options: Array<{ key: string; label: string }>; values: Record<string, string>; errorFor: (field: string) => string | undefined }) {
  const { t } = useTranslation('groups')
  const discards = discardsFor(options.length)
  return (
    <fieldset className="fieldset stack">
      <legend className="fieldset__legend">{t('entry.diamondLegend')}</legend>
      <p className="hint">{discards ? t('entry.diamondHintDiscards', { n: discards }) : t('entry.diamondHint')}</p>
      <div className="diamond-shape" aria-hidden="true">
        {DIAMOND_ROWS.map((cards, index) => (
          <div key={index} className="diamond-shape__row">
            {Array.from({ length: cards }, (_, i) => (
              <span key={i} className="diamond-shape__card">
                {index + 1}
              </span>
            ))}
          </div>
        ))}
      </div>
      {options.map((o) => {
        const id = groupFieldIds.tier(o.key)
        const error = errorFor(id)
        return (
          <div key={o.key} className={`field diamond-card${error ? ' field--error' : ''}`}>
            <label htmlFor={id} className="field__label">
              {o.label}
            </label>
            <FieldError id={`${id}-error`} message={error} />
            <select id={id} name={id} className="select" defaultValue={values[id] ?? ''} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
              <option value="">{t('entry.chooseRow')}</option>
              {DIAMOND_ROWS.map((cards, index) => (
                <option key={index} value={String(index + 1)}>
                  {t(`entry.rows.row${index + 1}`)}
                </option>
              ))}
              {discards ? <option value={DISCARD}>{t('entry.discard')}</option> : null}
            </select>
          </div>
        )
      })}
    </fieldset>
  )
}
