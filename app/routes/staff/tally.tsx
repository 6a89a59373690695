// Uploading a paper tally for a session (issue #6): counts per option from a show of hands or paper
// ballots, as a CSV (option key or label, count; position for a ranking), with the question and the
// number counted. Every line is checked; a refused file names each wrong line and nothing is kept.
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
import { aggregateKindOf } from '~/domain/consistency'
import type { LineError } from '~/domain/csv-format'
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from '~/domain/csv-read'
import type { RouteAccess } from '~/domain/permissions'
import { recordAudit } from '~/services/audit.server'
import { requirePermission } from '~/services/auth.server'
import { importSessionTally, requireSessionContext } from '~/services/group-results.server'
import { loadSurvey } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'sessions:run'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'sessions:run')
  const db = getDb()
  const ctx = await requireSessionContext(db, params.sessionId)
  const { t, locale } = await getT(request)
  const survey = await loadSurvey(db, ctx.consultation, locale)
  return {
    pageTitle: t('groups:tally.title', { title: survey.title }),
    sessionId: ctx.session.id,
    maxMb: MAX_IMPORT_MB,
    questions: survey.questions.filter((q) => aggregateKindOf(q.type) !== null).map((q) => ({ key: q.key, prompt: q.prompt, ranking: q.type === 'ranking' })),
  }
}

type Field = 'question' | 'statedTotal'
interface Refusal {
  fieldErrors: Array<{ field: Field; messageKey: string }>
  errors: LineError[]
  total: number
  values: { question: string; statedTotal: string }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'sessions:run')
  const db = getDb()
  const ctx = await requireSessionContext(db, params.sessionId)
  const refuse = (refusal: Refusal) => data(refusal, { status: 400, headers: { 'Cache-Control': 'no-store' } })
  const empty = { question: '', statedTotal: '' }
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) return refuse({ fieldErrors: [], errors: [{ line: 0, code: 'tooBig', values: { max: MAX_IMPORT_MB } }], total: 1, values: empty })
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }))
  } catch (error) {
    if (error instanceof Error && /exceeded upload size/i.test(error.message)) return refuse({ fieldErrors: [], errors: [{ line: 0, code: 'tooBig', values: { max: MAX_IMPORT_MB } }], total: 1, values: empty })
    return refuse({ fieldErrors: [], errors: [{ line: 0, code: 'noFile' }], total: 1, values: empty })
  }
  const values = { question: String(form.get('question') ?? ''), statedTotal: String(form.get('statedTotal') ?? '') }
  const file = form.get('file')
  const upload = file instanceof Blob && 'name' in file && (file as File).name ? { name: (file as File).name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) } : null
  const outcome = await importSessionTally(db, ctx, { questionKey: values.question, statedTotal: values.statedTotal, file: upload, userId: user.id })
  if (!outcome.ok) return refuse({ fieldErrors: outcome.fieldErrors, errors: outcome.errors, total: outcome.total, values })
  await recordAudit(db, { userId: user.id, action: 'paper.tally', subject: `session:${ctx.session.id}`, details: { importId: outcome.importId, filename: upload?.name.slice(0, 200), count: outcome.counts } })
  throw redirect(`/staff/sessions/${ctx.session.id}/groups?done=tally&count=${outcome.counts}`)
}

export default function TallyPage() {
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation(['groups', 'exports'])
  const fieldError = (field: Field) => {
    const found = result?.fieldErrors.find((e) => e.field === field)
    return found ? t(`groups:${found.messageKey}`) : undefined
  }
  const lineMessage = (error: LineError) => {
    const problem = t(`exports:import.errors.${error.code}`, error.values ?? {})
    if (error.line === 0) return problem
    return t(error.line === 1 ? 'exports:import.headerLine' : 'exports:import.line', { line: error.line, problem })
  }
  const fileRefused = result && result.errors.length > 0
  const summary = useMemo(
    () => [
      ...(result?.fieldErrors ?? []).map((e) => ({ field: e.field, message: t(`groups:${e.messageKey}`) })),
      ...(fileRefused ? [{ field: 'file', message: t('exports:import.refused', { count: result.total }) }] : []),
    ],
    [result, fileRefused, t],
  )
  const describedBy = (id: string, hint: boolean, error: boolean) => [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="stack">
      <p>
        <Link to={`/staff/sessions/${page.sessionId}/groups`} className="back-link">
          {t('groups:tally.back')}
        </Link>
      </p>
      <h1>{page.pageTitle}</h1>
      <ErrorSummary errors={summary} />
      <p className="lead">{t('groups:tally.intro')}</p>
      <details className="format-details">
        <summary>{t('groups:tally.formatSummary')}</summary>
        <pre className="csv-example">{'option,count\nSafe,31\nSometimes safe,12\nnot-safe,7'}</pre>
        <p>{t('groups:tally.formatRanking')}</p>
      </details>
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <div className={`field${fieldError('question') ? ' field--error' : ''}`}>
          <label htmlFor="question" className="field__label">
            {t('groups:tally.question')}
          </label>
          <FieldError id="question-error" message={fieldError('question')} />
          <select id="question" name="question" className="select" defaultValue={result?.values.question ?? ''} aria-describedby={describedBy('question', false, Boolean(fieldError('question')))}>
            <option value="">{t('groups:tally.chooseQuestion')}</option>
            {page.questions.map((q) => (
              <option key={q.key} value={q.key}>
                {q.prompt}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${fieldError('statedTotal') ? ' field--error' : ''}`}>
          <label htmlFor="statedTotal" className="field__label">
            {t('groups:tally.statedTotal')}
          </label>
          <p id="statedTotal-hint" className="hint">
            {t('groups:tally.statedTotalHint')}
          </p>
          <FieldError id="statedTotal-error" message={fieldError('statedTotal')} />
          <input
            id="statedTotal"
            name="statedTotal"
            type="text"
            inputMode="numeric"
            className="input input--short"
            defaultValue={result?.values.statedTotal ?? ''}
            aria-describedby={describedBy('statedTotal', true, Boolean(fieldError('statedTotal')))}
            aria-invalid={fieldError('statedTotal') ? true : undefined}
          />
        </div>
        <div className={`field${fileRefused ? ' field--error' : ''}`}>
          <label htmlFor="file" className="field__label">
            {t('groups:tally.file')}
          </label>
          <p id="file-hint" className="hint">
            {t('groups:tally.fileHint', { max: page.maxMb })}
          </p>
          {fileRefused ? (
            <div id="file-error" className="field-error import-errors" data-testid="tally-errors">
              <p>
                <span className="visually-hidden">{t('exports:import.errorPrefix')}</span> {t('exports:import.refused', { count: result.total })}
              </p>
              <ul>
                {result.errors.map((error, i) => (
                  <li key={i} data-line={error.line}>
                    {lineMessage(error)}
                  </li>
                ))}
              </ul>
              {result.total > result.errors.length ? <p>{t('exports:import.moreErrors', { count: result.total - result.errors.length })}</p> : null}
            </div>
          ) : null}
          <input id="file" name="file" type="file" accept=".csv,text/csv" className="file-input" aria-describedby={describedBy('file', true, Boolean(fileRefused))} aria-invalid={fileRefused ? true : undefined} />
        </div>
        <button type="submit" className="button button--primary">
          {t('groups:tally.submit')}
        </button>
      </Form>
    </div>
  )
}
