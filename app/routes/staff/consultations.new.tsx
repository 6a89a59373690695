// Create a consultation: its settings and a new web address. It starts as a draft.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/error-summary'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { blankSettings, createConsultation, defaultOrganisation, readForm, settingsChoices } from '~/services/consultations.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'
import { SettingsFields, shownErrors } from './consultations.fields'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const { t } = await getT(request)
  return { pageTitle: t('builder:new.title'), choices: settingsChoices(), values: blankSettings }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const result = await createConsultation(db, await readForm(request), { organisationId: await defaultOrganisation(db), userId: user.id })
  if (result.ok) return redirect(`/staff/consultations/${result.slug}/settings?done=created`)
  return data(result, { status: 400 })
}

export default function NewConsultationPage() {
  const { pageTitle, choices, values } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('builder')
  const failed = result && !result.ok ? result : null
  return (
    <div className="stack">
      <h1>{pageTitle}</h1>
      <ErrorSummary errors={shownErrors(failed?.errors, choices, t)} />
      <p>{t('new.intro')}</p>
      <Form method="post" className="stack" noValidate>
        <SettingsFields values={failed?.values ?? values} errors={failed?.errors} choices={choices} withSlug />
        <div className="button-group">
          <button type="submit" className="button button--primary">
            {t('new.submit')}
          </button>
        </div>
      </Form>
    </div>
  )
}
