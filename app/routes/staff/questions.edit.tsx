// Edit one question: words, settings, options with keys and theme links; its symbols and recorded
// clip are on their own pages. Once answers exist only wording may change (recorded in the audit log).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/error-summary'
import type { RouteAccess } from '~/domain/permissions'
import { editableTypes, typeEditor } from '~/domain/question-editor'
import { isQuestionType } from '~/domain/survey'
import { requirePermission } from '~/services/auth.server'
import { readForm, requireConsultation } from '~/services/consultations.server'
import { editQuestion, editQuestionValues, questionFormContext, requireQuestion } from '~/services/question-editor.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'
import { LockNotice } from './questions.lock'
import { QuestionForm, shownEditErrors } from './questions.form'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

const notices = ['added', 'saved', 'symbol'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const question = await requireQuestion(db, consultation, params.questionId)
  const { t } = await getT(request)
  const values = await editQuestionValues(db, consultation, question.id)
  const type = isQuestionType(values.type) ? values.type : 'single'
  const done = new URL(request.url).searchParams.get('done')
  return {
    pageTitle: t('editor:edit.title', { key: question.key }),
    slug: consultation.slug,
    questionId: question.id,
    values,
    editors: Object.fromEntries(editableTypes.map((ty) => [ty, typeEditor(ty)])),
    types: editableTypes,
    notice: notices.find((n) => n === done) ?? null,
    ...(await questionFormContext(db, consultation, type, question.id)),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const question = await requireQuestion(db, consultation, params.questionId)
  const { t } = await getT(request)
  const result = await editQuestion(db, consultation, question.id, await readForm(request), { userId: user.id, t })
  if (result.ok) return redirect(`/staff/consultations/${consultation.slug}/questions/${question.id}?done=saved`)
  return data(result, { status: result.notice ? 200 : 400 })
}

export default function EditQuestionPage() {
  const loaded = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('editor')
  const failed = result && !result.ok ? result : null
  const values = failed?.values ?? loaded.values
  const errors = failed?.errors ?? {}
  return (
    <div className="stack">
      <ErrorSummary errors={shownEditErrors(errors, t)} />
      <h1>{loaded.pageTitle}</h1>
      {loaded.notice && !result ? (
        <p className="banner" role="status">
          {t(`edit.notices.${loaded.notice}`)}
        </p>
      ) : null}
      {failed?.notice ? (
        <p className="banner" role="status">
          {t('form.notSavedYet')}
        </p>
      ) : null}
      <LockNotice locked={loaded.locked} slug={loaded.slug} error={errors.lock ? t(`errors.${errors.lock.code}`, errors.lock.values) : undefined} />
      <QuestionForm
        key={JSON.stringify(values)}
        slug={loaded.slug}
        questionId={loaded.questionId}
        values={values}
        errors={errors}
        editors={loaded.editors}
        types={loaded.types}
        themes={loaded.themes}
        symbols={loaded.symbols}
        symbolNames={loaded.symbolNames}
        submitLabel={t('edit.submit')}
      />
    </div>
  )
}
