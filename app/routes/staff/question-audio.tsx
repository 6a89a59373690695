// A question's recorded audio clip: upload (multipart, at most 5 MB, its kind found from its bytes),
// replace, remove. Works without JavaScript; a refused file is explained beside the field and in the
// error summary, and the question keeps the clip it had.
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import { QuestionAudio } from '~/components/read-aloud'
import { type AudioRefusal, MAX_AUDIO_BYTES, MAX_AUDIO_MB } from '~/domain/audio-upload'
import type { RouteAccess } from '~/domain/permissions'
import { loadQuestionAudio, removeQuestionAudio, requireQuestion, uploadQuestionAudio } from '~/services/audio-clips.server'
import { requirePermission } from '~/services/auth.server'
import { requireConsultation } from '~/services/consultations.server'
import { getDb } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

const notices = ['uploaded', 'replaced', 'removed'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const question = await requireQuestion(db, consultation, params.questionId)
  const { t, locale } = await getT(request)
  const audio = await loadQuestionAudio(db, consultation, question, locale)
  const done = new URL(request.url).searchParams.get('done')
  const base = `/staff/consultations/${consultation.slug}`
  return {
    pageTitle: t('staffadmin:audio.title', { position: audio.position }),
    ...audio,
    questionKey: question.key,
    notice: notices.find((n) => n === done) ?? null,
    previewHref: `${base}/preview/q/${audio.position}`,
    editorHref: `${base}/questions`,
    settingsHref: `${base}/settings`,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const question = await requireQuestion(db, consultation, params.questionId)
  const here = `/staff/consultations/${consultation.slug}/questions/${question.id}/audio`
  const refuse = (reason: AudioRefusal) => data({ error: reason }, { status: 400, headers: { 'Cache-Control': 'no-store' } })
  const multipart = (request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('multipart/form-data')
  if (!multipart) {
    const form = await readForm(request)
    if (form.get('intent') === 'remove') {
      await removeQuestionAudio(db, consultation, question, user.id)
      return redirect(`${here}?done=removed`)
    }
    return refuse('noFile')
  }
  // Refuse an oversized upload before reading it (the form's other fields add a few bytes)
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_AUDIO_BYTES + 16 * 1024) return refuse('tooBig')
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_AUDIO_BYTES }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError || (error instanceof Error && /exceeded upload size/i.test(error.message))) return refuse('tooBig')
    return refuse('noFile')
  }
  const file = form.get('file')
  const bytes = file instanceof Blob && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null
  const result = await uploadQuestionAudio(db, consultation, question, bytes, user.id)
  if (!result.ok) return refuse(result.reason)
  return redirect(`${here}?done=${question.audio ? 'replaced' : 'uploaded'}`)
}

export default function QuestionAudioPage() {
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('staffadmin')
  const error = result?.error ? `${t(`audio.errors.${result.error}`, { max: MAX_AUDIO_MB })} ${t('audio.errors.kept')}` : undefined
  const describedBy = ['audio-file-hint', error ? 'audio-file-error' : null].filter(Boolean).join(' ')
  return (
    <div className="stack">
      <ErrorSummary errors={error ? [{ field: 'audio-file', message: error }] : []} />
      <h1>{page.pageTitle}</h1>
      {page.notice && !result ? (
        <p className="banner" role="status" data-testid="audio-done">
          {t(`audio.done.${page.notice}`)}
        </p>
      ) : null}
      <p className="lead">{t('audio.intro')}</p>
      <section className="stack" aria-labelledby="audio-question-title">
        <h2 id="audio-question-title">{t('audio.question')}</h2>
        <p lang={page.promptLang}>{page.prompt}</p>
      </section>

      <section className="stack" aria-labelledby="audio-current-title">
        <h2 id="audio-current-title">{t('audio.currentTitle')}</h2>
        {page.audio ? (
          <>
            <QuestionAudio src={page.audio} id="current-audio" />
            {page.clip ? (
              <p data-testid="audio-clip-info">{t('audio.clip', { format: page.clip.format.toUpperCase(), size: Math.max(1, Math.round(page.clip.size / 1024)), date: page.clip.createdAt.slice(0, 10) })}</p>
            ) : (
              <p>{t('audio.fileOnServer', { path: page.audio })}</p>
            )}
          </>
        ) : (
          <p data-testid="audio-none">{t('audio.none')}</p>
        )}
      </section>

      <section className="stack" aria-labelledby="audio-upload-title">
        <h2 id="audio-upload-title">{page.audio ? t('audio.replaceTitle') : t('audio.uploadTitle')}</h2>
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          <div className={`field${error ? ' field--error' : ''}`}>
            <label className="field__label" htmlFor="audio-file">
              {t('audio.fileLabel')}
            </label>
            <p className="hint" id="audio-file-hint">
              {t('audio.fileHint', { max: MAX_AUDIO_MB })}
            </p>
            <FieldError id="audio-file-error" message={error} />
            <input id="audio-file" name="file" type="file" accept="audio/*,.mp3,.m4a,.ogg,.opus,.wav,.webm" className="file-input" aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
          </div>
          <div className="button-group">
            <button type="submit" className="button button--primary">
              {page.audio ? t('audio.replace') : t('audio.upload')}
            </button>
          </div>
        </Form>
      </section>

      {page.audio ? (
        <section className="stack" aria-labelledby="audio-remove-title">
          <h2 id="audio-remove-title">{t('audio.removeTitle')}</h2>
          <p>{t('audio.removeHint')}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <button type="submit" className="button button--warning">
              {t('audio.remove')}
            </button>
          </Form>
        </section>
      ) : null}

      <ul className="link-list">
        <li>
          <Link to={page.previewHref}>{t('audio.preview')}</Link>
        </li>
        <li>
          <Link to={page.editorHref}>{t('audio.editor')}</Link>
        </li>
        <li>
          <Link to={page.settingsHref}>{t('audio.settings')}</Link>
        </li>
      </ul>
    </div>
  )
}
