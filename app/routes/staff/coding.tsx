// The coding workspace: one item at a time (a free-text answer or an approved story's redacted text),
// its themes as checkboxes, Save and next. Real forms and links without JavaScript; with it, keys too.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CodingNav } from '~/components/coding-nav'
import type { RouteAccess } from '~/domain/permissions'
import { loadCodingWorkspace, submitCoding } from '~/services/coding.server'
import { requireStaffConsultation } from '~/services/findings.server'
import { getT } from '~/utils/i18n.server'
import { readForm } from '~/utils/form.server'

export const access: RouteAccess = 'stories:code'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, consultation } = await requireStaffConsultation(request, params.slug, 'stories:code')
  const page = await loadCodingWorkspace(db, consultation, user.id, new URL(request.url))
  const { t } = await getT(request)
  return { slug: consultation.slug, pageTitle: t('coding:workspace.title', { slug: consultation.slug }), ...page }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, consultation } = await requireStaffConsultation(request, params.slug, 'stories:code')
  const result = await submitCoding(db, consultation, user.id, await readForm(request))
  if (result.ok) return redirect(result.redirectTo)
  const { t } = await getT(request)
  return data({ message: t(`coding:${result.message}`) }, { status: result.status })
}

/** Keys that move or save; number keys 1..9 and 0 tick the first ten themes. */
const SHORTCUT_KEYS = { next: ['j', 'n'], previous: ['k', 'p'], save: ['s'] }

