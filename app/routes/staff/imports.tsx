// Imports: responses from a tidy CSV (the format the exports write), and aggregate counts such as
// paper ballots from schools, with a check that each group's counts agree with its stated total.
// Plain forms (work without JavaScript); a refused file says exactly why and nothing of it is kept.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, type ShownError } from '~/components/error-summary'
import type { LineError } from '~/domain/csv-format'
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from '~/domain/csv-read'
import type { RouteAccess } from '~/domain/permissions'
import { recordAudit } from '~/services/audit.server'
import { requirePermission } from '~/services/auth.server'
import { importAggregatesCsv, importResponsesCsv, importsOverview, MAX_ERRORS_SHOWN, removeAggregateImport, removeResponseImport } from '~/services/import.server'
import { loadSurvey, requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'
import { readForm } from '~/utils/form.server'

export const access: RouteAccess = 'responses:import'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'responses:import')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  const { locale, t } = await getT(request)
  const [survey, overview] = await Promise.all([loadSurvey(db, consultation, locale), importsOverview(db, consultation, locale)])
  return { slug: consultation.slug, pageTitle: t('exports:imports.title', { title: survey.title }), maxMb: MAX_IMPORT_MB, ...overview }
}

type FormName = 'responses' | 'aggregates'
type ActionResult = { form: FormName; errors: LineError[]; total: number }

const formNames: FormName[] = ['responses', 'aggregates']

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'responses:import')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  const url = new URL(request.url)
  const which = url.searchParams.get('form')
  const back = `/staff/consultations/${consultation.slug}/imports`
  const headers = { 'Cache-Control': 'no-store' }

  // Deleting an import is a small urlencoded form
  if (which === 'delete') {
    const form = await readForm(request)
    const id = String(form.get('importId') ?? '')
    const kind = form.get('kind') === 'aggregates' ? 'aggregates' : 'responses'
    const removed = kind === 'aggregates' ? await removeAggregateImport(db, consultation, id) : await removeResponseImport(db, consultation, id)
    if (removed) await recordAudit(db, { userId: user.id, action: `imports.${kind}-delete`, subject: `consultation:${consultation.slug}`, details: { importId: id } })
    throw redirect(`${back}?removed=${kind}`)
  }

  const formName: FormName = which === 'aggregates' ? 'aggregates' : 'responses'
  const refuse = (errors: LineError[]) => data<ActionResult>({ form: formName, errors: errors.slice(0, MAX_ERRORS_SHOWN), total: errors.length }, { status: 400, headers })
  if (!formNames.includes(which as FormName)) return refuse([{ line: 0, code: 'noFile' }])
  // Refuse an oversized upload before reading it
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) return refuse([{ line: 0, code: 'tooBig', values: { max: MAX_IMPORT_MB } }])

  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }))
  } catch (error) {
    if (error instanceof Error && /exceeded upload size/i.test(error.message)) return refuse([{ line: 0, code: 'tooBig', values: { max: MAX_IMPORT_MB } }])
    return refuse([{ line: 0, code: 'noFile' }])
  }
  const file = form.get('file')
  if (!(file instanceof Blob) || !('name' in file) || !(file as File).name) return refuse([{ line: 0, code: 'noFile' }])
  const upload = { name: (file as File).name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }
  const outcome = formName === 'responses' ? await importResponsesCsv(db, consultation, upload, user.id) : await importAggregatesCsv(db, consultation, upload, user.id)
  if (!outcome.ok) return refuse(outcome.errors)
  const count = 'responses' in outcome ? outcome.responses : outcome.counts
  await recordAudit(db, {
    userId: user.id,
    action: `imports.${formName}`,
    subject: `consultation:${consultation.slug}`,
    details: { importId: outcome.importId, filename: upload.name.slice(0, 200), count },
  })
  throw redirect(`${back}?done=${formName}&count=${count}`)
}

