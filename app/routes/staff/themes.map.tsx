// Map a consultation's themes to a plan's outcomes and priorities: pick a plan and a theme, tick the
// items the theme feeds (a theme can feed several), and give each link a weight if it matters more.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import { FindingsNav } from '~/components/findings-nav'
import { MAX_LINK_WEIGHT } from '~/domain/findings'
import type { RouteAccess } from '~/domain/permissions'
import { requireStaffConsultation } from '~/services/findings.server'
import { loadThemeMapping, saveThemeMapping } from '~/services/plans.server'
import { loadSurvey } from '~/services/survey.server'
import { getT } from '~/utils/i18n.server'
import { readForm } from '~/utils/form.server'

export const access: RouteAccess = 'plans:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, consultation, locale } = await requireStaffConsultation(request, params.slug, 'plans:manage')
  const url = new URL(request.url)
  const mapping = await loadThemeMapping(db, consultation, url.searchParams.get('plan'), url.searchParams.get('theme'))
  const { t } = await getT(request)
  const survey = await loadSurvey(db, consultation, locale)
  return { slug: consultation.slug, saved: url.searchParams.get('saved') === '1', pageTitle: t('findings:map.title', { title: survey.title }), ...mapping }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, consultation } = await requireStaffConsultation(request, params.slug, 'plans:manage')
  const url = new URL(request.url)
  const planId = url.searchParams.get('plan') ?? ''
  const themeKey = url.searchParams.get('theme') ?? ''
  const result = await saveThemeMapping(db, consultation, planId, themeKey, await readForm(request), user.id)
  if (!result.ok) return data(result, { status: 400 })
  return redirect(`/staff/consultations/${consultation.slug}/themes/map?plan=${encodeURIComponent(planId)}&theme=${encodeURIComponent(themeKey)}&saved=1`)
}

export default function MapPage() {
  const page = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('findings')
  const failed = result && !result.ok ? result : null
  const errors = useMemo(() => (failed ? failed.errors.map((e) => ({ field: e.field, message: t(e.message, { max: MAX_LINK_WEIGHT }) })) : []), [failed, t])
  const linked = (itemId: string) => (failed ? failed.values[`item-${itemId}`] === 'on' : page.links.some((l) => l.itemId === itemId))
  const weight = (itemId: string) => (failed ? (failed.values[`weight-${itemId}`] ?? '') : String(page.links.find((l) => l.itemId === itemId)?.weight ?? ''))
  const top = page.items.filter((i) => i.parentId === null)
  return (
    <div className="stack">
      <h1>{page.pageTitle}</h1>
      <FindingsNav slug={page.slug} canManage />
      {page.saved && page.theme && page.plan ? (
        <p className="panel panel--success" role="status">
          {t('map.saved', { theme: page.theme.title, plan: page.plan.title })}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {page.plans.length === 0 ? (
        <p>
          {t('map.noPlans')} <Link to="/staff/plans">{t('map.importPlan')}</Link>
        </p>
      ) : (
        <Form method="get" className="stack" aria-labelledby="map-choose">
          <h2 id="map-choose">{t('map.chooseTitle')}</h2>
          <div className="field">
            <label htmlFor="plan" className="field__label">
              {t('map.plan')}
            </label>
            <select id="plan" name="plan" className="select" defaultValue={page.plan?.id ?? ''}>
              <option value="">{t('map.choosePlan')}</option>
              {page.plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="theme" className="field__label">
              {t('map.theme')}
            </label>
            <select id="theme" name="theme" className="select" defaultValue={page.theme?.key ?? ''}>
              <option value="">{t('map.chooseTheme')}</option>
              {page.themes.map((th) => (
                <option key={th.id} value={th.key}>
                  {page.plan ? t('map.themeOption', { title: th.title, links: th.links }) : th.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t('map.show')}
          </button>
        </Form>
      )}

      {page.plan && page.theme ? (
        <Form method="post" className="stack" noValidate aria-labelledby="map-items">
          <h2 id="map-items">{t('map.itemsTitle', { theme: page.theme.title, plan: page.plan.title })}</h2>
          <p>{t('map.itemsHint', { max: MAX_LINK_WEIGHT })}</p>
          {top.map((item) => (
            <fieldset key={item.id} className="fieldset map-group">
              <legend className="fieldset__legend">
                {item.code} {item.title}
              </legend>
              {[item, ...page.items.filter((c) => c.parentId === item.id)].map((entry) => {
                const error = failed?.errors.find((e) => e.field === `weight-${entry.id}`)
                return (
                  <div key={entry.id} className={`map-item${entry.parentId ? ' map-item--child' : ''}${error ? ' field--error' : ''}`} data-item={entry.code}>
                    <div className="check">
                      <input type="checkbox" id={`item-${entry.id}`} name="item" value={entry.id} defaultChecked={linked(entry.id)} />
                      <label htmlFor={`item-${entry.id}`}>{entry.parentId ? `${entry.code} ${entry.title}` : t('map.wholeItem', { code: entry.code })}</label>
                    </div>
                    <FieldError id={`weight-${entry.id}-error`} message={error ? t(error.message, { max: MAX_LINK_WEIGHT }) : undefined} />
                    <label htmlFor={`weight-${entry.id}`} className="map-item__weight-label">
                      {t('map.weight', { code: entry.code })}
                    </label>
                    <input
                      id={`weight-${entry.id}`}
                      name={`weight-${entry.id}`}
                      className="input input--short"
                      inputMode="numeric"
                      defaultValue={weight(entry.id)}
                      aria-describedby={error ? `weight-${entry.id}-error` : undefined}
                      aria-invalid={error ? true : undefined}
                    />
                  </div>
                )
              })}
            </fieldset>
          ))}
          <button type="submit" className="button button--primary">
            {t('map.save')}
          </button>
        </Form>
      ) : null}
    </div>
  )
}
