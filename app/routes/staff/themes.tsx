// A consultation's themes: add, rename, give child-friendly titles, remove; and which options feed each theme.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary } from '~/components/error-summary'
import { TextField } from '~/components/findings-fields'
import { FindingsNav } from '~/components/findings-nav'
import { summaryLocales, themeTitleField } from '~/domain/actions'
import type { RouteAccess } from '~/domain/permissions'
import { requireStaffConsultation } from '~/services/findings.server'
import { loadThemesPage, submitThemesForm } from '~/services/themes.server'
import { getT } from '~/utils/i18n.server'
import { readForm } from '~/utils/form.server'

export const access: RouteAccess = 'plans:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, consultation, locale } = await requireStaffConsultation(request, params.slug, 'plans:manage')
  const page = await loadThemesPage(db, consultation, locale)
  const { t } = await getT(request)
  return { slug: consultation.slug, pageTitle: t('findings:themes.title', { title: page.title }), ...page }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, consultation } = await requireStaffConsultation(request, params.slug, 'plans:manage')
  const result = await submitThemesForm(db, consultation, await readForm(request), user.id)
  if (result.ok) return redirect(`/staff/consultations/${consultation.slug}/themes?done=${result.message.split('.')[1]}`)
  return data(result, { status: 400 })
}

const titleFields = summaryLocales.flatMap((locale) => (['plain', 'easy'] as const).map((register) => ({ locale, register, name: themeTitleField(locale, register) })))

export default function ThemesPage() {
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation('findings')
  const failed = result && !result.ok ? result : null
  const errors = useMemo(() => (failed ? failed.errors.map((e) => ({ field: failed.themeId ? `${failed.themeId}-${e.field}` : e.field, message: t(e.message) })) : []), [failed, t])
  const errorFor = (field: string, themeId?: string) => (failed && failed.themeId === themeId ? failed.errors.find((e) => e.field === field) : undefined)
  const valueFor = (field: string, themeId: string | undefined, fallback = '') => (failed && failed.themeId === themeId && failed.intent !== 'links' ? (failed.values[field] ?? '') : fallback)
  const done = search.get('done')
  return (
    <div className="stack">
      <h1>{page.pageTitle}</h1>
      <FindingsNav slug={page.slug} canManage />
      {done ? (
        <p className="panel panel--success" role="status">
          {t(`themes.${done}`, { defaultValue: t('themes.saved') })}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <p>{t('themes.intro')}</p>

      <section className="stack" aria-labelledby="themes-list">
        <h2 id="themes-list">{t('themes.listTitle')}</h2>
        {page.themes.length === 0 ? <p>{t('themes.none')}</p> : null}
        <ul className="plain-list stack">
          {page.themes.map((theme) => (
            <li key={theme.id} data-theme={theme.key}>
              <details className="details" open={failed?.themeId === theme.id}>
                <summary>
                  {theme.title} <span className="hint">({theme.key})</span>{' '}
                  <span className="hint">{t('coding:codebook.coded', { shown: theme.coded.kind === 'value' ? String(theme.coded.value) : t('coding:codebook.hidden') })}</span>
                </summary>
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="themeId" value={theme.id} />
                  <TextField id={`${theme.id}-title`} name="title" label={t('themes.titleLabel')} defaultValue={valueFor('title', theme.id, theme.title)} error={errorFor('title', theme.id) && t(errorFor('title', theme.id)!.message)} />
                  <ChildTitles idPrefix={theme.id} values={(name) => valueFor(name, theme.id, theme.titles[name] ?? '')} />
                  <div className="button-group">
                    <button type="submit" name="intent" value="update" className="button button--primary">
                      {t('themes.save', { title: theme.title })}
                    </button>
                    <button type="submit" name="intent" value="delete" className="button button--warning">
                      {t('themes.delete', { title: theme.title })}
                    </button>
                  </div>
                </Form>
              </details>
            </li>
          ))}
        </ul>
      </section>

      <section className="stack" aria-labelledby="theme-add">
        <h2 id="theme-add">{t('themes.addTitle')}</h2>
        <Form method="post" className="stack" noValidate>
          <TextField id="key" name="key" label={t('themes.keyLabel')} hint={t('themes.keyHint')} defaultValue={valueFor('key', undefined)} error={errorFor('key') && t(errorFor('key')!.message)} />
          <TextField id="title" name="title" label={t('themes.titleLabel')} defaultValue={valueFor('title', undefined)} error={errorFor('title') && t(errorFor('title')!.message)} />
          <ChildTitles idPrefix="new" values={(name) => valueFor(name, undefined)} />
          <button type="submit" name="intent" value="create" className="button button--primary">
            {t('themes.add')}
          </button>
        </Form>
      </section>

      {page.themes.length ? (
        <section className="stack" aria-labelledby="theme-links">
          <h2 id="theme-links">{t('themes.linksTitle')}</h2>
          <p>{t('themes.linksIntro')}</p>
          <Form method="post" className="stack">
            {page.questions.map((q) => (
              <section key={q.key} className="stack" aria-labelledby={`links-${q.key}`}>
                <h3 id={`links-${q.key}`}>{q.prompt}</h3>
                {q.options.map((o) => (
                  <fieldset key={o.id} className="fieldset" data-option={o.id}>
                    <legend className="fieldset__legend">{o.label}</legend>
                    <div className="check-grid">
                      {page.themes.map((theme) => (
                        <div key={theme.id} className="check">
                          <input type="checkbox" id={`option-${o.id}-${theme.id}`} name={`option-${o.id}`} value={theme.id} defaultChecked={o.themeIds.includes(theme.id)} />
                          <label htmlFor={`option-${o.id}-${theme.id}`}>{theme.title}</label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                ))}
              </section>
            ))}
            <button type="submit" name="intent" value="links" className="button button--primary">
              {t('themes.saveLinks')}
            </button>
          </Form>
        </section>
      ) : null}
      <p>
        <Link to={`/staff/consultations/${page.slug}/themes/map`}>{t('themes.toMap')}</Link>
      </p>
    </div>
  )
}

function ChildTitles({ idPrefix, values }: { idPrefix: string; values: (name: string) => string }) {
  const { t } = useTranslation('findings')
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('themes.childTitles')}</legend>
      <p className="hint">{t('themes.childTitlesHint')}</p>
      {titleFields.map((f) => (
        <TextField key={f.name} id={`${idPrefix}-${f.name}`} name={f.name} label={t(`languages.${f.locale}-${f.register}`)} defaultValue={values(f.name)} />
      ))}
    </fieldset>
  )
}