function useLineMessage() {
  const { t } = useTranslation('exports')
  return (error: LineError) => {
    const problem = t(`import.errors.${error.code}`, error.values ?? {})
    if (error.line === 0) return problem
    return t(error.line === 1 ? 'import.headerLine' : 'import.line', { line: error.line, problem })
  }
}

function UploadForm({ name, result, maxMb }: { name: FormName; result: ActionResult | undefined; maxMb: number }) {
  const { t } = useTranslation('exports')
  const message = useLineMessage()
  const busy = useNavigation().formAction?.endsWith(`form=${name}`) ?? false
  const mine = result?.form === name ? result : undefined
  const fieldId = `${name}-file`
  return (
    <Form method="post" action={`?form=${name}`} encType="multipart/form-data" className="stack" noValidate>
      <div className={`field${mine ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor={fieldId}>
          {t(`imports.${name}.fileLabel`)}
        </label>
        <p className="hint" id={`${fieldId}-hint`}>
          {t('imports.fileHint', { max: maxMb })}
        </p>
        {mine ? (
          <div id={`${fieldId}-error`} className="field-error import-errors" data-testid={`${name}-errors`}>
            <p>
              <span className="visually-hidden">{t('import.errorPrefix')}</span> {t('import.refused', { count: mine.total })}
            </p>
            <ul>
              {mine.errors.map((error, i) => (
                <li key={i} data-line={error.line}>
                  {message(error)}
                </li>
              ))}
            </ul>
            {mine.total > mine.errors.length ? <p>{t('import.moreErrors', { count: mine.total - mine.errors.length })}</p> : null}
          </div>
        ) : null}
        <input
          id={fieldId}
          name="file"
          type="file"
          accept=".csv,text/csv"
          className="file-input"
          aria-describedby={`${fieldId}-hint${mine ? ` ${fieldId}-error` : ''}`}
          aria-invalid={mine ? true : undefined}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t(`imports.${name}.submit`)}
      </button>
    </Form>
  )
}

export default function Imports() {
  const { slug, pageTitle, maxMb, responseImports, aggregateImports } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation('exports')
  const done = search.get('done')
  const removed = search.get('removed')
  const summary = useMemo<ShownError[]>(() => (result ? [{ field: `${result.form}-file`, message: t('import.refused', { count: result.total }) }] : []), [result, t])

  return (
    <div className="stack">
      <ErrorSummary errors={summary} />
      <h1>{pageTitle}</h1>
      {done === 'responses' || done === 'aggregates' ? (
        <div className="panel panel--success" role="status" data-testid="import-done">
          <p>{t(`imports.${done}.done`, { count: Number(search.get('count') ?? 0) })}</p>
        </div>
      ) : null}
      {removed ? (
        <div className="panel panel--success" role="status">
          <p>{t('imports.removed')}</p>
        </div>
      ) : null}
      <p className="lead">{t('imports.intro')}</p>

      <section className="stack" aria-labelledby="responses-title">
        <h2 id="responses-title">{t('imports.responses.title')}</h2>
        <p>{t('imports.responses.intro')}</p>
        <details className="format-details">
          <summary>{t('imports.responses.formatSummary')}</summary>
          <div className="stack">
            <p>{t('imports.responses.format')}</p>
            <pre className="csv-example">
              {'respondent,question,option,position,skipped,text,age_band\n' +
                'A1,priority-groups,in-care,,0,,age-11-13\n' +
                'A1,top-priorities,less-bullying,1,0,,age-11-13\n' +
                'A1,top-priorities,safe-places,2,0,,age-11-13\n' +
                'A1,feel-safe,,,1,,age-11-13\n' +
                'A1,anything-else,,,0,"More buses, please",age-11-13'}
            </pre>
            <p>{t('imports.responses.formatMore')}</p>
          </div>
        </details>
        <UploadForm name="responses" result={result} maxMb={maxMb} />
        {responseImports.length ? (
          <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="response-imports-caption">
            <table className="table" data-testid="response-imports">
              <caption id="response-imports-caption">{t('imports.responses.listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.file')}</th>
                  <th scope="col">{t('imports.when')}</th>
                  <th scope="col" className="num">
                    {t('imports.responses.count')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('imports.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {responseImports.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.filename}</th>
                    <td>
                      <time dateTime={i.createdAt}>{i.createdAt.slice(0, 16).replace('T', ' ')}</time>
                    </td>
                    <td className="num">{i.responses.toLocaleString('en-GB')}</td>
                    <td>
                      <RemoveButton kind="responses" id={i.id} filename={i.filename} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section className="stack" aria-labelledby="aggregates-title">
        <h2 id="aggregates-title">{t('imports.aggregates.title')}</h2>
        <p>{t('imports.aggregates.intro')}</p>
        <details className="format-details">
          <summary>{t('imports.aggregates.formatSummary')}</summary>
          <div className="stack">
            <p>{t('imports.aggregates.format')}</p>
            <pre className="csv-example">
              {'group,question,option,position,count,stated_total\n' +
                "St Mary's Primary,feel-safe,safe,,31,50\n" +
                "St Mary's Primary,feel-safe,not-sure,,12,50\n" +
                "St Mary's Primary,feel-safe,not-safe,,7,50\n" +
                "St Mary's Primary,top-priorities,less-bullying,1,18,50"}
            </pre>
          </div>
        </details>
        <UploadForm name="aggregates" result={result} maxMb={maxMb} />
        {aggregateImports.map((i) => (
          <AggregateImport key={i.id} item={i} />
        ))}
      </section>

      <p>
        <a href={`/staff/consultations/${slug}/exports`}>{t('imports.exportsLink')}</a>
      </p>
    </div>
  )
}

function RemoveButton({ kind, id, filename }: { kind: FormName; id: string; filename: string }) {
  const { t } = useTranslation('exports')
  return (
    <Form method="post" action="?form=delete">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="importId" value={id} />
      <button type="submit" className="button button--secondary button--small">
        {t('imports.remove')}
        <span className="visually-hidden"> {filename}</span>
      </button>
    </Form>
  )
}

type AggregateItem = ReturnType<typeof useLoaderData<typeof loader>>['aggregateImports'][number]

function AggregateImport({ item }: { item: AggregateItem }) {
  const { t } = useTranslation('exports')
  return (
    <section className="stack aggregate-import" aria-labelledby={`agg-${item.id}`} data-testid="aggregate-import">
      <h3 id={`agg-${item.id}`}>{t('imports.aggregates.fileHeading', { filename: item.filename, when: item.createdAt.slice(0, 16).replace('T', ' ') })}</h3>
      <RemoveButton kind="aggregates" id={item.id} filename={item.filename} />
      {item.groups.map((group, index) => {
        const captionId = `agg-${item.id}-${index}`
        return (
          <div key={captionId} className="table-wrap" role="region" tabIndex={0} aria-labelledby={captionId}>
            <table className="table" data-group={group.group} data-question={group.questionKey}>
              <caption id={captionId}>{t('imports.aggregates.caption', { group: group.group, prompt: group.prompt, total: group.statedTotal })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('summary.option')}</th>
                  {group.parts.some((p) => p.position !== null) ? <th scope="col">{t('imports.aggregates.position')}</th> : null}
                  <th scope="col" className="num">
                    {t('summary.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.parts.map((part) => (
                  <tr key={`${part.optionKey}-${part.position ?? ''}`}>
                    <th scope="row">{part.label}</th>
                    {group.parts.some((p) => p.position !== null) ? <td>{part.position}</td> : null}
                    <td className="num">{part.count.toLocaleString('en-GB')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className={group.consistency.ok ? 'consistency consistency--ok' : 'consistency consistency--problem'} data-testid="consistency">
              <strong>{group.consistency.ok ? t('imports.aggregates.consistent') : t('imports.aggregates.inconsistent')}</strong>{' '}
              {group.consistency.issues.map((issue) => t(`imports.aggregates.issues.${issue.kind}`, issue)).join(' ')}
            </p>
          </div>
        )
      })}
    </section>
  )
}
