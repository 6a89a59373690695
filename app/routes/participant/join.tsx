// /join: type the code your group leader shows you, and you are in the group's session.
import { type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import { JOIN_CODE_LENGTH } from '~/domain/join-code'
import { joinSession } from '~/services/sessions.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

// A refused code: the title starts with "Error:" (without JavaScript the action and the loader share one request).
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? (data.refused ? data.errorTitle : data.title) : '' }]

// A typed code is never kept by the browser's cache; a refusal says when to try again.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { t } = await getT(request)
  const code = new URL(request.url).searchParams.get('code') ?? ''
  const title = t('sessions:join.title')
  return { title, errorTitle: `${t('sessions:join.errorPrefix')} ${title}`, refused: context.formRefused === true, code: code.slice(0, 20) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const outcome = await joinSession(getDb(), request)
  if (!(outcome instanceof Response)) context.formRefused = true
  return outcome
}

export default function JoinPage() {
  const { title, errorTitle, code } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useTranslation('sessions')
  const message = result ? (result.error === 'slowDown' ? t('join.errors.slowDown', { seconds: result.seconds ?? 60 }) : t('join.errors.notFound')) : undefined
  useEffect(() => {
    document.title = message ? errorTitle : title
  }, [message, errorTitle, title])
  return (
    <div className="stack">
      <h1>{t('join.heading')}</h1>
      <ErrorSummary errors={message ? [{ field: 'code', message }] : []} />
      <Form method="post" className="stack" noValidate autoComplete="off">
        <div className={`field${message ? ' field--error' : ''}`}>
          <label htmlFor="code" className="field__label">
            {t('join.label')}
          </label>
          <p id="code-hint" className="hint">
            {t('join.hint', { count: JOIN_CODE_LENGTH })}
          </p>
          <FieldError id="code-error" message={message} />
          <input
            id="code"
            name="code"
            className="input input--code"
            defaultValue={result?.code ?? code}
            key={result ? `typed-${result.code}-${result.error}` : 'fresh'}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            maxLength={20}
            aria-describedby={message ? 'code-hint code-error' : 'code-hint'}
            aria-invalid={message ? true : undefined}
          />
        </div>
        <div className="button-group">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('join.submit')}
          </button>
        </div>
      </Form>
      <p>{t('join.noCode')}</p>
    </div>
  )
}
