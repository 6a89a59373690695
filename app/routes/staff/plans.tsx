// Plans: the list, import from a JSON file (upload or paste), or type a plan in.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import { TextField } from '~/components/findings-fields'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { listAllPlans, listOrganisations, submitPlanForm } from '~/services/plans.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'
import { readForm } from '~/utils/form.server'

export const access: RouteAccess = 'plans:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'plans:manage')
  const db = getDb()
  const { t } = await getT(request)
  const [plans, organisations] = await Promise.all([listAllPlans(db), listOrganisations(db)])
  return { pageTitle: t('findings:plans.title'), plans, organisations }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plans:manage')
  const result = await submitPlanForm(getDb(), await readForm(request), user.id)
  if (result.ok) return redirect(`/staff/plans/${encodeURIComponent(result.planId)}?imported=1`)
  return data(result, { status: 400 })
}

export default function PlansPage() {
  const { pageTitle, plans, organisations } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('findings')
  const failed = result && !result.ok ? result : null
  // Problems in a file are listed with where they are; they all point at the field the file came from.
  const fieldOf = (path: string) => (failed?.form === 'outline' ? (path.startsWith('outline') ? 'outline' : path === 'organisation' ? 'organisation' : 'plan-title') : path === 'organisation' ? 'organisation' : 'json')
  const describe = (e: { path: string; message: string }) => (e.path ? t('plans.problemAt', { path: e.path, message: e.message }) : t('plans.problem', { message: e.message }))
  const errors = useMemo(() => (failed ? failed.errors.map((e) => ({ field: fieldOf(e.path), message: describe(e) })) : []), [failed])
  const fieldErrors = (field: string) => errors.filter((e) => e.field === field).map((e) => e.message)
  const value = (name: string, form: 'import' | 'outline') => (failed?.form === form ? (failed.values[name] ?? '') : '')
  return (
    <div className="stack">
      <h1>{pageTitle}</h1>
      <ErrorSummary errors={errors} />
      <section className="stack" aria-labelledby="plans-list">
        <h2 id="plans-list">{t('plans.listTitle')}</h2>
        {plans.length === 0 ? (
          <p>{t('plans.none')}</p>
        ) : (
          <ul className="link-list" data-testid="plans">
            {plans.map((p) => (
              <li key={p.id}>
                <Link to={`/staff/plans/${encodeURIComponent(p.id)}`}>{p.title}</Link> <span className="hint">{t('plans.summary', { items: p.items, period: p.period ?? '–', organisation: p.organisation })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="stack" aria-labelledby="plans-import">
        <h2 id="plans-import">{t('plans.importTitle')}</h2>
        <p>{t('plans.importIntro')}</p>
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          <input type="hidden" name="intent" value="import" />
          <OrganisationField organisations={organisations} error={fieldErrors('organisation')[0]} />
          <div className="field">
            <label htmlFor="file" className="field__label">
              {t('plans.file')}
            </label>
            <input id="file" name="file" type="file" accept="application/json,.json" className="input-file" />
          </div>
          <div className={`field${fieldErrors('json').length ? ' field--error' : ''}`}>
            <label htmlFor="json" className="field__label">
              {t('plans.paste')}
            </label>
            <p id="json-hint" className="hint">
              {t('plans.pasteHint')}
            </p>
            {fieldErrors('json').length ? (
              <div id="json-error">
                {fieldErrors('json').map((message, i) => (
                  <FieldError key={i} id={`json-error-${i}`} message={message} />
                ))}
              </div>
            ) : null}
            <textarea id="json" name="json" className="textarea textarea--code" defaultValue={value('json', 'import')} aria-describedby={fieldErrors('json').length ? 'json-hint json-error' : 'json-hint'} aria-invalid={fieldErrors('json').length ? true : undefined} />
          </div>
          <button type="submit" className="button button--primary">
            {t('plans.import')}
          </button>
        </Form>
      </section>

      <section className="stack" aria-labelledby="plans-type">
        <h2 id="plans-type">{t('plans.typeTitle')}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="outline" />
          <OrganisationField organisations={organisations} error={undefined} idSuffix="-outline" />
          <TextField id="plan-title" name="title" label={t('plans.planTitle')} defaultValue={value('title', 'outline')} error={fieldErrors('plan-title')[0]} />
          <TextField id="period" name="period" label={t('plans.period')} hint={t('plans.periodHint')} defaultValue={value('period', 'outline')} />
          <TextField id="outline" name="outline" label={t('plans.outline')} hint={t('plans.outlineHint')} defaultValue={value('outline', 'outline')} error={fieldErrors('outline').join(' ') || undefined} multiline />
          <button type="submit" className="button button--primary">
            {t('plans.create')}
          </button>
        </Form>
      </section>
    </div>
  )
}

function OrganisationField({ organisations, error, idSuffix = '' }: { organisations: Array<{ id: string; name: string }>; error?: string; idSuffix?: string }) {
  const { t } = useTranslation('findings')
  if (organisations.length === 1) return <input type="hidden" name="organisation" value={organisations[0].id} />
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={`organisation${idSuffix}`} className="field__label">
        {t('plans.organisation')}
      </label>
      <FieldError id={`organisation${idSuffix}-error`} message={error} />
      <select id={`organisation${idSuffix}`} name="organisation" className="select">
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  )
}
