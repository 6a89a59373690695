// A consultation's texts in each language and in Easy Read: one page per language (and Easy Read),
// with how many texts each still lacks.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { RouteAccess } from '~/domain/permissions'
import { localeNames } from '~/i18n/config'
import { requirePermission } from '~/services/auth.server'
import { requireConsultation, settingsValues } from '~/services/consultations.server'
import { textsOverview } from '~/services/question-editor.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'consultations:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const { t } = await getT(request)
  const { title } = await settingsValues(db, consultation)
  return { pageTitle: t('editor:texts.title', { title: title || consultation.slug }), slug: consultation.slug, ...(await textsOverview(db, consultation)) }
}

export default function TextsPage() {
  const { pageTitle, slug, defaultLocale, pages } = useLoaderData<typeof loader>()
  const { t } = useTranslation('editor')
  const name = (locale: string) => localeNames[locale as keyof typeof localeNames] ?? locale
  return (
    <div className="stack">
      <h1>{pageTitle}</h1>
      <p className="lead">{t('texts.intro', { language: name(defaultLocale) })}</p>
      <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="texts-caption">
        <table className="table" data-testid="text-pages">
          <caption id="texts-caption">{t('texts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('texts.page')}</th>
              <th scope="col">{t('texts.missing')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((p) => {
              const label = t(`texts.pageName.${p.register}`, { language: name(p.locale) })
              return (
                <tr key={`${p.locale}-${p.register}`} data-page={`${p.locale}-${p.register}`}>
                  <th scope="row">
                    <Link to={`/staff/consultations/${slug}/texts/${p.locale}/${p.register}`}>{label}</Link>
                  </th>
                  <td>{p.missing ? t('texts.missingCount', { missing: p.missing, total: p.total }) : t('texts.complete')}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p>
        <Link to={`/staff/consultations/${slug}/questions`}>{t('form.backToList')}</Link>
      </p>
    </div>
  )
}
