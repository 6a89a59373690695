// Double coding: choose a sample reproducibly, then see how far two coders agree on it, per theme
// (Cohen's kappa), and the items they coded differently, to talk through.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CodingNav } from '~/components/coding-nav'
import { ErrorSummary, FieldError } from '~/components/error-summary'
import { TextField } from '~/components/findings-fields'
import type { RouteAccess } from '~/domain/permissions'
import { loadAgreement, submitSampleForm } from '~/services/coding.server'
import { requireStaffConsultation } from '~/services/findings.server'
import { getT } from '~/utils/i18n.server'
import { readForm } from '~/utils/form.server'

export const access: RouteAccess = 'stories:code'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, consultation } = await requireStaffConsultation(request, params.slug, 'stories:code')
  const { t } = await getT(request)
  // Which two coders to compare (a GET form, so the comparison has its own address): by default the two who coded most.
  const search = new URL(request.url).searchParams
  const agreement = await loadAgreement(db, consultation, { first: search.get('first'), second: search.get('second') })
  return { slug: consultation.slug, pageTitle: t('coding:agreement.title', { slug: consultation.slug }), ...agreement }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, consultation } = await requireStaffConsultation(request, params.slug, 'stories:code')
  const result = await submitSampleForm(db, consultation, await readForm(request), user.id)
  if (result.ok) return redirect(`/staff/consultations/${consultation.slug}/coding/agreement?sampled=${result.size}`)
  return data(result, { status: 400 })
}

