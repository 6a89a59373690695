import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/error-summary'
import { QuestionField } from '~/components/question-field'
import { loadQuestionPage, submitQuestionPage } from '~/services/question-page.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.question.prompt} – ${data.title}` : '' }]

export const loader = ({ request, params }: LoaderFunctionArgs) => loadQuestionPage(request, params.slug, params.position)
export const action = ({ request, params }: ActionFunctionArgs) => submitQuestionPage(request, params.slug, params.position)

export default function QuestionPage() {
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('participant')
  const errors = (result?.errors ?? []).map((e) => ({ field: e.field, message: t(e.messageKey, e.values) }))
  const errorsByField: Record<string, string> = {}
  for (const e of errors) errorsByField[e.field] = errorsByField[e.field] ? `${errorsByField[e.field]} ${e.message}` : e.message
  const last = page.position === page.total
  return (
    <div className="stack">
      {errors.length ? <title>{`${t('errors.titlePrefix')} ${page.question.prompt} – ${page.title}`}</title> : null}
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
          {page.question.required ? null : (
            <button type="submit" name="intent" value="skip" className="button button--secondary">
              {t('nav.skip')}
            </button>
          )}
        </div>
      </Form>
    </div>
  )
}
