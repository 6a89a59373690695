// The safeguarding word lists: the phrases shipped with the app (read only) and those added here.
// Who may change them: admins and the safeguarding lead ('safeguarding:phrases'), as issue 5 asks. The
// page shows only the lists, never a flag or an answer: an admin still cannot see what was flagged.
// Every addition and removal is audited.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import type { RouteAccess } from '~/domain/permissions'
import { phraseLocales, safeguardingCategories } from '~/domain/safeguarding'
import { requirePermission } from '~/services/auth.server'
import { addPhrase, phraseLists, removePhrase } from '~/services/safeguarding.server'
import { getDb } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'safeguarding:phrases'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'safeguarding:phrases')
  const { t } = await getT(request)
  const { defaults, added } = await phraseLists(getDb())
  const done = new URL(request.url).searchParams.get('done')
  return { title: t('safeguarding:phrases.title'), defaults, added, done: done === 'added' || done === 'removed' ? done : null }
}

const addForm = z.object({ locale: z.enum(phraseLocales), category: z.enum(safeguardingCategories), phrase: z.string() })

type Values = { locale: string; category: string; phrase: string }

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'safeguarding:phrases')
  const form = await readForm(request)
  const db = getDb()
  if (form.get('intent') === 'remove') {
    const id = form.get('id')
    if (typeof id === 'string' && (await removePhrase(db, user, id))) return redirect('/staff/safeguarding/phrases?done=removed')
    throw new Response('Not found', { status: 404 })
  }
  const values: Values = { locale: String(form.get('locale') ?? ''), category: String(form.get('category') ?? ''), phrase: String(form.get('phrase') ?? '') }
  const parsed = addForm.safeParse(values)
  const errors: Array<{ field: string; message: string }> = []
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0])
      if (field === 'locale') errors.push({ field: 'locale', message: 'phrases.errors.locale' })
      if (field === 'category') errors.push({ field: 'category', message: 'phrases.errors.category' })
    }
  } else {
    const result = await addPhrase(db, user, parsed.data)
    if (result.ok) return redirect('/staff/safeguarding/phrases?done=added')
    errors.push({ field: 'phrase', message: `phrases.errors.${result.reason}` })
  }
  return data({ errors, values }, { status: 400 })
}

export default function SafeguardingPhrases() {
  const { title, defaults, added, done } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('safeguarding')
  const errorFor = (field: string) => {
    const e = result?.errors.find((x) => x.field === field)
    return e ? t(e.message) : undefined
  }
  const errors = (result?.errors ?? []).map((e) => ({ field: e.field, message: t(e.message) }))
  const values = result?.values
  return (
    <div className="stack">
      <h1>{title}</h1>
      <p>{t('phrases.intro')}</p>
      {done && !result ? (
        <p className="panel panel--success" role="status">
          {t(`phrases.${done}`)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />

      <section className="stack" aria-labelledby="add-title">
        <h2 id="add-title">{t('phrases.addTitle')}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="add" />
          {(
            [
              ['locale', phraseLocales, (v: string) => t(`locale.${v}`)],
              ['category', safeguardingCategories, (v: string) => t(`category.${v}`)],
            ] as const
          ).map(([field, options, label]) => (
            <div key={field} className={`field${errorFor(field) ? ' field--error' : ''}`}>
              <label htmlFor={field} className="field__label">
                {t(field === 'locale' ? 'phrases.language' : 'phrases.category')}
              </label>
              <FieldError id={`${field}-error`} message={errorFor(field)} />
              <select id={field} name={field} className="select" defaultValue={values?.[field] ?? ''} aria-describedby={errorFor(field) ? `${field}-error` : undefined}>
                {(options as readonly string[]).map((o) => (
                  <option key={o} value={o}>
                    {label(o)}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div className={`field${errorFor('phrase') ? ' field--error' : ''}`}>
            <label htmlFor="phrase" className="field__label">
              {t('phrases.phrase')}
            </label>
            <p id="phrase-hint" className="hint">
              {t('phrases.phraseHint')}
            </p>
            <FieldError id="phrase-error" message={errorFor('phrase')} />
            <input
              id="phrase"
              name="phrase"
              className="input"
              defaultValue={values?.phrase ?? ''}
              aria-describedby={errorFor('phrase') ? 'phrase-hint phrase-error' : 'phrase-hint'}
              aria-invalid={errorFor('phrase') ? true : undefined}
            />
          </div>
          <button type="submit" className="button button--primary">
            {t('phrases.add')}
          </button>
        </Form>
      </section>

      <section className="stack" aria-labelledby="added-title">
        <h2 id="added-title">{t('phrases.addedTitle')}</h2>
        {added.length ? (
          <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="added-caption">
            <table className="table" data-testid="added-phrases">
              <caption id="added-caption">{t('phrases.addedCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('phrases.phrase')}</th>
                  <th scope="col">{t('phrases.language')}</th>
                  <th scope="col">{t('phrases.category')}</th>
                  <th scope="col">{t('phrases.addedBy')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('phrases.remove')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {added.map((p) => (
                  <tr key={p.id}>
                    <td lang={p.locale}>{p.phrase}</td>
                    <td>{t(`locale.${p.locale}`)}</td>
                    <td>{t(`category.${p.category}`)}</td>
                    <td>{p.addedByName ?? '–'}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="id" value={p.id} />
                        <button type="submit" className="button button--warning" aria-label={t('phrases.removeLabel', { phrase: p.phrase })}>
                          {t('phrases.remove')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('phrases.noneAdded')}</p>
        )}
      </section>

      <section className="stack" aria-labelledby="defaults-title">
        <h2 id="defaults-title">{t('phrases.defaultsTitle', { total: defaults.length })}</h2>
        <p className="hint">{t('phrases.defaultsHint')}</p>
        {phraseLocales.map((locale) => (
          <details key={locale}>
            <summary>{t(`locale.${locale}`)}</summary>
            <dl>
              {safeguardingCategories.map((category) => (
                <div key={category}>
                  <dt>{t(`category.${category}`)}</dt>
                  <dd lang={locale}>
                    {defaults
                      .filter((p) => p.locale === locale && p.category === category)
                      .map((p) => p.phrase)
                      .join(' · ')}
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        ))}
      </section>
    </div>
  )
}
