// One question of the preview, as the participant page shows it (the same QuestionField). Next checks
// the answer as the participant page does, then moves on; nothing is saved. Back is a link.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/error-summary'
import { PreviewFrame } from '~/components/preview-frame'
import { QuestionField } from '~/components/question-field'
import type { RouteAccess } from '~/domain/permissions'
import { isSkippable } from '~/domain/survey'
import { requirePermission } from '~/services/auth.server'
import { loadPreviewQuestion, submitPreviewQuestion } from '~/services/preview.server'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  return loadPreviewQuestion(request, params.slug, params.position)
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  return submitPreviewQuestion(request, params.slug, params.position)
}

export default function PreviewQuestionPage() {
  const page = useLoaderData<typeof loader>()
  const { t } = useTranslation('staffadmin')
  const after = (
    <p>
      <a href={page.audioHref}>{t('preview.audio')}</a>
    </p>
  )
  return (
    <PreviewFrame path={page.path} view={page.view} resources={page.resources} editorHref={page.editorHref} settingsHref={page.settingsHref} status={page.status} after={after}>
      <QuestionPage page={page} />
    </PreviewFrame>
  )
}

/** Inside the preview area: the participant's question page, in the previewed language. */
function QuestionPage({ page }: { page: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const result = useActionData<typeof action>()
  const { t } = useTranslation('participant')
  const errors = (result?.errors ?? []).map((e) => ({ field: e.field, message: t(e.messageKey, e.values) }))
  const errorsByField: Record<string, string> = {}
  for (const e of errors) errorsByField[e.field] = errorsByField[e.field] ? `${errorsByField[e.field]} ${e.message}` : e.message
  const last = page.position === page.total
  return (
    <>
      <Link to={page.backHref} className="back-link">
        {t('nav.back')}
      </Link>
      <p className="progress">{t('nav.progress', { position: page.position, total: page.total })}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate key={`${page.question.key}-${page.view.lang}`} className="stack">
        <QuestionField question={page.question} answer={result?.draft ?? null} errors={errorsByField} />
        <div className="button-group">
          <button type="submit" name="intent" value="next" className="button button--primary">
            {last ? t('nav.finish') : t('nav.next')}
          </button>
          {!isSkippable(page.question) ? null : (
            <button type="submit" name="intent" value="skip" className="button button--secondary">
              {t(page.question.type === 'demographic' ? 'nav.preferNotToSay' : 'nav.skip')}
            </button>
          )}
        </div>
      </Form>
    </>
  )
}
