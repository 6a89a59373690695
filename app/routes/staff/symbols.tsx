// The symbol library: search the bundled OpenMoji set and the organisation's own symbols by keyword
// (a GET form, paged), list the uploads with their licences, and upload a new symbol (a multipart
// POST). Both work without JavaScript; a refused upload says why next to each field and in the
// error summary, and keeps what was typed. See docs/decisions/006-symbols.md.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, type ShownError } from '~/components/error-summary'
import { SymbolImage } from '~/components/symbol'
import type { RouteAccess } from '~/domain/permissions'
import {
  MAX_ATTRIBUTION_LENGTH,
  MAX_LICENCE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_SYMBOL_BYTES,
  MAX_SYMBOL_MB,
  MAX_SYMBOL_SIDE,
  type SymbolField,
  type SymbolUploadError,
} from '~/domain/symbol-upload'
import { requirePermission } from '~/services/auth.server'
import { loadSymbolLibrary, uploadSymbol } from '~/services/symbols.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const url = new URL(request.url)
  const { t } = await getT(request)
  const library = await loadSymbolLibrary(getDb(), url.searchParams.get('q') ?? '', url.searchParams.get('page'))
  return { pageTitle: t('symbols:library.title'), ...library }
}

type Values = { name: string; licence: string; attribution: string; organisation: string }
type ActionResult = { errors: SymbolUploadError[]; values: Values }

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const headers = { 'Cache-Control': 'no-store' }
  const empty: Values = { name: '', licence: '', attribution: '', organisation: '' }
  const refuse = (errors: SymbolUploadError[], values: Values) => data<ActionResult>({ errors, values }, { status: 400, headers })
  // Refuse an oversized upload before reading it (the form's text fields add a few KB)
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_SYMBOL_BYTES + 64 * 1024) return refuse([{ field: 'file', code: 'tooBig' }], empty)

  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_SYMBOL_BYTES }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError || (error instanceof Error && /exceeded upload size/i.test(error.message)))
      return refuse([{ field: 'file', code: 'tooBig' }], empty)
    return refuse([{ field: 'file', code: 'noFile' }], empty)
  }
  const text = (name: string) => String(form.get(name) ?? '').slice(0, 2000)
  const values: Values = { name: text('name'), licence: text('licence'), attribution: text('attribution'), organisation: text('organisation') }
  const file = form.get('file')
  const chosen = file instanceof Blob && file.size > 0 ? (file as File) : null
  const result = await uploadSymbol(db, {
    organisationId: values.organisation || null,
    fields: values,
    file: chosen ? new Uint8Array(await chosen.arrayBuffer()) : null,
    filename: chosen?.name ?? null,
    userId: user.id,
  })
  if (!result.ok) return refuse(result.errors, values)
  throw redirect(`/staff/symbols?added=${encodeURIComponent(result.id)}#own-symbols-title`)
}

const fieldIds: Record<SymbolField, string> = {
  file: 'symbol-file',
  name: 'symbol-name',
  licence: 'symbol-licence',
  attribution: 'symbol-attribution',
  organisation: 'symbol-organisation',
}
const limits = { max: MAX_SYMBOL_MB, side: MAX_SYMBOL_SIDE }
const lengthLimit: Partial<Record<string, number>> = { nameTooLong: MAX_NAME_LENGTH, licenceTooLong: MAX_LICENCE_LENGTH, attributionTooLong: MAX_ATTRIBUTION_LENGTH }

