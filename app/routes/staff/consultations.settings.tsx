// A consultation's settings: edit them, open or close it, make a copy, download its survey file.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/error-summary'
import { TextField } from '~/components/findings-fields'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { changeStatus, duplicateConsultation, readForm, requireConsultation, settingsChoices, settingsValues, updateSettings } from '~/services/consultations.server'
import { versionInfo } from '~/services/question-editor.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'
import { SettingsFields, shownErrors } from './consultations.fields'
import { VersionLine } from './questions.version'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

const notices = ['created', 'imported', 'duplicated', 'saved', 'opened', 'closedNow'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const { t } = await getT(request)
  const values = await settingsValues(db, consultation)
  const done = new URL(request.url).searchParams.get('done')
  return {
    pageTitle: t('builder:settings.title', { title: values.title || consultation.slug }),
    slug: consultation.slug,
    status: consultation.status,
    choices: settingsChoices(),
    values,
    notice: notices.find((n) => n === done) ?? null,
    version: await versionInfo(db, consultation),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? 'save')
  const here = `/staff/consultations/${consultation.slug}/settings`
  if (intent === 'open' || intent === 'close') {
    await changeStatus(db, consultation, intent === 'open' ? 'open' : 'closed', user.id)
    return redirect(`${here}?done=${intent === 'open' ? 'opened' : 'closedNow'}`)
  }
  if (intent === 'duplicate') {
    const result = await duplicateConsultation(db, consultation, form, user.id)
    if (result.ok) return redirect(`/staff/consultations/${result.slug}/settings?done=duplicated`)
    return data({ form: 'duplicate' as const, errors: result.errors, duplicateSlug: result.values.slug }, { status: 400 })
  }
  const result = await updateSettings(db, consultation, form, user.id)
  if (result.ok) return redirect(`${here}?done=saved`)
  return data({ form: 'settings' as const, errors: result.errors, values: result.values }, { status: 400 })
}

export default function ConsultationSettingsPage() {
  const { pageTitle, slug, status, choices, values, notice, version } = useLoaderData<typeof loader>()
  const { t: te } = useTranslation('editor')
  const result = useActionData<typeof action>()
  const { t } = useTranslation('builder')
  const settingsFailed = result?.form === 'settings' ? result : null
  const duplicateFailed = result?.form === 'duplicate' ? result : null
  const duplicateError = duplicateFailed?.errors['duplicate-slug'] ? t(`errors.${duplicateFailed.errors['duplicate-slug']}`) : undefined
  const errors = [...shownErrors(settingsFailed?.errors, choices, t), ...(duplicateError ? [{ field: 'duplicate-slug', message: duplicateError }] : [])]
  return (
    <div className="stack">
      <h1>{pageTitle}</h1>
      <ErrorSummary errors={errors} />
      {notice && !result ? (
        <p className="banner" role="status">
          {t(`settings.${notice}`)}
        </p>
      ) : null}

      <section className="stack" aria-labelledby="editor-title">
        <h2 id="editor-title">{te('settingsPage.title')}</h2>
        <VersionLine version={version} />
        <ul className="link-list">
          <li>
            <Link to={`/staff/consultations/${slug}/questions`}>{te('settingsPage.questions')}</Link>
          </li>
          <li>
            <Link to={`/staff/consultations/${slug}/texts`}>{te('settingsPage.texts')}</Link>
          </li>
          <li>
            <Link to={`/staff/consultations/${slug}/preview`}>{te('settingsPage.preview')}</Link>
          </li>
        </ul>
      </section>

      <section className="stack" aria-labelledby="status-title">
        <h2 id="status-title">{t('settings.statusTitle')}</h2>
        <p data-testid="consultation-status">{t('settings.statusNow', { status: t(`status.${status}`) })}</p>
        <Form method="post">
          {status === 'open' ? (
            <button type="submit" name="intent" value="close" className="button button--warning">
              {t('settings.close')}
            </button>
          ) : (
            <button type="submit" name="intent" value="open" className="button button--primary">
              {t('settings.open')}
            </button>
          )}
        </Form>
        {status === 'open' ? (
          <p>
            <Link to={`/staff/consultations/${slug}/share`}>{t('settings.shareLink')}</Link>
          </p>
        ) : null}
      </section>

      <section className="stack" aria-labelledby="settings-form-title">
        <h2 id="settings-form-title">{t('list.settings')}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="save" />
          <SettingsFields
            key={JSON.stringify(settingsFailed?.values ?? values)}
            values={settingsFailed?.values ?? values}
            errors={settingsFailed?.errors}
            choices={choices}
            withSlug={false}
          />
          <div className="button-group">
            <button type="submit" className="button button--primary">
              {t('settings.save')}
            </button>
          </div>
        </Form>
      </section>

      <section className="stack" aria-labelledby="duplicate-title">
        <h2 id="duplicate-title">{t('settings.duplicateTitle')}</h2>
        <p>{t('settings.duplicateIntro')}</p>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="duplicate" />
          <TextField
            id="duplicate-slug"
            name="slug"
            label={t('settings.duplicateSlug')}
            hint={t('form.slugHint')}
            defaultValue={duplicateFailed?.duplicateSlug ?? `${slug}-copy`}
            error={duplicateError}
          />
          <div className="button-group">
            <button type="submit" className="button button--secondary">
              {t('settings.duplicate')}
            </button>
          </div>
        </Form>
      </section>

      <section className="stack" aria-labelledby="export-title">
        <h2 id="export-title">{t('settings.exportTitle')}</h2>
        <p>{t('settings.exportIntro')}</p>
        <p>
          <a href={`/staff/consultations/${slug}/definition.json`} download>
            {t('settings.export')}
          </a>
        </p>
      </section>
    </div>
  )
}
