// A consultation's codebook: themes with descriptions, one level of sub-themes and keyword rules;
// import from a JSON file, or start from a plan's outcomes. Real forms; works without JavaScript.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CodingNav } from '~/components/coding-nav'
import { ErrorSummary } from '~/components/error-summary'
import { TextField } from '~/components/findings-fields'
import type { RouteAccess } from '~/domain/permissions'
import { loadCodebookPage, submitCodebookForm } from '~/services/coding.server'
import { requireStaffConsultation } from '~/services/findings.server'
import { getT } from '~/utils/i18n.server'
import { readForm } from '~/utils/form.server'

export const access: RouteAccess = 'stories:code'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, consultation } = await requireStaffConsultation(request, params.slug, 'stories:code')
  const { t } = await getT(request)
  return { slug: consultation.slug, pageTitle: t('coding:codebook.title', { slug: consultation.slug }), ...(await loadCodebookPage(db, consultation)) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, consultation } = await requireStaffConsultation(request, params.slug, 'stories:code')
  const result = await submitCodebookForm(db, consultation, await readForm(request), user.id)
  if (result.ok) {
    const search = new URLSearchParams({ done: result.message })
    if (result.counts) for (const [name, n] of Object.entries(result.counts)) search.set(name, String(n))
    if (result.skipped?.length) search.set('skipped', result.skipped.join(', ').slice(0, 500))
    return redirect(`/staff/consultations/${consultation.slug}/codebook?${search}`)
  }
  return data(result, { status: 400 })
}

type Failure = Exclude<NonNullable<ReturnType<typeof useActionData<typeof action>>>, { ok: true }>