export default function SymbolLibrary() {
  const { pageTitle, query, total, page, pages, results, uploads, organisations } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation('symbols')
  const busy = useNavigation().state === 'submitting'
  const message = (error: SymbolUploadError) => t(`upload.errors.${error.code}`, { ...limits, max: lengthLimit[error.code] ?? MAX_SYMBOL_MB })
  const summary = useMemo<ShownError[]>(() => (result?.errors ?? []).map((e) => ({ field: fieldIds[e.field], message: message(e) })), [result]) // eslint-disable-line react-hooks/exhaustive-deps
  const errorOf = (field: SymbolField) => {
    const error = result?.errors.find((e) => e.field === field)
    return error ? message(error) : undefined
  }
  const added = search.get('added')
  const values = result?.values
  const pageLink = (n: number) => `?${new URLSearchParams({ q: query, page: String(n) }).toString()}#results-title`

  return (
    <div className="stack">
      <ErrorSummary errors={summary} />
      <h1>{pageTitle}</h1>
      {added ? (
        <div className="panel panel--success" role="status" data-testid="symbol-added">
          <p>{t('upload.done', { reference: `upload:${added}` })}</p>
        </div>
      ) : null}
      <p className="lead">{t('library.intro')}</p>

      <section className="stack" aria-labelledby="search-title">
        <h2 id="search-title">{t('library.searchTitle')}</h2>
        <Form method="get" role="search" className="stack symbol-search" aria-labelledby="search-title">
          <div className="field">
            <label className="field__label" htmlFor="symbol-query">
              {t('library.searchLabel')}
            </label>
            <p className="hint" id="symbol-query-hint">
              {t('library.searchHint')}
            </p>
            <input id="symbol-query" name="q" type="search" className="input" defaultValue={query} key={query} maxLength={100} aria-describedby="symbol-query-hint" />
          </div>
          <button type="submit" className="button button--primary">
            {t('library.searchButton')}
          </button>
        </Form>

        {query ? (
          <div className="stack">
            <h3 id="results-title">{t('library.resultsTitle', { query })}</h3>
            {total ? (
              <>
                <p data-testid="symbol-results-summary">{t('library.resultsSummary', { total, page, pages })}</p>
                <ul className="symbol-grid" data-testid="symbol-results">
                  {results.map((item) => (
                    <li key={item.reference} className="symbol-grid__item" data-reference={item.reference}>
                      <SymbolImage symbol={item.reference} place="question" />
                      <span className="symbol-grid__name">{item.name}</span>
                      {item.kind === 'upload' ? <span className="symbol-grid__tag">{t('library.ownSymbol')}</span> : null}
                      <span className="symbol-grid__reference">
                        <span className="visually-hidden">{t('library.reference')}: </span>
                        <code>{item.reference}</code>
                      </span>
                    </li>
                  ))}
                </ul>
                {pages > 1 ? (
                  <nav aria-label={t('library.pagination')} className="pager">
                    <ul className="pager__list">
                      {page > 1 ? (
                        <li>
                          <Link to={pageLink(page - 1)} rel="prev">
                            {t('library.previous')}
                          </Link>
                        </li>
                      ) : null}
                      <li>{t('library.pageOf', { page, pages })}</li>
                      {page < pages ? (
                        <li>
                          <Link to={pageLink(page + 1)} rel="next">
                            {t('library.next')}
                          </Link>
                        </li>
                      ) : null}
                    </ul>
                  </nav>
                ) : null}
              </>
            ) : (
              <p data-testid="symbol-no-results">{t('library.noResults', { query })}</p>
            )}
          </div>
        ) : null}
        <p className="hint">
          {t('library.openmojiCredit')} <a href="/symbols/credits">{t('library.creditsLink')}</a>
        </p>
      </section>

      <section className="stack" aria-labelledby="upload-title">
        <h2 id="upload-title">{t('upload.title')}</h2>
        <p>{t('upload.intro')}</p>
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          {organisations.length > 1 ? (
            <Field id={fieldIds.organisation} label={t('upload.organisationLabel')} error={errorOf('organisation')}>
              {(describedBy) => (
                <select
                  id={fieldIds.organisation}
                  name="organisation"
                  className="select"
                  defaultValue={values?.organisation ?? ''}
                  aria-describedby={describedBy}
                  aria-invalid={errorOf('organisation') ? true : undefined}
                >
                  <option value="">{t('upload.chooseOrganisation')}</option>
                  {organisations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field id={fieldIds.file} label={t('upload.fileLabel')} hint={t('upload.fileHint', limits)} error={errorOf('file')}>
            {(describedBy) => (
              <input
                id={fieldIds.file}
                name="file"
                type="file"
                accept="image/png,image/jpeg,image/webp"
                className="file-input"
                aria-describedby={describedBy}
                aria-invalid={errorOf('file') ? true : undefined}
              />
            )}
          </Field>
          <TextInput
            id={fieldIds.name}
            name="name"
            label={t('upload.nameLabel')}
            hint={t('upload.nameHint')}
            error={errorOf('name')}
            defaultValue={values?.name}
            maxLength={MAX_NAME_LENGTH}
          />
          <TextInput
            id={fieldIds.licence}
            name="licence"
            label={t('upload.licenceLabel')}
            hint={t('upload.licenceHint')}
            error={errorOf('licence')}
            defaultValue={values?.licence}
            maxLength={MAX_LICENCE_LENGTH}
          />
          <TextInput
            id={fieldIds.attribution}
            name="attribution"
            label={t('upload.attributionLabel')}
            hint={t('upload.attributionHint')}
            error={errorOf('attribution')}
            defaultValue={values?.attribution}
            maxLength={MAX_ATTRIBUTION_LENGTH}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('upload.submit')}
          </button>
        </Form>
      </section>

      <section className="stack" aria-labelledby="own-symbols-title">
        <h2 id="own-symbols-title">{t('library.uploadsTitle')}</h2>
        {uploads.length ? (
          <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="own-symbols-caption">
            <table className="table" data-testid="own-symbols">
              <caption id="own-symbols-caption">{t('library.uploadsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('library.image')}</th>
                  <th scope="col">{t('library.name')}</th>
                  <th scope="col">{t('library.keywords')}</th>
                  <th scope="col">{t('library.licence')}</th>
                  <th scope="col">{t('library.attribution')}</th>
                  {organisations.length > 1 ? <th scope="col">{t('library.organisation')}</th> : null}
                  <th scope="col">{t('library.reference')}</th>
                  <th scope="col">{t('library.added')}</th>
                </tr>
              </thead>
              <tbody>
                {uploads.map((u) => (
                  <tr key={u.reference} data-reference={u.reference}>
                    <td>
                      <SymbolImage symbol={u.reference} place="option" />
                    </td>
                    <th scope="row">{u.name}</th>
                    <td>{u.keywords.join(', ') || t('library.none')}</td>
                    <td>{u.licence}</td>
                    <td>{u.attribution ?? t('library.none')}</td>
                    {organisations.length > 1 ? <td>{u.organisation}</td> : null}
                    <td>
                      <code>{u.reference}</code>
                    </td>
                    <td>
                      <time dateTime={u.createdAt}>{u.createdAt.slice(0, 10)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('library.noUploads')}</p>
        )}
      </section>
    </div>
  )
}

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: (describedBy: string | undefined) => React.ReactNode }) {
  const { t } = useTranslation()
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('errors.prefix')}</span> {error}
        </p>
      ) : null}
      {children(describedBy)}
    </div>
  )
}

function TextInput({
  id,
  name,
  label,
  hint,
  error,
  defaultValue,
  maxLength,
}: {
  id: string
  name: string
  label: string
  hint?: string
  error?: string
  defaultValue?: string
  maxLength: number
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          name={name}
          type="text"
          className="input"
          defaultValue={defaultValue ?? ''}
          key={defaultValue ?? ''}
          maxLength={maxLength}
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      )}
    </Field>
  )
}
