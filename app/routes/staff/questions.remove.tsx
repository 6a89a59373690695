// Remove a question, after a confirm step (a GET page, then a POST). Refused once answers exist.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { requireConsultation } from '~/services/consultations.server'
import { isLocked, questionSummary, removeQuestion, requireQuestion } from '~/services/question-editor.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'
import { LockNotice } from './questions.lock'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const question = await requireQuestion(db, consultation, params.questionId)
  const { t } = await getT(request)
  const summary = await questionSummary(db, consultation, question.id)
  return { pageTitle: t('editor:remove.title', { n: summary.number }), slug: consultation.slug, question: summary, locked: await isLocked(db, consultation) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const question = await requireQuestion(db, consultation, params.questionId)
  const outcome = await removeQuestion(db, consultation, question.id, user.id)
  return redirect(`/staff/consultations/${consultation.slug}/questions?done=${outcome === 'removed' ? 'removed' : 'locked'}`)
}

export default function RemoveQuestionPage() {
  const { pageTitle, slug, question, locked } = useLoaderData<typeof loader>()
  const { t } = useTranslation('editor')
  return (
    <div className="stack">
      <h1>{pageTitle}</h1>
      <p className="lead">{question.prompt}</p>
      <LockNotice locked={locked} slug={slug} />
      {!locked ? (
        <>
          <p>{t('remove.explain')}</p>
          <Form method="post" className="button-group">
            <button type="submit" className="button button--warning">
              {t('remove.confirm')}
            </button>
            <Link to={`/staff/consultations/${slug}/questions`}>{t('remove.cancel')}</Link>
          </Form>
        </>
      ) : (
        <p>
          <Link to={`/staff/consultations/${slug}/questions`}>{t('form.backToList')}</Link>
        </p>
      )}
    </div>
  )
}
