// Typing up paper forms in a session (issue #6): one screen per paper form with every question of the
// consultation, in order, straight down (a typist's form, not one question per page). "Save and next
// form" saves it as a finished response entered on behalf, with the session and who typed it, and
// gives a clean form for the next sheet. Answers are checked by the participant pages' own rules.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import { SELF_DESCRIBE_OPTION } from '~/domain/demographics'
import { type PaperError, paperFieldId, paperFieldName } from '~/domain/paper-entry'
import type { RouteAccess } from '~/domain/permissions'
import { rankingPositions } from '~/domain/survey'
import { recordAudit } from '~/services/audit.server'
import { requirePermission } from '~/services/auth.server'
import { enterPaperForm, paperQuestions, requireSessionContext, sessionGroupsOverview } from '~/services/group-results.server'
import { loadSurvey } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'sessions:run'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'sessions:run')
  const db = getDb()
  const ctx = await requireSessionContext(db, params.sessionId)
  const { t, locale } = await getT(request)
  const [survey, overview] = await Promise.all([loadSurvey(db, ctx.consultation, locale), sessionGroupsOverview(db, ctx, locale)])
  const questions = paperQuestions(survey)
  return {
    pageTitle: t('groups:paper.title', { title: survey.title }),
    sessionId: ctx.session.id,
    typedUp: overview.paperForms,
    questions: questions.map((q) => ({
      key: q.key,
      type: q.type,
      prompt: q.prompt,
      required: q.required && q.type !== 'demographic',
      maxLength: q.type === 'text' ? q.config.maxLength : null,
      maxChoices: q.type === 'multi' ? (q.config.maxChoices ?? null) : null,
      positions: q.type === 'ranking' ? rankingPositions(q) : null,
      options: q.options.map((o) => ({ key: o.key, label: o.label })),
    })),
    storiesLeftOut: survey.questions.length - questions.length,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'sessions:run')
  const db = getDb()
  const ctx = await requireSessionContext(db, params.sessionId)
  const form = await readForm(request)
  const outcome = await enterPaperForm(db, ctx, form, user.id)
  if (!outcome.ok) {
    const values: Record<string, string[]> = {}
    for (const [name, value] of form) if (typeof value === 'string') (values[name] ??= []).push(value)
    return data({ errors: outcome.errors, values }, { status: 400 })
  }
  await recordAudit(db, { userId: user.id, action: 'paper.enter', subject: `session:${ctx.session.id}`, details: { responseId: outcome.responseId } })
  throw redirect(`/staff/sessions/${ctx.session.id}/paper?saved=1`)
}

type PageQuestion = ReturnType<typeof useLoaderData<typeof loader>>['questions'][number]

export default function PaperEntryPage() {
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation(['groups', 'participant'])
  const errors: PaperError[] = result?.errors ?? []
  const values = result?.values ?? {}
  const message = (e: PaperError) => t(e.messageKey.includes(':') ? e.messageKey : `participant:${e.messageKey}`, e.values ?? {})
  const summary = useMemo(() => errors.map((e) => ({ field: e.field, message: t('groups:paper.errorIn', { number: e.number, message: message(e) }) })), [errors, t])
  const errorOf = (questionKey: string) => {
    const mine = errors.filter((e) => e.questionKey === questionKey)
    return mine.length ? mine.map(message).join(' ') : undefined
  }
  const back = `/staff/sessions/${page.sessionId}/groups`
  return (
    <div className="stack paper-entry">
      <p>
        <Link to={back} className="back-link">
          {t('groups:paper.back')}
        </Link>
      </p>
      <h1>{page.pageTitle}</h1>
      <ErrorSummary errors={summary} />
      {search.get('saved') && !result ? (
        <div className="panel panel--success" role="status" data-testid="paper-saved">
          <p>{t('groups:paper.saved', { n: page.typedUp })}</p>
        </div>
      ) : null}
      <p className="lead">{t('groups:paper.intro')}</p>
      {page.storiesLeftOut ? <p className="hint">{t('groups:paper.storiesNote')}</p> : null}
      {/* A new key after each save: a fresh, empty form for the next sheet, also when JavaScript runs. */}
      <Form method="post" className="stack paper-form" noValidate autoComplete="off" key={page.typedUp}>
        {page.questions.map((q, index) => (
          <PaperQuestion key={q.key} question={q} number={index + 1} values={values} error={errorOf(q.key)} />
        ))}
        <button type="submit" className="button button--primary">
          {t('groups:paper.save')}
        </button>
      </Form>
    </div>
  )
}