export default function AgreementPage() {
  const page = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t, i18n } = useTranslation('coding')
  const number = new Intl.NumberFormat(i18n.language === 'cy' ? 'cy-GB' : i18n.language === 'ar' ? 'ar' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  const percent = new Intl.NumberFormat(i18n.language === 'cy' ? 'cy-GB' : i18n.language === 'ar' ? 'ar' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 })
  const pairError = page.pairRefused ? { field: 'second-coder', message: t(page.pairRefused === 'same' ? 'agreement.pairSame' : 'agreement.pairUnknown') } : null
  const errors = [...(failed && !failed.ok ? failed.errors.map((e) => ({ field: e.field, message: t(e.message) })) : []), ...(pairError ? [pairError] : [])]
  const errorFor = (name: string) => errors.find((e) => e.field === name)?.message
  const sampled = search.get('sampled')
  const codingLink = `/staff/consultations/${page.slug}/coding`
  return (
    <div className="stack">
      <h1>{page.pageTitle}</h1>
      <CodingNav slug={page.slug} />
      {sampled && !errors.length ? (
        <p className="panel panel--success" role="status">
          {t('agreement.sampled', { n: Number(sampled) })}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <p>{t('agreement.intro')}</p>

      <section className="stack" aria-labelledby="sample-title">
        <h2 id="sample-title">{t('agreement.sampleTitle')}</h2>
        {page.sample ? (
          <>
            <p data-testid="sample-summary">{t('agreement.sampleNow', { n: page.sample.size, total: page.totalItems, requested: page.sample.requested, seed: page.sample.seed })}</p>
            <p>
              <Link to={`${codingLink}?sample=1&status=uncoded`}>{t('agreement.codeSample')}</Link>
            </p>
          </>
        ) : (
          <p>{t('agreement.noSample')}</p>
        )}
        <Form method="post" className="stack" noValidate>
          <TextField id="size" name="size" label={t('agreement.sizeLabel')} hint={t('agreement.sizeHint')} defaultValue={failed && !failed.ok ? failed.values.size : (page.sample?.requested ?? '10%')} error={errorFor('size')} />
          <TextField id="seed" name="seed" label={t('agreement.seedLabel')} hint={t('agreement.seedHint')} defaultValue={failed && !failed.ok ? failed.values.seed : (page.sample?.seed ?? '')} error={errorFor('seed')} />
          <button type="submit" className="button button--secondary">
            {page.sample ? t('agreement.chooseAgain') : t('agreement.choose')}
          </button>
        </Form>
      </section>

      <section className="stack" aria-labelledby="kappa-title">
        <h2 id="kappa-title">{t('agreement.resultsTitle')}</h2>
        {/* Only worth offering with a third coder; shown too when a pick was refused, so the error has its field. */}
        {page.pair && (page.coders.length > 2 || pairError) ? (
          <Form method="get" className="breakdown-form stack" aria-labelledby="pair-heading">
            <h3 id="pair-heading">{t('agreement.choosePair')}</h3>
            <div className="breakdown-form__fields">
              {(['first', 'second'] as const).map((which) => (
                <div className="field" key={which}>
                  <label htmlFor={`${which}-coder`}>{t(which === 'first' ? 'agreement.firstCoder' : 'agreement.secondCoder')}</label>
                  {which === 'second' ? <FieldError id="second-coder-error" message={pairError?.message} /> : null}
                  <select
                    id={`${which}-coder`}
                    name={which}
                    defaultValue={which === 'first' ? page.pair!.firstId : page.pair!.secondId}
                    aria-describedby={which === 'second' && pairError ? 'second-coder-error' : undefined}
                    aria-invalid={which === 'second' && pairError ? true : undefined}
                  >
                    {page.coders.map((coder) => (
                      <option key={coder.id} value={coder.id}>
                        {t('agreement.coderOption', { name: coder.name, n: coder.items })}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
            <button type="submit" className="button button--secondary">
              {t('agreement.compare')}
            </button>
          </Form>
        ) : null}
        {page.pair ? (
          <>
            <p data-testid="agreement-pair">{t('agreement.pair', { first: page.pair.first, second: page.pair.second, n: page.pair.items })}</p>
            <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="kappa-caption">
              <table className="table" data-testid="agreement-table">
                <caption id="kappa-caption">{t('agreement.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('agreement.theme')}</th>
                    <th scope="col">{t('agreement.both')}</th>
                    <th scope="col">{t('agreement.onlyFirst', { name: page.pair.first })}</th>
                    <th scope="col">{t('agreement.onlySecond', { name: page.pair.second })}</th>
                    <th scope="col">{t('agreement.neither')}</th>
                    <th scope="col">{t('agreement.observed')}</th>
                    <th scope="col">{t('agreement.kappa')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.themes.map((row) => (
                    <tr key={row.themeId} data-theme={row.themeId}>
                      <th scope="row">{row.title}</th>
                      <td>{row.a}</td>
                      <td>{row.b}</td>
                      <td>{row.c}</td>
                      <td>{row.d}</td>
                      <td>{row.observed === null ? '–' : percent.format(row.observed)}</td>
                      <td data-kappa={row.kappa === null ? '' : row.kappa.toFixed(4)}>
                        {row.kappa === null ? t('agreement.undefined') : `${number.format(row.kappa)} (${t(`agreement.bands.${row.band}`)})`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="hint">{t('agreement.kappaHint')}</p>
          </>
        ) : (
          <p>{t('agreement.needTwo', { n: page.coders.length })}</p>
        )}
      </section>

      {page.pair ? (
        <section className="stack" aria-labelledby="disagreements-title">
          <h2 id="disagreements-title">{t('agreement.disagreementsTitle', { n: page.disagreements.length })}</h2>
          {page.disagreements.length === 0 ? <p>{t('agreement.noDisagreements')}</p> : null}
          <ul className="plain-list stack" data-testid="disagreements">
            {page.disagreements.map((d) => (
              <li key={d.key} className="card" data-item={d.key}>
                <blockquote className="coding-item__text">{d.text}</blockquote>
                <dl className="summary-list">
                  <dt>{page.pair!.first}</dt>
                  <dd>{d.first.length ? d.first.join(', ') : t('agreement.noThemes')}</dd>
                  <dt>{page.pair!.second}</dt>
                  <dd>{d.second.length ? d.second.join(', ') : t('agreement.noThemes')}</dd>
                  <dt>{t('agreement.differOn')}</dt>
                  <dd>{d.themes.join(', ')}</dd>
                </dl>
                <Link to={`${codingLink}?item=${encodeURIComponent(d.key)}&sample=1`}>{t('agreement.openItem')}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
