// Add a question of any type: its words, settings and options (symbols come after the first save).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/error-summary'
import type { RouteAccess } from '~/domain/permissions'
import { editableTypes, typeEditor } from '~/domain/question-editor'
import { isQuestionType } from '~/domain/survey'
import { requirePermission } from '~/services/auth.server'
import { readForm, requireConsultation } from '~/services/consultations.server'
import { addQuestion, newQuestionValues, questionFormContext } from '~/services/question-editor.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'
import { LockNotice } from './questions.lock'
import { QuestionForm, shownEditErrors } from './questions.form'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const { t } = await getT(request)
  const requested = new URL(request.url).searchParams.get('type') ?? ''
  const type = isQuestionType(requested) ? requested : 'single'
  const context = await questionFormContext(db, consultation, type)
  return {
    pageTitle: t('editor:new.title', { type: t(`editor:types.${type}`) }),
    slug: consultation.slug,
    values: newQuestionValues(type, t),
    editors: Object.fromEntries(editableTypes.map((ty) => [ty, typeEditor(ty)])),
    types: editableTypes,
    ...context,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const { t } = await getT(request)
  const result = await addQuestion(db, consultation, await readForm(request), { userId: user.id, t })
  if (result.ok) return redirect(`/staff/consultations/${consultation.slug}/questions/${result.questionId}?done=added`)
  return data(result, { status: result.notice ? 200 : 400 })
}

export default function NewQuestionPage() {
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
      {failed?.notice ? (
        <p className="banner" role="status">
          {t('form.notSavedYet')}
        </p>
      ) : null}
      <LockNotice locked={loaded.locked} slug={loaded.slug} error={errors.lock ? t(`errors.${errors.lock.code}`, errors.lock.values) : undefined} />
      <QuestionForm
        key={JSON.stringify(values)}
        slug={loaded.slug}
        questionId={null}
        values={values}
        errors={errors}
        editors={loaded.editors}
        types={loaded.types}
        themes={loaded.themes}
        symbols={loaded.symbols}
        symbolNames={loaded.symbolNames}
        submitLabel={t('new.submit')}
      />
    </div>
  )
}