export default function CodingWorkspace() {
  const page = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const { t } = useTranslation('coding')
  const [search] = useSearchParams()
  const navigation = useNavigation()
  const formRef = useRef<HTMLFormElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const nextRef = useRef<HTMLAnchorElement>(null)
  const previousRef = useRef<HTMLAnchorElement>(null)
  const [scripted, setScripted] = useState(false)
  const saved = search.get('saved')
  const item = page.item
  const base = `/staff/consultations/${page.slug}/coding`
  const linkTo = (key: string) => `${base}?${new URLSearchParams([...page.filterParams, ['item', key]])}`
  const suggested = new Map((item?.suggested ?? []).map((s) => [s.themeId, s.matched]))

  useEffect(() => setScripted(true), [])
  // A new item: put focus on its heading, so a screen reader reads it and the keys work at once.
  useEffect(() => {
    if (scripted && item) headingRef.current?.focus()
  }, [item?.key]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
      const target = event.target as HTMLElement | null
      if (target && (target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName) || (target.tagName === 'INPUT' && !['checkbox', 'radio', 'submit', 'button'].includes((target as HTMLInputElement).type)))) return
      const key = event.key.toLowerCase()
      if (/^[0-9]$/.test(key)) {
        const index = key === '0' ? 9 : Number(key) - 1
        const box = formRef.current?.querySelectorAll<HTMLInputElement>('input[name="themes"]')[index]
        if (box) {
          box.checked = !box.checked
          event.preventDefault()
        }
      } else if (SHORTCUT_KEYS.next.includes(key)) {
        nextRef.current?.click()
        event.preventDefault()
      } else if (SHORTCUT_KEYS.previous.includes(key)) {
        previousRef.current?.click()
        event.preventDefault()
      } else if (SHORTCUT_KEYS.save.includes(key)) {
        const submit = formRef.current?.querySelector<HTMLButtonElement>('button[value="next"]')
        if (submit && navigation.state === 'idle') formRef.current?.requestSubmit(submit)
        event.preventDefault()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [navigation.state])

  return (
    <div className="stack">
      <h1>{page.pageTitle}</h1>
      <CodingNav slug={page.slug} />
      {failed ? (
        <p className="error-summary" role="alert">
          {failed.message}
        </p>
      ) : null}
      {saved && !failed ? (
        <p className="panel panel--success" role="status">
          {t('workspace.saved')}
        </p>
      ) : null}
      <p>{t('workspace.progress', { coded: page.totals.coded, total: page.totals.items })}</p>

      <Form method="get" className="filter-form coding-filters" aria-labelledby="filter-title">
        <h2 id="filter-title" className="visually-hidden">
          {t('filters.title')}
        </h2>
        <Select id="status" label={t('filters.status')} value={page.filter.status} options={(['all', 'uncoded', 'coded'] as const).map((s) => [s, t(`filters.statuses.${s}`)])} />
        <Select id="kind" label={t('filters.kind')} value={page.filter.kind} options={(['all', 'answer', 'story'] as const).map((k) => [k, t(`filters.kinds.${k}`)])} />
        <Select id="theme" label={t('filters.theme')} value={page.filter.theme ?? ''} options={[['', t('filters.anyTheme')], ...page.themes.map((th): [string, string] => [th.id, th.depth ? `– ${th.title}` : th.title])]} />
        <Select id="group" label={t('filters.group')} value={page.filter.group ?? ''} options={[['', t('filters.anyGroup')], ...page.groups.map((g): [string, string] => [g, t(`ageBands.${g}`, { defaultValue: g })]), ['none', t('filters.noGroup')]]} />
        {page.sessions.length ? <Select id="session" label={t('filters.session')} value={page.filter.session ?? ''} options={[['', t('filters.anySession')], ...page.sessions.map((s): [string, string] => [s.id, s.label])]} /> : null}
        <div className="check">
          <input type="checkbox" id="sample" name="sample" value="1" defaultChecked={page.filter.sampleOnly} />
          <label htmlFor="sample">{t('filters.sampleOnly')}</label>
        </div>
        <button type="submit" className="button button--secondary">
          {t('filters.show')}
        </button>
      </Form>

      {item ? (
        <section className="stack coding-item" aria-labelledby="item-heading" data-item={item.key}>
          <h2 id="item-heading" ref={headingRef} tabIndex={-1} className="focus-heading">
            {page.position.index ? t('workspace.position', { index: page.position.index, total: page.position.total }) : t('workspace.outsideFilter', { total: page.position.total })}
          </h2>
          <p className="hint">
            {t(`workspace.kind.${item.kind}`)}
            {item.ageBand ? ` · ${t(`ageBands.${item.ageBand}`, { defaultValue: item.ageBand })}` : ''}
            {item.attribution ? ` · ${item.attribution}` : ''}
            {item.coded ? ` · ${t('workspace.coded')}` : ` · ${t('workspace.notCoded')}`}
          </p>
          {item.inSample ? <p className="notice">{t('workspace.inSample')}</p> : null}
          <blockquote className="coding-item__text" data-testid="coding-text">
            {item.text}
          </blockquote>

          <Form method="post" ref={formRef} className="stack" preventScrollReset>
            <input type="hidden" name="item" value={item.key} />
            {page.filterParams.map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <fieldset className="fieldset">
              <legend className="fieldset__legend">{t('workspace.themesLegend')}</legend>
              {page.themes.length === 0 ? (
                <p>
                  {t('workspace.noThemes')} <Link to={`/staff/consultations/${page.slug}/codebook`}>{t('nav.codebook')}</Link>
                </p>
              ) : null}
              <ul className="plain-list coding-themes">
                {page.themes.map((theme, index) => (
                  <li key={theme.id} className={`check${theme.depth ? ' coding-themes__sub' : ''}`} data-theme={theme.key}>
                    <input type="checkbox" id={`theme-${theme.id}`} name="themes" value={theme.id} defaultChecked={item.themeIds.includes(theme.id)} key={`${item.key}-${theme.id}`} aria-describedby={suggested.has(theme.id) ? `suggest-${theme.id}` : undefined} />
                    <label htmlFor={`theme-${theme.id}`}>
                      {scripted && index < 10 ? <kbd className="coding-themes__key">{(index + 1) % 10}</kbd> : null} {theme.title}
                    </label>
                    {suggested.has(theme.id) ? (
                      <span id={`suggest-${theme.id}`} className="mark coding-suggested">
                        {t('workspace.suggested', { words: suggested.get(theme.id)!.join(', ') })}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </fieldset>
            <div className="button-group">
              <button type="submit" name="intent" value="next" className="button button--primary">
                {t('workspace.saveNext')}
              </button>
              <button type="submit" name="intent" value="save" className="button button--secondary">
                {t('workspace.save')}
              </button>
            </div>
          </Form>
          <nav aria-label={t('workspace.itemNav')}>
            <ul className="link-list coding-pager">
              {page.position.previous ? (
                <li>
                  <Link ref={previousRef} to={linkTo(page.position.previous)} rel="prev">
                    {t('workspace.previous')}
                  </Link>
                </li>
              ) : null}
              {page.position.next ? (
                <li>
                  <Link ref={nextRef} to={linkTo(page.position.next)} rel="next">
                    {t('workspace.next')}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        </section>
      ) : (
        <p className="panel" role="status">
          {page.totals.items ? t('workspace.noneInFilter') : t('workspace.noItems')}
        </p>
      )}

      {scripted ? (
        <section className="stack" aria-labelledby="keys-title">
          <h2 id="keys-title">{t('keys.title')}</h2>
          <dl className="summary-list coding-keys">
            <dt>
              <kbd>1</kbd>–<kbd>9</kbd>, <kbd>0</kbd>
            </dt>
            <dd>{t('keys.toggle')}</dd>
            <dt>
              <kbd>s</kbd>
            </dt>
            <dd>{t('keys.save')}</dd>
            <dt>
              <kbd>j</kbd> / <kbd>n</kbd>
            </dt>
            <dd>{t('keys.next')}</dd>
            <dt>
              <kbd>k</kbd> / <kbd>p</kbd>
            </dt>
            <dd>{t('keys.previous')}</dd>
          </dl>
        </section>
      ) : null}

      <section className="stack" aria-labelledby="counts-title">
        <h2 id="counts-title">{t('counts.title')}</h2>
        <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="counts-title">
          <table className="table" data-testid="coding-counts">
            <thead>
              <tr>
                <th scope="col">{t('counts.theme')}</th>
                <th scope="col">{t('counts.items')}</th>
              </tr>
            </thead>
            <tbody>
              {page.themes.map((theme) => (
                <tr key={theme.id} data-theme={theme.key}>
                  <th scope="row">{theme.depth ? `– ${theme.title}` : theme.title}</th>
                  <td>{theme.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{t('counts.hint')}</p>
      </section>
    </div>
  )
}

function Select({ id, label, value, options }: { id: string; label: string; value: string; options: Array<[string, string]> }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} name={id} className="select" defaultValue={value}>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}
