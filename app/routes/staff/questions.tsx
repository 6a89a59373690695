// A consultation's questions in order: move them up and down, edit, remove, add one of any type;
// texts and translations, preview; once answers exist, the structure is locked and a new version
// can be made. Every form works without JavaScript.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/error-summary'
import { TextField } from '~/components/findings-fields'
import { SymbolImage } from '~/components/symbol'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { readForm, requireConsultation, settingsValues } from '~/services/consultations.server'
import { makeNewVersion, moveQuestion, questionList } from '~/services/question-editor.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'
import { VersionLine } from './questions.version'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

const notices = ['added', 'saved', 'moved', 'removed', 'locked', 'newVersion', 'cannotMove'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const { t } = await getT(request)
  const { title } = await settingsValues(db, consultation)
  const list = await questionList(db, consultation)
  const done = new URL(request.url).searchParams.get('done')
  return { pageTitle: t('editor:list.title', { title: title || consultation.slug }), slug: consultation.slug, ...list, notice: notices.find((n) => n === done) ?? null }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? '')
  const here = `/staff/consultations/${consultation.slug}/questions`
  if (intent === 'up' || intent === 'down') {
    const moved = await moveQuestion(db, consultation, String(form.get('questionId') ?? ''), intent, user.id)
    return redirect(`${here}?done=${moved === 'moved' ? 'moved' : moved === 'locked' ? 'locked' : 'cannotMove'}#questions-title`)
  }
  if (intent === 'new-version') {
    const result = await makeNewVersion(db, consultation, form, user.id)
    if (result.ok) return redirect(`/staff/consultations/${result.slug}/questions?done=newVersion`)
    return data({ errors: result.errors, slug: result.values.slug }, { status: 400 })
  }
  return data({ errors: { form: 'unknownAction' } as Record<string, string>, slug: '' }, { status: 400 })
}

export default function QuestionsPage() {
  const { pageTitle, slug, questions, locked, version, types, suggestedVersionSlug, notice } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('editor')
  const versionError = result?.errors['version-slug'] ? t(`builder:errors.${result.errors['version-slug']}`) : undefined
  const base = `/staff/consultations/${slug}`
  return (
    <div className="stack">
      <h1>{pageTitle}</h1>
      <ErrorSummary errors={versionError ? [{ field: 'version-slug', message: versionError }] : []} />
      {notice && !result ? (
        <p className="banner" role="status">
          {t(`list.notices.${notice}`)}
        </p>
      ) : null}
      <VersionLine version={version} />
      <ul className="link-list" aria-label={t('list.pagesLabel')}>
        <li>
          <Link to={`${base}/settings`}>{t('list.settings')}</Link>
        </li>
        <li>
          <Link to={`${base}/texts`}>{t('list.texts')}</Link>
        </li>
        <li>
          <Link to={`${base}/preview`}>{t('list.preview')}</Link>
        </li>
      </ul>

      {locked ? (
        <section className="panel lock-panel stack" aria-labelledby="lock-title" id="new-version">
          <h2 id="lock-title">{t('lock.title')}</h2>
          <p>{t('lock.explain')}</p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="new-version" />
            <TextField
              id="version-slug"
              name="slug"
              label={t('lock.slug')}
              hint={t('builder:form.slugHint')}
              defaultValue={result?.slug || suggestedVersionSlug}
              error={versionError}
            />
            <div className="button-group">
              <button type="submit" className="button button--primary">
                {t('lock.newVersion')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <section className="stack" aria-labelledby="questions-title">
        <h2 id="questions-title">{t('list.questionsTitle', { total: questions.length })}</h2>
        {questions.length ? (
          <ol className="question-list" data-testid="question-list">
            {questions.map((q, i) => (
              <li key={q.id} className="question-list__item stack" data-key={q.key}>
                <h3 className="question-list__prompt">
                  {q.symbol ? <SymbolImage symbol={q.symbol} place="option" /> : null} {t('list.number', { n: q.number })} {q.prompt}
                </h3>
                <p className="hint">
                  {t(`types.${q.type}`)} · {t('list.key', { key: q.key })}
                  {q.required ? ` · ${t('list.required')}` : ''}
                  {q.options.length ? ` · ${t('list.optionCount', { total: q.options.length })}` : ''}
                </p>
                <ul className="button-group question-list__actions">
                  <li>
                    <Link to={`${base}/questions/${q.id}`} aria-label={t('list.editN', { n: q.number })}>
                      {t('list.edit')}
                    </Link>
                  </li>
                  <li>
                    <Link to={`${base}/questions/${q.id}/symbols`} aria-label={t('list.symbolsN', { n: q.number })}>
                      {t('list.symbols')}
                    </Link>
                  </li>
                  <li>
                    <Link to={`${base}/questions/${q.id}/audio`} aria-label={t('list.audioN', { n: q.number })}>
                      {t('list.audio')}
                    </Link>
                  </li>
                  {!locked ? (
                    <>
                      {i > 0 ? (
                        <li>
                          <MoveButton questionId={q.id} direction="up" label={t('list.upN', { n: q.number })} text={t('form.up')} />
                        </li>
                      ) : null}
                      {i < questions.length - 1 ? (
                        <li>
                          <MoveButton questionId={q.id} direction="down" label={t('list.downN', { n: q.number })} text={t('form.down')} />
                        </li>
                      ) : null}
                      <li>
                        <Link to={`${base}/questions/${q.id}/remove`} aria-label={t('list.removeN', { n: q.number })}>
                          {t('list.remove')}
                        </Link>
                      </li>
                    </>
                  ) : null}
                </ul>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('list.empty')}</p>
        )}
      </section>

      {!locked ? (
        <section className="stack" aria-labelledby="add-title">
          <h2 id="add-title">{t('list.addTitle')}</h2>
          <Form method="get" action={`${base}/questions/new`} className="stack">
            <div className="field">
              <label htmlFor="new-type" className="field__label">
                {t('list.addType')}
              </label>
              <select id="new-type" name="type" className="select">
                {types.map((type) => (
                  <option key={type} value={type}>
                    {t(`types.${type}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="button-group">
              <button type="submit" className="button button--primary">
                {t('list.add')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  )
}

function MoveButton({ questionId, direction, label, text }: { questionId: string; direction: 'up' | 'down'; label: string; text: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="questionId" value={questionId} />
      <button type="submit" name="intent" value={direction} className="button button--secondary" aria-label={label}>
        {text}
      </button>
    </Form>
  )
}