export default function CodebookPage() {
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as Failure | undefined
  const [search] = useSearchParams()
  const { t } = useTranslation('coding')
  const done = search.get('done')
  const themeErrors = result && 'errors' in result && result.intent !== 'fromPlan' ? result : null
  const prefix = (themeId?: string) => (themeId ? `${themeId}-` : 'new-')
  const errors = result
    ? 'importErrors' in result
      ? result.importErrors.map((e) => ({ field: 'codebook', message: t('import.problem', { path: e.path || t('import.wholeFile'), problem: t(`import.errors.${e.message}`, e.values ?? {}) }) }))
      : result.intent === 'fromPlan'
        ? result.errors.map((e) => ({ field: 'planId', message: t(e.message) }))
        : result.errors.map((e) => ({ field: `${prefix(result.themeId)}${e.field}`, message: t(e.message, e.values ?? {}) }))
    : []
  const errorFor = (name: string, themeId?: string) => {
    if (!themeErrors || themeErrors.themeId !== themeId) return undefined
    const problem = themeErrors.errors.find((e) => e.field === name)
    return problem ? t(problem.message, problem.values ?? {}) : undefined
  }
  const valueFor = (name: string, themeId: string | undefined, fallback: string) => (themeErrors && themeErrors.themeId === themeId ? (themeErrors.values[name] ?? '') : fallback)
  const topLevel = page.themes.filter((th) => th.depth === 0)

  const themeFields = (themeId: string | undefined, theme?: (typeof page.themes)[number]) => (
    <>
      <TextField id={`${prefix(themeId)}title`} name="title" label={t('codebook.titleLabel')} defaultValue={valueFor('title', themeId, theme?.title ?? '')} error={errorFor('title', themeId)} />
      <TextField id={`${prefix(themeId)}description`} name="description" label={t('codebook.descriptionLabel')} hint={t('codebook.descriptionHint')} multiline defaultValue={valueFor('description', themeId, theme?.description ?? '')} error={errorFor('description', themeId)} />
      <div className={`field${errorFor('parentId', themeId) ? ' field--error' : ''}`}>
        <label htmlFor={`${prefix(themeId)}parentId`} className="field__label">
          {t('codebook.parentLabel')}
        </label>
        {errorFor('parentId', themeId) ? (
          <p id={`${prefix(themeId)}parentId-error`} className="field-error">
            {errorFor('parentId', themeId)}
          </p>
        ) : null}
        <select id={`${prefix(themeId)}parentId`} name="parentId" className="select" defaultValue={valueFor('parentId', themeId, theme?.parentId ?? '')} aria-describedby={errorFor('parentId', themeId) ? `${prefix(themeId)}parentId-error` : undefined}>
          <option value="">{t('codebook.noParent')}</option>
          {topLevel
            .filter((p) => p.id !== themeId)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
        </select>
      </div>
      <TextField id={`${prefix(themeId)}keywords`} name="keywords" label={t('codebook.keywordsLabel')} hint={t('codebook.keywordsHint')} multiline defaultValue={valueFor('keywords', themeId, theme?.keywords.join('\n') ?? '')} error={errorFor('keywords', themeId)} />
    </>
  )

  return (
    <div className="stack">
      <h1>{page.pageTitle}</h1>
      <CodingNav slug={page.slug} />
      {done ? (
        <p className="panel panel--success" role="status">
          {t(`codebook.done.${done}`, { created: search.get('created') ?? '0', updated: search.get('updated') ?? '0', defaultValue: t('codebook.done.updated') })}
          {search.get('skipped') ? ` ${t('codebook.skipped', { codes: search.get('skipped') })}` : ''}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <p>{t('codebook.intro')}</p>

      <section className="stack" aria-labelledby="codebook-themes">
        <h2 id="codebook-themes">{t('codebook.listTitle')}</h2>
        {page.themes.length === 0 ? <p>{t('codebook.none')}</p> : null}
        <ul className="plain-list stack" data-testid="codebook">
          {page.themes.map((theme) => (
            <li key={theme.id} data-theme={theme.key} className={theme.depth ? 'codebook__sub' : undefined}>
              <details className="details" open={themeErrors?.themeId === theme.id}>
                <summary>
                  {theme.depth ? <span className="visually-hidden">{t('codebook.subThemeOf')} </span> : null}
                  {theme.title} <span className="hint">({theme.key})</span> <span className="hint">{t('codebook.coded', { shown: theme.coded.kind === 'value' ? String(theme.coded.value) : t('codebook.hidden') })}</span>
                </summary>
                {theme.description ? <p>{theme.description}</p> : null}
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="themeId" value={theme.id} />
                  {themeFields(theme.id, theme)}
                  <div className="button-group">
                    <button type="submit" name="intent" value="update" className="button button--primary">
                      {t('codebook.save', { title: theme.title })}
                    </button>
                    <button type="submit" name="intent" value="delete" className="button button--warning">
                      {t('codebook.delete', { title: theme.title })}
                    </button>
                  </div>
                </Form>
              </details>
            </li>
          ))}
        </ul>
      </section>

      <section className="stack" aria-labelledby="codebook-add">
        <h2 id="codebook-add">{t('codebook.addTitle')}</h2>
        <Form method="post" className="stack" noValidate>
          <TextField id="new-key" name="key" label={t('codebook.keyLabel')} hint={t('codebook.keyHint')} defaultValue={valueFor('key', undefined, '')} error={errorFor('key')} />
          {themeFields(undefined)}
          <button type="submit" name="intent" value="create" className="button button--primary">
            {t('codebook.add')}
          </button>
        </Form>
      </section>

      <section className="stack" aria-labelledby="codebook-import">
        <h2 id="codebook-import">{t('import.title')}</h2>
        <p>{t('import.intro')}</p>
        <Form method="post" className="stack" noValidate>
          <TextField id="codebook" name="codebook" label={t('import.paste')} hint={t('import.hint')} multiline defaultValue={result && 'importErrors' in result ? (result.values.codebook ?? '') : ''} error={errors.length && result && 'importErrors' in result ? t('import.failed', { n: errors.length }) : undefined} />
          <button type="submit" name="intent" value="import" className="button button--primary">
            {t('import.submit')}
          </button>
        </Form>
        <details className="details">
          <summary>{t('import.current')}</summary>
          <pre className="csv-example" data-testid="codebook-json">
            {page.json}
          </pre>
        </details>
      </section>

      <section className="stack" aria-labelledby="codebook-plan">
        <h2 id="codebook-plan">{t('fromPlan.title')}</h2>
        <p>{t('fromPlan.intro')}</p>
        {page.plans.length ? (
          <Form method="post" className="stack" noValidate>
            <div className={`field${result && !('importErrors' in result) && result.intent === 'fromPlan' ? ' field--error' : ''}`}>
              <label htmlFor="planId" className="field__label">
                {t('fromPlan.plan')}
              </label>
              {result && !('importErrors' in result) && result.intent === 'fromPlan' ? (
                <p id="planId-error" className="field-error">
                  {t('errors.planRequired')}
                </p>
              ) : null}
              <select id="planId" name="planId" className="select" defaultValue="" aria-describedby={result && !('importErrors' in result) && result.intent === 'fromPlan' ? 'planId-error' : undefined}>
                <option value="">{t('fromPlan.choose')}</option>
                {page.plans.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" name="intent" value="fromPlan" className="button button--secondary">
              {t('fromPlan.submit')}
            </button>
          </Form>
        ) : (
          <p>{t('fromPlan.noPlans')}</p>
        )}
      </section>
    </div>
  )
}
