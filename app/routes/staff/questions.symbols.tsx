// Symbols of a question and its options: see each one with its name, remove it, or choose one by
// searching OpenMoji and the organisation's own symbols (a GET search; choosing is a POST). Works
// without JavaScript; allowed when the structure is locked, and recorded in the audit log.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/error-summary'
import { SymbolImage } from '~/components/symbol'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { readForm, requireConsultation } from '~/services/consultations.server'
import { chooseSymbol, requireQuestion, symbolPicker } from '~/services/question-editor.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const question = await requireQuestion(db, consultation, params.questionId)
  const { t } = await getT(request)
  const url = new URL(request.url)
  const picker = await symbolPicker(db, consultation, question.id, {
    target: url.searchParams.get('target'),
    query: url.searchParams.get('q') ?? '',
    page: url.searchParams.get('page'),
  })
  const done = url.searchParams.get('done')
  return {
    pageTitle: t('editor:symbols.title', { n: picker.questionNumber }),
    slug: consultation.slug,
    questionId: question.id,
    ...picker,
    done: done === 'chosen' || done === 'removed' ? done : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const question = await requireQuestion(db, consultation, params.questionId)
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? '')
  const target = String(form.get('target') ?? '')
  const reference = intent === 'choose' ? String(form.get('reference') ?? '') : null
  const outcome = intent === 'choose' || intent === 'remove' ? await chooseSymbol(db, consultation, question.id, target, reference, user.id) : 'unknown'
  if (outcome === 'unknown') return data({ error: 'symbolUnknown' }, { status: 400 })
  return redirect(`/staff/consultations/${consultation.slug}/questions/${question.id}/symbols?done=${intent === 'choose' ? 'chosen' : 'removed'}#targets-title`)
}

export default function QuestionSymbolsPage() {
  const { pageTitle, slug, questionId, prompt, targets, target, search, done } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('editor')
  const here = `/staff/consultations/${slug}/questions/${questionId}/symbols`
  const pageLink = (n: number) => `?${new URLSearchParams({ target: target?.id ?? '', q: search?.query ?? '', page: String(n) }).toString()}#results-title`
  return (
    <div className="stack">
      <ErrorSummary errors={result?.error ? [{ field: 'targets-title', message: t(`errors.${result.error}`) }] : []} />
      <h1>{pageTitle}</h1>
      <p className="lead">{prompt}</p>
      {done ? (
        <p className="banner" role="status">
          {t(`symbols.${done}`)}
        </p>
      ) : null}
      <section className="stack" aria-labelledby="targets-title">
        <h2 id="targets-title" tabIndex={-1}>
          {t('symbols.targetsTitle')}
        </h2>
        <ul className="symbol-targets">
          {targets.map((x) => (
            <li key={x.id} className="symbol-targets__item stack" data-target={x.id}>
              <p>
                <strong>{x.kind === 'question' ? t('symbols.theQuestion') : t('symbols.option', { label: x.label })}</strong>
              </p>
              <p>
                {x.symbol ? (
                  <>
                    <SymbolImage symbol={x.symbol} place="option" /> <span data-testid="symbol-name">{x.symbolName}</span>
                  </>
                ) : (
                  t('form.noSymbol')
                )}
              </p>
              <div className="button-group">
                <Link to={`${here}?target=${encodeURIComponent(x.id)}#search-title`} aria-label={t('symbols.chooseFor', { label: x.label })}>
                  {x.symbol ? t('symbols.change') : t('symbols.choose')}
                </Link>
                {x.symbol ? (
                  <Form method="post">
                    <input type="hidden" name="target" value={x.id} />
                    <button type="submit" name="intent" value="remove" className="button button--secondary" aria-label={t('symbols.removeFor', { label: x.label })}>
                      {t('symbols.remove')}
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </section>

      {target ? (
        <section className="stack" aria-labelledby="search-title">
          <h2 id="search-title">{t('symbols.searchTitle', { label: target.label })}</h2>
          <Form method="get" role="search" className="stack" aria-labelledby="search-title">
            <input type="hidden" name="target" value={target.id} />
            <div className="field">
              <label className="field__label" htmlFor="symbol-query">
                {t('symbols.searchLabel')}
              </label>
              <p className="hint" id="symbol-query-hint">
                {t('symbols.searchHint')}
              </p>
              <input
                id="symbol-query"
                name="q"
                type="search"
                className="input"
                defaultValue={search?.query ?? ''}
                key={search?.query ?? ''}
                maxLength={100}
                aria-describedby="symbol-query-hint"
              />
            </div>
            <div>
              <button type="submit" className="button button--primary">
                {t('symbols.searchButton')}
              </button>
            </div>
          </Form>
          {search ? (
            <div className="stack">
              <h3 id="results-title">{t('symbols.resultsTitle', { query: search.query, total: search.total })}</h3>
              {search.total ? (
                <ul className="symbol-grid" data-testid="symbol-results">
                  {search.results.map((item) => (
                    <li key={item.reference} className="symbol-grid__item" data-reference={item.reference}>
                      <SymbolImage symbol={item.reference} place="question" />
                      <span className="symbol-grid__name">{item.name}</span>
                      {item.kind === 'upload' ? <span className="symbol-grid__tag">{t('symbols.ownSymbol')}</span> : null}
                      <Form method="post">
                        <input type="hidden" name="target" value={target.id} />
                        <input type="hidden" name="reference" value={item.reference} />
                        <button
                          type="submit"
                          name="intent"
                          value="choose"
                          className="button button--secondary"
                          aria-label={t('symbols.useFor', { name: item.name, label: target.label })}
                        >
                          {t('symbols.use')}
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('symbols.noResults')}</p>
              )}
              {search.pages > 1 ? (
                <nav aria-label={t('symbols.pages')} className="pager">
                  <ul className="pager__list">
                    {search.page > 1 ? (
                      <li>
                        <Link to={pageLink(search.page - 1)} rel="prev">
                          {t('symbols.previous')}
                        </Link>
                      </li>
                    ) : null}
                    <li>{t('symbols.pageOf', { page: search.page, pages: search.pages })}</li>
                    {search.page < search.pages ? (
                      <li>
                        <Link to={pageLink(search.page + 1)} rel="next">
                          {t('symbols.next')}
                        </Link>
                      </li>
                    ) : null}
                  </ul>
                </nav>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}

      <p>
        <Link to={`/staff/consultations/${slug}/questions/${questionId}`}>{t('symbols.back')}</Link>
      </p>
    </div>
  )
}
