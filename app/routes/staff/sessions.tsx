// Group sessions (issue #6): the facilitator's list, and the form to start one for an open consultation.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { blankStartValues, sessionSettings } from '~/domain/session-settings'
import { sessionList, startSessionFromForm } from '~/services/sessions.server'
import { getDb } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'sessions:run'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'sessions:run')
  const { t, locale } = await getT(request)
  return { pageTitle: t('sessions:list.title'), ...(await sessionList(getDb(), locale)) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'sessions:run')
  const result = await startSessionFromForm(getDb(), await readForm(request), user.id)
  if (result.ok) return redirect(`/staff/sessions/${result.id}`)
  return data(result, { status: 400 })
}

const fieldOrder = ['consultation', 'setting', 'groupType', 'expected']

export default function SessionsPage() {
  const { pageTitle, consultations, sessions } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('sessions')
  const failed = result && !result.ok ? result : null
  const errors = failed?.errors ?? {}
  const values = failed?.values ?? blankStartValues
  const message = (field: string) => (errors[field] ? t(`start.errors.${errors[field]}`) : undefined)
  const shown = fieldOrder.filter((f) => errors[f]).map((f) => ({ field: f, message: message(f)! }))
  const describedBy = (id: string, hint: boolean) => [hint ? `${id}-hint` : null, errors[id] ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="stack">
      <h1>{pageTitle}</h1>
      <p>{t('list.intro')}</p>
      <ErrorSummary errors={shown} />
      <section className="stack" aria-labelledby="start-title">
        <h2 id="start-title">{t('start.title')}</h2>
        {consultations.length === 0 ? (
          <p className="banner">{t('start.noneOpen')}</p>
        ) : (
          <Form method="post" className="stack" noValidate autoComplete="off">
            <div className={`field${errors.consultation ? ' field--error' : ''}`}>
              <label htmlFor="consultation" className="field__label">
                {t('start.consultation')}
              </label>
              <FieldError id="consultation-error" message={message('consultation')} />
              <select id="consultation" name="consultation" className="select" defaultValue={values.consultation || consultations[0]?.slug} aria-describedby={describedBy('consultation', false)}>
                {consultations.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {c.title}
                  </option>
                ))}
              </select>
            </div>
            <div className={`field${errors.setting ? ' field--error' : ''}`}>
              <label htmlFor="setting" className="field__label">
                {t('start.setting')}
              </label>
              <FieldError id="setting-error" message={message('setting')} />
              <select id="setting" name="setting" className="select" defaultValue={values.setting} aria-describedby={describedBy('setting', false)}>
                <option value="">{t('start.choose')}</option>
                {sessionSettings.map((s) => (
                  <option key={s} value={s}>
                    {t(`settings.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className={`field${errors.groupType ? ' field--error' : ''}`}>
              <label htmlFor="groupType" className="field__label">
                {t('start.groupType')}
              </label>
              <p id="groupType-hint" className="hint">
                {t('start.groupTypeHint')}
              </p>
              <FieldError id="groupType-error" message={message('groupType')} />
              <input id="groupType" name="groupType" className="input" defaultValue={values.groupType} aria-describedby={describedBy('groupType', true)} aria-invalid={errors.groupType ? true : undefined} />
            </div>
            <div className={`field${errors.expected ? ' field--error' : ''}`}>
              <label htmlFor="expected" className="field__label">
                {t('start.expected')}
              </label>
              <p id="expected-hint" className="hint">
                {t('start.expectedHint')}
              </p>
              <FieldError id="expected-error" message={message('expected')} />
              <input id="expected" name="expected" className="input input--short" inputMode="numeric" defaultValue={values.expected} aria-describedby={describedBy('expected', true)} aria-invalid={errors.expected ? true : undefined} />
            </div>
            <div className="check">
              <input type="checkbox" id="kiosk" name="kiosk" defaultChecked={values.kiosk} aria-describedby="kiosk-hint" />
              <label htmlFor="kiosk">{t('start.kiosk')}</label>
            </div>
            <p id="kiosk-hint" className="hint">
              {t('start.kioskHint')}
            </p>
            <div className="button-group">
              <button type="submit" className="button button--primary">
                {t('start.submit')}
              </button>
            </div>
          </Form>
        )}
      </section>
      <section className="stack" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('list.sessions')}</h2>
        {sessions.length === 0 ? (
          <p>{t('list.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('list.consultation')}</th>
                  <th scope="col">{t('list.group')}</th>
                  <th scope="col">{t('list.code')}</th>
                  <th scope="col" className="num">
                    {t('list.finished')}
                  </th>
                  <th scope="col">{t('list.status')}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/staff/sessions/${s.id}`}>{s.title}</Link>
                    </td>
                    <td>
                      {t(`settings.${s.setting}`)}: {s.groupType}
                      {s.kiosk ? ` (${t('list.kiosk')})` : ''}
                    </td>
                    <td className="session-code-cell" dir="ltr">
                      {s.status === 'open' ? s.code : '–'}
                    </td>
                    <td className="num">{s.expected ? t('list.ofExpected', { finished: s.finished, expected: s.expected }) : s.finished}</td>
                    <td>{t(`status.${s.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}
