// Change your own password: the current one, then a new one twice. Every other session ends.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError, type ShownError } from '~/components/error-summary'
import type { RouteAccess } from '~/domain/permissions'
import { type AuthFieldError, fieldErrors, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordChangeSchema } from '~/domain/staff-auth'
import { changePassword, requireStaffUser, sessionUser, signInUrl } from '~/services/auth.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'
import { redirect } from '@remix-run/node'
import { readForm } from '~/utils/form.server'

/** Any signed-in staff user, for their own account only. */
export const access: RouteAccess = 'signedIn'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffUser(request)
  const { t } = await getT(request)
  return { title: t('auth:password.title') }
}

const fields = ['currentPassword', 'newPassword', 'confirmPassword'] as const
type Field = (typeof fields)[number]
type ActionResult = { done: false; fields: Partial<Record<Field, AuthFieldError | 'currentWrong'>> } | { done: true }

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb()
  const signedIn = await sessionUser(db, request)
  if (!signedIn) throw redirect(signInUrl(request))
  const form = await readForm(request)
  const headers = { 'Cache-Control': 'no-store' }
  const parsed = passwordChangeSchema.safeParse(Object.fromEntries(fields.map((f) => [f, form.get(f)])))
  if (!parsed.success) return data<ActionResult>({ done: false, fields: fieldErrors(parsed.error, fields) }, { status: 400, headers })
  const result = await changePassword(db, signedIn.user.id, signedIn.sessionId, parsed.data.currentPassword, parsed.data.newPassword)
  if (!result.ok) return data<ActionResult>({ done: false, fields: { currentPassword: 'currentWrong' } }, { status: 400, headers })
  return data<ActionResult>({ done: true }, { headers: { ...headers, 'Set-Cookie': result.setCookie } })
}

export default function AccountPassword() {
  const { title } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const busy = useNavigation().state === 'submitting'
  const problems = result && !result.done ? result.fields : {}
  const message = (field: Field) => {
    const key = problems[field]
    return key ? t(`errors.${key}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }) : undefined
  }
  const errors = useMemo(() => fields.flatMap((field): ShownError[] => (message(field) ? [{ field, message: message(field) as string }] : [])), [result])
  if (result?.done) {
    return (
      <div className="stack narrow">
        <div className="panel panel--success" role="status">
          <h1>{t('password.doneTitle')}</h1>
          <p>{t('password.doneBody')}</p>
        </div>
      </div>
    )
  }
  return (
    <div className="stack narrow">
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate className="stack">
        {fields.map((field) => {
          const error = message(field)
          const hint = field === 'newPassword' ? t('password.newHint', { min: PASSWORD_MIN_LENGTH }) : null
          const describedBy = [hint ? `${field}-hint` : null, error ? `${field}-error` : null].filter(Boolean).join(' ')
          return (
            <div key={field} className={`field${error ? ' field--error' : ''}`}>
              <label htmlFor={field} className="field__label">
                {t(`password.${field}`)}
              </label>
              {hint ? (
                <p id={`${field}-hint`} className="hint">
                  {hint}
                </p>
              ) : null}
              <FieldError id={`${field}-error`} message={error} />
              <input
                id={field}
                name={field}
                type="password"
                className="input"
                autoComplete={field === 'currentPassword' ? 'current-password' : 'new-password'}
                maxLength={PASSWORD_MAX_LENGTH}
                aria-describedby={describedBy || undefined}
                aria-invalid={error ? true : undefined}
              />
            </div>
          )
        })}
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('password.submit')}
        </button>
      </Form>
    </div>
  )
}
