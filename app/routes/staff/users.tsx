// Staff accounts (admins only): every account with its roles and whether it is disabled, and a form
// to add one with a first password. Each account has its own page (users.edit.tsx).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/error-summary'
import { InputField, RolesField, rolesFieldId } from '~/components/staff-user-fields'
import type { RouteAccess } from '~/domain/permissions'
import { PASSWORD_MIN_LENGTH } from '~/domain/staff-auth'
import type { UserField } from '~/domain/staff-users'
import { requirePermission } from '~/services/auth.server'
import { addAccount, listAccounts } from '~/services/staff-users.server'
import { getDb } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'users:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'users:manage')
  const { t } = await getT(request)
  const accounts = await listAccounts(getDb())
  const added = new URL(request.url).searchParams.get('added')
  return { pageTitle: t('staffadmin:users.title'), me: user.id, accounts, added: accounts.some((a) => a.id === added) ? added : null }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'users:manage')
  const result = await addAccount(getDb(), await readForm(request), user)
  if (result.ok) return redirect(`/staff/users?added=${result.id}`)
  return data({ errors: result.errors, values: result.values }, { status: 400 })
}

const fieldIds: Record<UserField, string> = { email: 'new-email', name: 'new-name', roles: rolesFieldId('new'), password: 'new-password' }

export default function UsersPage() {
  const { pageTitle, me, accounts, added } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('staffadmin')
  const message = (field: UserField) => {
    const code = result?.errors[field]
    return code ? t(`users.errors.${code}`) : undefined
  }
  const order: UserField[] = ['name', 'email', 'roles', 'password']
  const errors = order.flatMap((field) => (message(field) ? [{ field: fieldIds[field], message: message(field)! }] : []))
  return (
    <div className="stack">
      <ErrorSummary errors={errors} />
      <h1>{pageTitle}</h1>
      {added && !result ? (
        <p className="banner" role="status" data-testid="user-added">
          {t('users.done.added')}
        </p>
      ) : null}
      <p className="lead">{t('users.intro')}</p>

      <section className="stack" aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t('users.listTitle')}</h2>
        <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="accounts-title">
          <table className="table" data-testid="staff-accounts">
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('users.manage')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id} data-email={account.email}>
                  <th scope="row">
                    {account.name} {account.id === me ? t('users.you') : null}
                  </th>
                  <td>{account.email}</td>
                  <td>{account.roles.length ? account.roles.map((role) => t(`auth:roles.${role}`)).join(', ') : t('users.noRoles')}</td>
                  <td>{account.disabled ? t('users.disabled') : t('users.active')}</td>
                  <td>
                    <Link to={`/staff/users/${account.id}`} aria-label={t('users.manageLabel', { name: account.name })}>
                      {t('users.manage')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="stack" aria-labelledby="add-title">
        <h2 id="add-title">{t('users.addTitle')}</h2>
        <Form method="post" className="stack" noValidate key={result ? 'refused' : 'blank'}>
          <InputField id={fieldIds.name} name="name" label={t('users.nameLabel')} error={message('name')} defaultValue={result?.values.name} autoComplete="off" />
          <InputField id={fieldIds.email} name="email" type="email" label={t('users.emailLabel')} error={message('email')} defaultValue={result?.values.email} autoComplete="off" />
          <RolesField prefix="new" checked={result?.values.roles ?? []} error={message('roles')} />
          <InputField
            id={fieldIds.password}
            name="password"
            type="password"
            label={t('users.passwordLabel')}
            hint={t('users.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            error={message('password')}
            autoComplete="new-password"
          />
          <div className="button-group">
            <button type="submit" className="button button--primary">
              {t('users.add')}
            </button>
          </div>
        </Form>
      </section>
    </div>
  )
}
