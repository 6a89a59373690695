// One staff account (admins only): change its roles, disable or enable it, reset its password.
// Disabling and resetting sign the person out everywhere at once. An admin cannot take away their
// own admin role or disable themselves: the page says so beside the control.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import { InputField, RolesField, rolesFieldId } from '~/components/staff-user-fields'
import type { RouteAccess } from '~/domain/permissions'
import { PASSWORD_MIN_LENGTH } from '~/domain/staff-auth'
import { requirePermission } from '~/services/auth.server'
import { changeRoles, requireAccount, resetAccountPassword, setAccountDisabled, type UserErrors } from '~/services/staff-users.server'
import { getDb } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'users:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

const notices = ['roles', 'disabled', 'enabled', 'reset'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'users:manage')
  const account = await requireAccount(getDb(), params.userId)
  const { t } = await getT(request)
  const done = new URL(request.url).searchParams.get('done')
  return { pageTitle: t('staffadmin:users.editTitle', { name: account.name }), account, self: account.id === user.id, notice: notices.find((n) => n === done) ?? null }
}

type Intent = 'roles' | 'disable' | 'enable' | 'reset'

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'users:manage')
  const db = getDb()
  const account = await requireAccount(db, params.userId)
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? '') as Intent
  const here = `/staff/users/${account.id}`
  const outcome =
    intent === 'roles'
      ? await changeRoles(db, account.id, form, user)
      : intent === 'disable' || intent === 'enable'
        ? await setAccountDisabled(db, account.id, intent === 'disable', user)
        : intent === 'reset'
          ? await resetAccountPassword(db, account.id, form, user)
          : null
  if (!outcome) return data({ intent: 'roles' as Intent, errors: {} as UserErrors, roles: account.roles }, { status: 400 })
  if (outcome.ok) return redirect(`${here}?done=${intent === 'disable' ? 'disabled' : intent === 'enable' ? 'enabled' : intent}`)
  const roles = intent === 'roles' ? form.getAll('roles').filter((r): r is string => typeof r === 'string') : account.roles
  return data({ intent, errors: outcome.errors, roles }, { status: 400 })
}

export default function UserPage() {
  const { pageTitle, account, self, notice } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('staffadmin')
  const message = (field: keyof UserErrors) => {
    const code = result?.errors[field]
    return code ? t(`users.errors.${code}`) : undefined
  }
  const errors = [
    ...(message('roles') ? [{ field: rolesFieldId('edit'), message: message('roles')! }] : []),
    ...(message('status') ? [{ field: 'status-button', message: message('status')! }] : []),
    ...(message('password') ? [{ field: 'reset-password', message: message('password')! }] : []),
  ]
  const checked = (result?.intent === 'roles' ? result.roles : account.roles) as typeof account.roles
  return (
    <div className="stack">
      <ErrorSummary errors={errors} />
      <p>
        <Link to="/staff/users" className="back-link">
          {t('users.back')}
        </Link>
      </p>
      <h1>{pageTitle}</h1>
      {notice && !result ? (
        <p className="banner" role="status" data-testid="user-done">
          {t(`users.done.${notice}`)}
        </p>
      ) : null}
      <p>
        {account.email} {self ? t('users.you') : null}
      </p>

      <section className="stack" aria-labelledby="roles-title">
        <h2 id="roles-title">{t('users.rolesTitle')}</h2>
        <Form method="post" className="stack" noValidate key={JSON.stringify(checked)}>
          <input type="hidden" name="intent" value="roles" />
          <RolesField prefix="edit" checked={checked} error={message('roles')} />
          <div className="button-group">
            <button type="submit" className="button button--primary">
              {t('users.saveRoles')}
            </button>
          </div>
        </Form>
      </section>

      <section className="stack" aria-labelledby="access-title">
        <h2 id="access-title">{t('users.accessTitle')}</h2>
        <p data-testid="account-status">{account.disabled ? t('users.isDisabled') : t('users.isActive')}</p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value={account.disabled ? 'enable' : 'disable'} />
          {account.disabled ? null : <p id="status-hint" className="hint">{t('users.disableHint')}</p>}
          <FieldError id="status-error" message={message('status')} />
          <div className="button-group">
            <button
              type="submit"
              id="status-button"
              className={account.disabled ? 'button button--primary' : 'button button--warning'}
              aria-describedby={[account.disabled ? null : 'status-hint', message('status') ? 'status-error' : null].filter(Boolean).join(' ') || undefined}
            >
              {account.disabled ? t('users.enable') : t('users.disable')}
            </button>
          </div>
        </Form>
      </section>

      <section className="stack" aria-labelledby="reset-title">
        <h2 id="reset-title">{t('users.resetTitle')}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="reset" />
          <InputField
            id="reset-password"
            name="password"
            type="password"
            label={t('users.resetLabel')}
            hint={t('users.resetHint', { min: PASSWORD_MIN_LENGTH })}
            error={message('password')}
            autoComplete="new-password"
          />
          <div className="button-group">
            <button type="submit" className="button button--secondary">
              {t('users.reset')}
            </button>
          </div>
        </Form>
      </section>
    </div>
  )
}
