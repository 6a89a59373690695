import { type ActionFunctionArgs, data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useNavigation, useRouteError } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/error-summary'
import { KioskControls } from '~/components/kiosk-controls'
import { QuestionField } from '~/components/question-field'
import { forgetUnsent, keepUnsent, UnsentAnswer } from '~/components/unsent-answer'
import { isSkippable } from '~/domain/survey'
import { loadQuestionPage, notSavedOutcome, submitQuestionPage } from '~/services/question-page.server'
import { kioskQuestionPage } from '~/services/sessions.server'

// GOV.UK pattern: a refused page's title starts with "Error:". Without JavaScript the action and the
// loader share one request, so the loader knows; with JavaScript the page sets the title itself.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? (data.refused ? data.errorTitle : data.documentTitle) : '' }]

// A save refused by the rate limit (429) says when to try again (H10). A shared tablet's pages are never
// kept by the browser (issue #6: Cache-Control from the loader).
export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers()
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  const cacheControl = loaderHeaders.get('Cache-Control')
  if (cacheControl) headers.set('Cache-Control', cacheControl)
  return headers
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // On a shared tablet (kiosk): a stale resume is refused, and the page gets "I'm finished" and the idle reset.
  const kiosk = await kioskQuestionPage(request, params.slug)
  const page = await loadQuestionPage(request, params.slug, params.position, context.formRefused === true)
  return data({ ...page, kiosk: kiosk?.view ?? null }, { headers: kiosk?.headers })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await kioskQuestionPage(request, params.slug, { touch: false })
  let outcome
  try {
    outcome = await submitQuestionPage(request, params.slug, params.position)
  } catch (error) {
    if (error instanceof Response) throw error
    // Not saved (the database failed): say so plainly, and keep what was typed.
    console.error(error)
    // The form was read before the save failed; readForm hands the same form out again.
    outcome = await notSavedOutcome(request, params.slug, params.position)
  }
  if (!(outcome instanceof Response)) context.formRefused = true
  return outcome
}

export default function QuestionPage() {
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('participant')
  const errors = (result?.errors ?? []).map((e) => ({ field: e.field, message: t(e.messageKey, e.values) }))
  const errorsByField: Record<string, string> = {}
  for (const e of errors) errorsByField[e.field] = errorsByField[e.field] ? `${errorsByField[e.field]} ${e.message}` : e.message
  const last = page.position === page.total
  const refused = errors.length > 0
  useEffect(() => {
    if (refused) document.title = page.errorTitle
  }, [result, refused, page.errorTitle])
  // The server has answered a submit (saved, or said what to fix): no answer is waiting on the device.
  useEffect(() => {
    if (navigation.state === 'loading' && navigation.formMethod) forgetUnsent()
  }, [navigation.state, navigation.formMethod])
  // With JavaScript, a new question arrives without a page load: move focus to its heading, as a page load would.
  const heading = useRef(page.question.key)
  useEffect(() => {
    if (heading.current === page.question.key) return
    heading.current = page.question.key
    document.getElementById('question-heading')?.focus()
  }, [page.question.key])
  return (
    <div className="stack">
      <Link to={page.backHref} className="back-link">
        {t('nav.back')}
      </Link>
      <p className="progress">{t('nav.progress', { position: page.position, total: page.total })}</p>
      <ErrorSummary errors={errors} />
      <UnsentAnswer />
      {/* A story may carry a picture: multipart, which the server allows up to 11 MB on question pages only. */}
      <Form method="post" noValidate key={page.question.key} className="stack" encType={page.question.type === 'story' ? 'multipart/form-data' : undefined} autoComplete={page.kiosk ? 'off' : undefined} onSubmit={(event) => keepUnsent(event, page.kiosk !== null)}>
        <QuestionField question={page.question} answer={result?.draft ?? page.answer} errors={errorsByField} />
        <div className="button-group">
          <button type="submit" name="intent" value="next" className="button button--primary" disabled={navigation.state === 'submitting'}>
            {last ? t('nav.finish') : t('nav.next')}
          </button>
          {!isSkippable(page.question) ? null : (
            <button type="submit" name="intent" value="skip" className="button button--secondary">
              {t(page.question.type === 'demographic' ? 'nav.preferNotToSay' : 'nav.skip')}
            </button>
          )}
        </div>
      </Form>
      {page.kiosk ? <KioskControls kiosk={page.kiosk} /> : null}
    </div>
  )
}

/**
 * The page could not be sent or loaded. No connection (issue #6): the answer is kept on the device and
 * sent again (UnsentAnswer) — said plainly. Anything else: the app's usual words.
 */
export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const offline = !isRouteErrorResponse(error) && error instanceof TypeError
  const notFound = isRouteErrorResponse(error) && error.status === 404
  return (
    <div className="stack">
      <title>{offline ? t('participant:offline.title') : notFound ? t('errors.notFoundTitle') : t('errors.problemTitle')}</title>
      <h1>{offline ? t('participant:offline.title') : notFound ? t('errors.notFoundTitle') : t('errors.problemTitle')}</h1>
      {offline ? <UnsentAnswer failed /> : <p>{notFound ? t('errors.notFoundBody') : t('errors.problemBody')}</p>}
      <p>
        <a href={typeof window === 'undefined' ? '/' : window.location.pathname}>{t('errors.tryAgain')}</a>
      </p>
    </div>
  )
}
