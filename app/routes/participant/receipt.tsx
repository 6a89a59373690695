import { type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { type RefObject, useEffect, useMemo, useRef } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import type { AnswerInWords } from '~/domain/answer-summary'
import { RECEIPT_CODE_FIELD, RECEIPT_CODE_MAX_LENGTH } from '~/domain/receipt-form'
import { type ReceiptError, type ReceiptStep, submitReceiptForm } from '~/services/receipt.server'
import { getT } from '~/utils/i18n.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? '' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getT(request)
  return { title: t('pageTitle', { ns: 'receipt' }) }
}

export const action = ({ request }: ActionFunctionArgs) => submitReceiptForm(request)

// Answers are shown in the response to a POST: never cache them (a shared tablet's Back button).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}

export default function Receipt() {
  const result = useActionData<typeof action>()
  const step: ReceiptStep = result ?? { step: 'enter', error: null, typed: '' }
  const heading = useRef<HTMLHeadingElement>(null)
  // With JavaScript the page changes without loading: move focus to the new heading, as a page load would.
  // (Errors take focus in the ErrorSummary instead.)
  useEffect(() => {
    if (result && result.step !== 'enter') heading.current?.focus()
  }, [result])
  switch (step.step) {
    case 'enter':
      return <EnterCode error={step.error} typed={step.typed} submission={result} />
    case 'answers':
      return <Answers step={step} heading={heading} />
    case 'confirm':
      return <Confirm step={step} heading={heading} />
    case 'withdrawn':
      return <Withdrawn heading={heading} />
  }
}

type HeadingRef = RefObject<HTMLHeadingElement>

/** Made up: it shows the shape of a code (8 letters and numbers, a dash in the middle). */
const RECEIPT_CODE_EXAMPLE = '7KQ4-MXTC'

function EnterCode({ error, typed, submission }: { error: ReceiptError | null; typed: string; submission: unknown }) {
  const { t } = useTranslation('receipt')
  const { title } = useLoaderData<typeof loader>()
  const busy = useNavigation().state === 'submitting'
  const messages: Record<ReceiptError, string> = { required: t('errors.required'), notFound: t('errors.notFound'), tooMany: t('errors.tooMany') }
  const message = error ? messages[error] : undefined
  // A new list for each answer from the server (so a second wrong code takes focus again), and the same
  // list on every other render (so the summary does not pull focus back while the page is in use).
  const errors = useMemo(() => (message ? [{ field: RECEIPT_CODE_FIELD, message }] : []), [message, submission])
  return (
    <div className="stack">
      <h1>{title}</h1>
      <p className="lead">{t('enter.intro')}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate className="stack">
        <div className={`field${message ? ' field--error' : ''}`}>
          <label htmlFor={RECEIPT_CODE_FIELD} className="field__label">
            {t('enter.label')}
          </label>
          <p id="code-hint" className="hint">
            {/* The example code must not break over two lines at its dash. */}
            <Trans t={t} i18nKey="enter.hint" values={{ example: RECEIPT_CODE_EXAMPLE }} components={{ example: <span className="receipt-example" /> }} />
          </p>
          <FieldError id="code-error" message={message} />
          <input
            id={RECEIPT_CODE_FIELD}
            name={RECEIPT_CODE_FIELD}
            type="text"
            className="input input--code"
            defaultValue={typed}
            key={typed}
            maxLength={RECEIPT_CODE_MAX_LENGTH}
            // A shared tablet must not offer the last child's code to the next one.
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            aria-describedby={message ? 'code-hint code-error' : 'code-hint'}
            aria-invalid={message ? true : undefined}
          />
        </div>
        <button type="submit" name="intent" value="show" className="button button--primary" disabled={busy}>
          {t('enter.submit')}
        </button>
      </Form>
    </div>
  )
}

