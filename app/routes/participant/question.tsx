import { type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/error-summary'
import { QuestionField } from '~/components/question-field'
import { isSkippable } from '~/domain/survey'
import { loadQuestionPage, submitQuestionPage } from '~/services/question-page.server'

// GOV.UK pattern: a refused page's title starts with "Error:". Without JavaScript the action and the
// loader share one request, so the loader knows; with JavaScript the page sets the title itself.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? (data.refused ? data.errorTitle : data.documentTitle) : '' }]

// A save refused by the rate limit (429) says when to try again (H10).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export const loader = ({ request, params, context }: LoaderFunctionArgs) => loadQuestionPage(request, params.slug, params.position, context.formRefused === true)
export async function action({ request, params, context }: ActionFunctionArgs) {
  const outcome = await submitQuestionPage(request, params.slug, params.position)
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
      <Form method="post" noValidate key={page.question.key} className="stack">
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
    </div>
  )
}
