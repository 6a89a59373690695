// One language's texts (or its Easy Read texts): the default language's words beside each box, saved
// in one form; what is still missing is listed at the top. Allowed when the structure is locked;
// every change is recorded with its old and new words.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import type { RouteAccess } from '~/domain/permissions'
import type { TextSlot } from '~/domain/survey-texts'
import { directionOf, localeNames } from '~/i18n/config'
import { requirePermission } from '~/services/auth.server'
import { readForm, requireConsultation } from '~/services/consultations.server'
import { requireTextPage, saveTextsPage, textsPageRows } from '~/services/question-editor.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

const languageName = (locale: string) => localeNames[locale as keyof typeof localeNames] ?? locale

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const { locale, register } = requireTextPage(consultation, params.locale, params.register)
  const { t } = await getT(request)
  const { rows, missing } = await textsPageRows(db, consultation, locale, register)
  const saved = new URL(request.url).searchParams.get('saved')
  return {
    pageTitle: t(`editor:texts.pageName.${register}`, { language: languageName(locale) }),
    slug: consultation.slug,
    locale,
    register,
    defaultLocale: consultation.default_locale,
    rows,
    missing,
    saved: saved !== null && /^\d+$/.test(saved) ? Number(saved) : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const { locale, register } = requireTextPage(consultation, params.locale, params.register)
  const result = await saveTextsPage(db, consultation, locale, register, await readForm(request), user.id)
  if (result.ok) return redirect(`/staff/consultations/${consultation.slug}/texts/${locale}/${register}?saved=${result.changed}`)
  return data(result, { status: 400 })
}

function useSlotLabel() {
  const { t } = useTranslation('editor')
  return (slot: TextSlot) =>
    slot.entityType === 'consultation'
      ? t(`texts.slot.${slot.field}`)
      : slot.entityType === 'question'
      ? t(`texts.slot.question${slot.field === 'hint' ? 'Hint' : 'Prompt'}`, { n: slot.questionNumber })
      : t('texts.slot.option', { n: slot.questionNumber, o: slot.optionNumber })
}

export default function TextsEditPage() {
  const { pageTitle, slug, locale, register, defaultLocale, rows, missing, saved } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('editor')
  const slotLabel = useSlotLabel()
  const failed = result && !result.ok ? result : null
  const errorOf = (name: string) => (failed?.errors[name] ? t(`errors.${failed.errors[name].code}`, failed.errors[name].values) : undefined)
  const summary = rows.filter((r) => failed?.errors[r.name]).map((r) => ({ field: r.name, message: `${slotLabel(r.slot)}: ${errorOf(r.name)}` }))
  const sourceName = languageName(defaultLocale)
  return (
    <div className="stack">
      <ErrorSummary errors={summary} />
      <h1>{pageTitle}</h1>
      {saved !== null && !result ? (
        <p className="banner" role="status">
          {t('texts.saved', { changed: saved })}
        </p>
      ) : null}
      <p className="lead">{t(`texts.pageIntro.${register}`, { language: languageName(locale), source: sourceName })}</p>
      <section className="stack" aria-labelledby="missing-title">
        <h2 id="missing-title">{t('texts.missingTitle', { missing: missing.length })}</h2>
        {missing.length ? (
          <ul className="link-list" data-testid="missing-texts">
            {rows
              .filter((r) => missing.includes(r.name))
              .map((r) => (
                <li key={r.name}>
                  <a href={`#${r.name}`}>{slotLabel(r.slot)}</a>
                </li>
              ))}
          </ul>
        ) : (
          <p>{t('texts.nothingMissing')}</p>
        )}
      </section>
      {rows.length ? (
        <Form method="post" className="stack" noValidate>
          {rows.map((r) => {
            const error = errorOf(r.name)
            const describedBy = [`${r.name}-source`, error ? `${r.name}-error` : null].filter(Boolean).join(' ')
            const value = failed?.values[r.name] ?? r.value
            return (
              <div key={r.name} className={`field text-pair${error ? ' field--error' : ''}`}>
                <label htmlFor={r.name} className="field__label">
                  {slotLabel(r.slot)}
                </label>
                <p id={`${r.name}-source`} className="text-pair__source">
                  <span className="text-pair__source-name">{t(r.sourceRegister === 'easy' ? 'texts.sourceEasy' : 'texts.source', { language: sourceName })}</span>{' '}
                  <span lang={defaultLocale} dir={directionOf(defaultLocale)}>
                    {r.source}
                  </span>
                </p>
                <FieldError id={`${r.name}-error`} message={error} />
                <textarea
                  id={r.name}
                  name={r.name}
                  className="textarea"
                  rows={2}
                  lang={locale}
                  dir={directionOf(locale)}
                  defaultValue={value}
                  key={value}
                  aria-describedby={describedBy}
                  aria-invalid={error ? true : undefined}
                />
              </div>
            )
          })}
          <div className="button-group">
            <button type="submit" className="button button--primary">
              {t('texts.save')}
            </button>
          </div>
        </Form>
      ) : (
        <p>{t('texts.noTexts')}</p>
      )}
      <p>
        <Link to={`/staff/consultations/${slug}/texts`}>{t('texts.back')}</Link>
      </p>
    </div>
  )
}
