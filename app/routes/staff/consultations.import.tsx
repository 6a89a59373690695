// Create a consultation from a survey file (JSON, app/domain/survey-definition.ts). A bad file is
// refused with every problem listed by its path in the file; nothing is saved.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import { TextField } from '~/components/findings-fields'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { defaultOrganisation, readForm } from '~/services/consultations.server'
import { importDefinitionForm } from '~/services/survey-definition.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const { t } = await getT(request)
  return { pageTitle: t('builder:import.title') }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const result = await importDefinitionForm(db, await readForm(request), { organisationId: await defaultOrganisation(db), userId: user.id })
  if (result.ok) return redirect(`/staff/consultations/${result.slug}/settings?done=imported`)
  return data(result, { status: 400 })
}

export default function ImportConsultationPage() {
  const { pageTitle } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('builder')
  const failed = result && !result.ok ? result : null
  const fileMessages = (failed?.fileErrors ?? []).map((e) => (e.path ? t('import.problemAt', { path: e.path, message: e.message }) : t('import.problem', { message: e.message })))
  const slugError = failed?.slugErrors[0] ? t(`errors.${failed.slugErrors[0]}`) : undefined
  const errors = [...(slugError ? [{ field: 'slug', message: slugError }] : []), ...fileMessages.map((message) => ({ field: 'file', message }))]
  return (
    <div className="stack">
      <h1>{pageTitle}</h1>
      <ErrorSummary errors={errors} />
      <p>{t('import.intro')}</p>
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <TextField id="slug" name="slug" label={t('form.slug')} hint={t('form.slugHint')} defaultValue={failed?.values.slug ?? ''} error={slugError} />
        <div className={`field${fileMessages.length ? ' field--error' : ''}`}>
          <label htmlFor="file" className="field__label">
            {t('import.file')}
          </label>
          {fileMessages.length ? (
            <div id="file-error" data-testid="file-problems">
              <p className="field-error">{t('import.fileProblems')}</p>
              <ul>
                {fileMessages.map((message, i) => (
                  <li key={i}>
                    <FieldError id={`file-error-${i}`} message={message} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <input
            id="file"
            name="file"
            type="file"
            accept="application/json,.json"
            className="input-file"
            aria-describedby={fileMessages.length ? 'file-error' : undefined}
            aria-invalid={fileMessages.length ? true : undefined}
          />
        </div>
        <TextField id="json" name="json" label={t('import.paste')} multiline />
        <div className="button-group">
          <button type="submit" className="button button--primary">
            {t('import.submit')}
          </button>
        </div>
      </Form>
    </div>
  )
}
