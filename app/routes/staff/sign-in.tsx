import { type ActionFunctionArgs, data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError, type ShownError } from '~/components/error-summary'
import type { RouteAccess } from '~/domain/permissions'
import { safeRedirectPath } from '~/domain/safe-redirect'
import { EMAIL_MAX_LENGTH, fieldErrors, PASSWORD_MAX_LENGTH, signInSchema } from '~/domain/staff-auth'
import { checkCredentials, getStaffUser, STAFF_HOME_PATH, startSession } from '~/services/auth.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'
import { retryAfterSeconds } from '~/utils/rate-limit.server'
import { readForm } from '~/utils/form.server'

/** Anyone may open the sign-in page. */
export const access: RouteAccess = 'public'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

/** Only paths on this site, and never back to the sign-in page itself. */
function backTo(value: unknown): string {
  const path = safeRedirectPath(value, STAFF_HOME_PATH)
  return path.startsWith('/staff/sign-in') ? STAFF_HOME_PATH : path
}

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = backTo(new URL(request.url).searchParams.get('redirectTo'))
  if (await getStaffUser(request)) throw redirect(redirectTo)
  const { t } = await getT(request)
  return { title: t('auth:signIn.title'), redirectTo, signedOut: new URL(request.url).searchParams.has('signedOut') }
}

type SignInError = 'invalid' | 'tooMany'
type ActionResult = { email: string; fields: Partial<Record<'email' | 'password', string>>; error: SignInError | null; retryAfterMinutes?: number }

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request)
  const redirectTo = backTo(form.get('redirectTo'))
  const typedEmail = typeof form.get('email') === 'string' ? String(form.get('email')).slice(0, EMAIL_MAX_LENGTH) : ''
  const headers = { 'Cache-Control': 'no-store' }
  const parsed = signInSchema.safeParse({ email: form.get('email'), password: form.get('password') })
  if (!parsed.success) {
    return data<ActionResult>({ email: typedEmail, fields: fieldErrors(parsed.error, ['email', 'password'] as const), error: null }, { status: 400, headers })
  }
  const db = getDb()
  const result = await checkCredentials(db, parsed.data.email, parsed.data.password)
  if (!result.ok) {
    if (result.reason === 'tooMany') {
      const seconds = retryAfterSeconds(result.retryAfterMs)
      return data<ActionResult>({ email: typedEmail, fields: {}, error: 'tooMany', retryAfterMinutes: Math.ceil(seconds / 60) }, { status: 429, headers: { ...headers, 'Retry-After': String(seconds) } })
    }
    return data<ActionResult>({ email: typedEmail, fields: {}, error: 'invalid' }, { status: 401, headers })
  }
  const setCookie = await startSession(db, request, result.user)
  throw redirect(redirectTo, { headers: { ...headers, 'Set-Cookie': setCookie } })
}

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}

export default function SignIn() {
  const { title, redirectTo, signedOut } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const busy = useNavigation().state === 'submitting'
  // Without JavaScript a new page comes with an empty password box; with it, empty the box the same way.
  const password = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (result && password.current) password.current.value = ''
  }, [result])
  const emailError = result?.fields.email ? t(`errors.${result.fields.email}`) : result?.error === 'invalid' ? t('errors.invalid') : result?.error === 'tooMany' ? t('errors.tooMany', { count: result.retryAfterMinutes ?? 15 }) : undefined
  const passwordError = result?.fields.password ? t(`errors.${result.fields.password}`, { max: PASSWORD_MAX_LENGTH }) : undefined
  // A new list for each answer from the server, so a second failure takes focus again.
  const errors = useMemo(() => {
    const list: ShownError[] = []
    if (emailError) list.push({ field: 'email', message: emailError })
    if (passwordError) list.push({ field: 'password', message: passwordError })
    return list
  }, [emailError, passwordError, result])
  return (
    <div className="stack narrow">
      {signedOut && !result ? (
        <p className="panel panel--success" role="status">
          {t('signIn.signedOut')}
        </p>
      ) : null}
      <h1>{title}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className={`field${emailError ? ' field--error' : ''}`}>
          <label htmlFor="email" className="field__label">
            {t('signIn.email')}
          </label>
          <FieldError id="email-error" message={emailError} />
          <input
            id="email"
            name="email"
            type="email"
            className="input"
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
            defaultValue={result?.email ?? ''}
            maxLength={EMAIL_MAX_LENGTH}
            aria-describedby={emailError ? 'email-error' : undefined}
            aria-invalid={emailError ? true : undefined}
          />
        </div>
        <div className={`field${passwordError ? ' field--error' : ''}`}>
          <label htmlFor="password" className="field__label">
            {t('signIn.password')}
          </label>
          <FieldError id="password-error" message={passwordError} />
          <input
            ref={password}
            id="password"
            name="password"
            type="password"
            className="input"
            autoComplete="current-password"
            maxLength={PASSWORD_MAX_LENGTH}
            aria-describedby={passwordError ? 'password-error' : undefined}
            aria-invalid={passwordError ? true : undefined}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </Form>
      <p className="hint">{t('signIn.forgotten')}</p>
    </div>
  )
}