function Answers({ step, heading }: { step: Extract<ReceiptStep, { step: 'answers' }>; heading: HeadingRef }) {
  const { t } = useTranslation('receipt')
  return (
    <div className="stack">
      <h1 ref={heading} tabIndex={-1} className="focus-heading">
        {t('answers.title')}
      </h1>
      <p className="lead">{t('answers.intro', { title: step.title })}</p>
      <ol className="answer-list" data-testid="receipt-answers">
        {step.answers.map((question) => (
          <li key={question.key} className="answer-list__item" data-question={question.key}>
            <h2 className="answer-list__question">{question.prompt}</h2>
            <AnswerWords answer={question.answer} />
          </li>
        ))}
      </ol>
      <section className="take-back stack" aria-labelledby="take-back-title">
        <h2 id="take-back-title">{t('answers.takeBackTitle')}</h2>
        <p>{t('answers.takeBackBody')}</p>
        <Form method="post">
          <input type="hidden" name={RECEIPT_CODE_FIELD} value={step.code} />
          <button type="submit" name="intent" value="confirm" className="button button--warning">
            {t('answers.takeBack')}
          </button>
        </Form>
      </section>
      <p>
        <Link to={`/c/${step.slug}/you-said-we-did`}>{t('participant:youSaidWeDid.links.receipt')}</Link>
      </p>
      <p>
        <Link to="/">{t('answers.leave')}</Link>
      </p>
    </div>
  )
}

function AnswerWords({ answer }: { answer: AnswerInWords }) {
  const { t } = useTranslation('receipt')
  switch (answer.kind) {
    case 'skipped':
      return <p className="answer-list__answer answer-list__answer--none">{t('answers.skipped')}</p>
    case 'none':
      return <p className="answer-list__answer answer-list__answer--none">{t('answers.none')}</p>
    case 'text':
      return <p className="answer-list__answer answer-list__answer--text">{answer.text}</p>
    case 'ranking':
      return (
        <ol className="answer-list__answer answer-list__ranking">
          {answer.labels.map((label, index) => (
            <li key={label}>{t('answers.rankedItem', { position: index + 1, label })}</li>
          ))}
        </ol>
      )
    case 'choices':
      return (
        <>
          {answer.labels.length === 1 ? (
            <p className="answer-list__answer">{answer.labels[0]}</p>
          ) : (
            <ul className="answer-list__answer answer-list__choices">
              {answer.labels.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          )}
          {answer.ownWords ? <p className="answer-list__answer">{t('answers.ownWords', { words: answer.ownWords })}</p> : null}
        </>
      )
  }
}

function Confirm({ step, heading }: { step: Extract<ReceiptStep, { step: 'confirm' }>; heading: HeadingRef }) {
  const { t } = useTranslation('receipt')
  return (
    <div className="stack">
      <h1 ref={heading} tabIndex={-1} className="focus-heading">
        {t('confirm.title')}
      </h1>
      <p className="warning-text">
        <strong>{t('confirm.cannotUndo')}</strong>
      </p>
      <p>{t('confirm.body', { title: step.title })}</p>
      <Form method="post" className="button-group">
        <input type="hidden" name={RECEIPT_CODE_FIELD} value={step.code} />
        <button type="submit" name="intent" value="withdraw" className="button button--warning">
          {t('confirm.yes')}
        </button>
        <button type="submit" name="intent" value="show" className="button button--secondary">
          {t('confirm.no')}
        </button>
      </Form>
    </div>
  )
}

function Withdrawn({ heading }: { heading: HeadingRef }) {
  const { t } = useTranslation('receipt')
  return (
    <div className="stack">
      <div className="panel panel--success">
        <h1 ref={heading} tabIndex={-1} className="focus-heading">
          {t('withdrawn.title')}
        </h1>
        <p>{t('withdrawn.body')}</p>
      </div>
      <p>{t('withdrawn.codeGone')}</p>
      <p>
        <Link to="/">{t('withdrawn.home')}</Link>
      </p>
    </div>
  )
}