function PaperQuestion({ question: q, number, values, error }: { question: PageQuestion; number: number; values: Record<string, string[]>; error?: string }) {
  const { t } = useTranslation('groups')
  const name = (field: string) => paperFieldName(q, field)
  const id = (field: string) => paperFieldId(q, field)
  const given = (field: string) => values[name(field)] ?? []
  const errorId = id('error')
  const legend = (
    <legend className="fieldset__legend">
      {t('paper.question', { number, prompt: q.prompt })}
      {q.required ? <span className="hint"> {t('paper.required')}</span> : null}
    </legend>
  )
  const fieldsetClass = `fieldset paper-question${error ? ' fieldset--error' : ''}`
  const describedBy = error ? errorId : undefined

  if (q.type === 'text') {
    return (
      <div className={`field paper-question${error ? ' field--error' : ''}`}>
        <label htmlFor={id('answer')} className="field__label">
          {t('paper.question', { number, prompt: q.prompt })}
        </label>
        <p id={id('hint')} className="hint">
          {t('paper.textHint', { max: q.maxLength ?? 0 })}
        </p>
        <FieldError id={errorId} message={error} />
        <textarea id={id('answer')} name={name('answer')} className="textarea" rows={3} defaultValue={given('answer')[0] ?? ''} aria-describedby={[id('hint'), describedBy].filter(Boolean).join(' ')} aria-invalid={error ? true : undefined} />
      </div>
    )
  }
  if (q.type === 'ranking') {
    return (
      <fieldset className={fieldsetClass} aria-describedby={[id('hint'), describedBy].filter(Boolean).join(' ')}>
        {legend}
        <p id={id('hint')} className="hint">
          {t('paper.rankHint', { max: q.positions ?? q.options.length })}
        </p>
        <FieldError id={errorId} message={error} />
        <div className="paper-ranks">
          {q.options.map((o) => (
            <div key={o.key} className="paper-rank">
              <label htmlFor={id(`rank-${o.key}`)}>{o.label}</label>
              <input id={id(`rank-${o.key}`)} name={name(`rank-${o.key}`)} type="text" inputMode="numeric" className="input input--short" defaultValue={given(`rank-${o.key}`)[0] ?? ''} />
            </div>
          ))}
        </div>
      </fieldset>
    )
  }
  const chosen = given('answer')
  if (q.type === 'multi') {
    return (
      <fieldset className={fieldsetClass} aria-describedby={describedBy}>
        {legend}
        {q.maxChoices ? <p className="hint">{t('paper.upTo', { max: q.maxChoices })}</p> : null}
        <FieldError id={errorId} message={error} />
        <div className="paper-choices">
          {q.options.map((o) => (
            <div key={o.key} className="check">
              <input type="checkbox" id={id(`answer-${o.key}`)} name={name('answer')} value={o.key} defaultChecked={chosen.includes(o.key)} />
              <label htmlFor={id(`answer-${o.key}`)}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    )
  }
  // One answer (single choice, scale, demographic, consent): "left blank" first, so a slip can be undone.
  const blankChecked = !chosen.some((v) => v !== '')
  return (
    <fieldset className={fieldsetClass} aria-describedby={describedBy}>
      {legend}
      <FieldError id={errorId} message={error} />
      <div className="paper-choices">
        <div className="check">
          <input type="radio" id={id('blank')} name={name('answer')} value="" defaultChecked={blankChecked} />
          <label htmlFor={id('blank')}>{t('paper.leftBlank')}</label>
        </div>
        {q.options.map((o) => (
          <div key={o.key} className="check">
            <input type="radio" id={id(`answer-${o.key}`)} name={name('answer')} value={o.key} defaultChecked={chosen.includes(o.key)} />
            <label htmlFor={id(`answer-${o.key}`)}>{o.label}</label>
          </div>
        ))}
      </div>
      {q.type === 'demographic' && q.options.some((o) => o.key === SELF_DESCRIBE_OPTION) ? (
        <div className="field">
          <label htmlFor={id('own-words')} className="field__label">
            {t('paper.ownWords')}
          </label>
          <input id={id('own-words')} name={name('selfDescribe')} type="text" className="input" defaultValue={given('selfDescribe')[0] ?? ''} />
        </div>
      ) : null}
    </fieldset>
  )
}
