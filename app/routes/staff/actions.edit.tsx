// Record a new action ("we did") or change one: what was decided, by whom, its status (a reason when
// it will not be done), the date, the themes it answers, and what children will read about it.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import { TextField } from '~/components/findings-fields'
import { FindingsNav } from '~/components/findings-nav'
import { actionStatuses, summaryField, summaryLocales } from '~/domain/actions'
import type { RouteAccess } from '~/domain/permissions'
import { actionFormValues, loadActions, submitActionForm } from '~/services/actions.server'
import { requireStaffConsultation } from '~/services/findings.server'
import { getT } from '~/utils/i18n.server'
import { readForm } from '~/utils/form.server'

export const access: RouteAccess = 'plans:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, consultation } = await requireStaffConsultation(request, params.slug, 'plans:manage')
  const { actions, themes } = await loadActions(db, consultation)
  const existing = params.actionId === 'new' ? undefined : actions.find((a) => a.id === params.actionId)
  if (params.actionId !== 'new' && !existing) throw new Response('Not found', { status: 404 })
  const { t } = await getT(request)
  return { slug: consultation.slug, isNew: !existing, pageTitle: existing ? t('findings:actions.editTitle') : t('findings:actions.newTitle'), themes, values: actionFormValues(existing) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, consultation } = await requireStaffConsultation(request, params.slug, 'plans:manage')
  const result = await submitActionForm(db, consultation, params.actionId === 'new' ? null : (params.actionId ?? null), await readForm(request), user.id)
  if (result.ok) return redirect(`/staff/consultations/${consultation.slug}/actions?done=${'deleted' in result ? 'deleted' : 'saved'}`)
  return data(result, { status: 400 })
}

const summaryFields = summaryLocales.flatMap((locale) => (['plain', 'easy'] as const).map((register) => ({ locale, register, name: summaryField(locale, register) })))

export default function ActionEditPage() {
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('findings')
  const failed = result && !result.ok ? result : null
  const values = failed ? failed.values : page.values
  const text = (name: string) => {
    const v = values[name]
    return typeof v === 'string' ? v : ''
  }
  const chosenThemes = Array.isArray(values.themes) ? values.themes : []
  const messageFor = (field: string) => {
    const e = failed?.errors.find((x) => x.field === field)
    return e ? t(e.message) : undefined
  }
  // The themes error belongs to the first checkbox, so the summary link lands in the group.
  const anchor = (field: string) => (field === 'themeIds' ? `theme-${page.themes[0]?.id ?? ''}` : field === 'status' ? 'status-planned' : field)
  const errors = useMemo(() => (failed ? failed.errors.map((e) => ({ field: anchor(e.field), message: t(e.message) })) : []), [failed, t])
  const statusError = messageFor('status')
  const themesError = messageFor('themeIds')
  return (
    <div className="stack">
      <h1>{page.pageTitle}</h1>
      <FindingsNav slug={page.slug} canManage />
      <ErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <TextField id="decision" name="decision" label={t('actions.decision')} hint={t('actions.decisionHint')} defaultValue={text('decision')} error={messageFor('decision')} multiline />
        <TextField id="decidedBy" name="decidedBy" label={t('actions.decidedBy')} defaultValue={text('decidedBy')} error={messageFor('decidedBy')} />
        <fieldset className={`fieldset${statusError ? ' fieldset--error' : ''}`} aria-describedby={statusError ? 'status-error' : undefined}>
          <legend className="fieldset__legend">{t('actions.status')}</legend>
          <FieldError id="status-error" message={statusError} />
          {actionStatuses.map((status) => (
            <div key={status} className="check">
              <input type="radio" id={`status-${status}`} name="status" value={status} defaultChecked={text('status') === status} />
              <label htmlFor={`status-${status}`}>{t(`status.${status}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextField id="reason" name="reason" label={t('actions.reason')} hint={t('actions.reasonHint')} defaultValue={text('reason')} error={messageFor('reason')} multiline />
        <TextField id="decidedOn" name="decidedOn" type="date" label={t('actions.date')} hint={t('actions.dateHint')} defaultValue={text('decidedOn')} error={messageFor('decidedOn')} />
        <fieldset className={`fieldset${themesError ? ' fieldset--error' : ''}`} aria-describedby={themesError ? 'themes-error' : undefined}>
          <legend className="fieldset__legend">{t('actions.themes')}</legend>
          <FieldError id="themes-error" message={themesError} />
          <div className="check-grid">
            {page.themes.map((theme) => (
              <div key={theme.id} className="check">
                <input type="checkbox" id={`theme-${theme.id}`} name="themes" value={theme.id} defaultChecked={chosenThemes.includes(theme.id)} />
                <label htmlFor={`theme-${theme.id}`}>{theme.title}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className="fieldset stack">
          <legend className="fieldset__legend">{t('actions.summaries')}</legend>
          <p className="hint">{t('actions.summariesHint')}</p>
          {summaryFields.map((f) => (
            <TextField key={f.name} id={f.name} name={f.name} label={t(`languages.${f.locale}-${f.register}`)} defaultValue={text(f.name)} error={messageFor(f.name)} multiline />
          ))}
        </fieldset>
        <TextField id="symbol" name="symbol" label={t('actions.symbol')} hint={t('actions.symbolHint')} defaultValue={text('symbol')} error={messageFor('symbol')} />
        <div className="button-group">
          <button type="submit" name="intent" value="save" className="button button--primary">
            {t('actions.save')}
          </button>
          {page.isNew ? null : (
            <button type="submit" name="intent" value="delete" className="button button--warning">
              {t('actions.delete')}
            </button>
          )}
        </div>
      </Form>
      <p>
        <Link to={`/staff/consultations/${page.slug}/actions`}>{t('actions.back')}</Link>
      </p>
    </div>
  )
}
