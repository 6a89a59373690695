// The list of a consultation's downloads, each with a plain explanation of what is in it and who may have it.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { can, type RouteAccess } from '~/domain/permissions'
import { getSuppressionThreshold } from '~/models/consultation.server'
import { requirePermission } from '~/services/auth.server'
import { type ExportKind } from '~/services/export.server'
import { loadSurvey, requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'results:export'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'results:export')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  const { locale, t } = await getT(request)
  const [survey, threshold] = await Promise.all([loadSurvey(db, consultation, locale), getSuppressionThreshold(db, consultation.organisation_id)])
  return {
    slug: consultation.slug,
    pageTitle: t('exports:page.title', { title: survey.title }),
    threshold,
    raw: can(user.roles, 'responses:raw'),
    imports: can(user.roles, 'responses:import'),
  }
}

const summaryKinds: ExportKind[] = ['summary-xlsx', 'summary-csv']
const rawKinds: ExportKind[] = ['tidy-csv', 'wide-csv', 'xlsx', 'json']

function Download({ slug, kind }: { slug: string; kind: ExportKind }) {
  const { t } = useTranslation('exports')
  return (
    <li className="export-item" data-kind={kind}>
      <h3>
        {/* A file, not a page: the browser downloads it (no client-side navigation). */}
        <a href={`/staff/consultations/${slug}/export/${kind}`} download>
          {t(`kinds.${kind}.name`)}
        </a>
      </h3>
      <p>{t(`kinds.${kind}.description`)}</p>
    </li>
  )
}

export default function Exports() {
  const { slug, pageTitle, threshold, raw, imports } = useLoaderData<typeof loader>()
  const { t } = useTranslation('exports')
  return (
    <div className="stack">
      <h1>{pageTitle}</h1>
      <p className="lead">{t('page.intro')}</p>

      <section className="stack" aria-labelledby="summary-title">
        <h2 id="summary-title">{t('page.summaryTitle')}</h2>
        <p>{t('page.summaryIntro', { threshold })}</p>
        <ul className="export-list">
          {summaryKinds.map((kind) => (
            <Download key={kind} slug={slug} kind={kind} />
          ))}
          <li className="export-item" data-kind="report">
            <h3>
              <Link to={`/staff/consultations/${slug}/report`}>{t('kinds.report.name')}</Link>
            </h3>
            <p>{t('kinds.report.description')}</p>
          </li>
        </ul>
      </section>

      <section className="stack" aria-labelledby="raw-title">
        <h2 id="raw-title">{t('page.rawTitle')}</h2>
        {raw ? (
          <>
            <div className="banner" role="note">
              <p>{t('page.rawWarning')}</p>
              <p>{t('page.rawAudit')}</p>
            </div>
            <ul className="export-list">
              {rawKinds.map((kind) => (
                <Download key={kind} slug={slug} kind={kind} />
              ))}
            </ul>
            <p>{t('page.pseudonyms')}</p>
          </>
        ) : (
          <p data-testid="no-raw">{t('page.rawNotAllowed')}</p>
        )}
      </section>

      <ul className="link-list">
        {imports ? (
          <li>
            <Link to={`/staff/consultations/${slug}/imports`}>{t('page.importsLink')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/staff/consultations/${slug}/results`}>{t('page.resultsLink')}</Link>
        </li>
      </ul>
    </div>
  )
}
