// "You said, we did": the actions recorded for a consultation's themes.
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FindingsNav } from '~/components/findings-nav'
import type { RouteAccess } from '~/domain/permissions'
import { loadActions } from '~/services/actions.server'
import { requireStaffConsultation } from '~/services/findings.server'
import { loadSurvey } from '~/services/survey.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'plans:manage'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, consultation, locale } = await requireStaffConsultation(request, params.slug, 'plans:manage')
  const [{ actions, themes }, survey] = await Promise.all([loadActions(db, consultation), loadSurvey(db, consultation, locale)])
  const { t } = await getT(request)
  const url = new URL(request.url)
  return { slug: consultation.slug, pageTitle: t('findings:actions.title', { title: survey.title }), actions, themes, done: url.searchParams.get('done') }
}

export default function ActionsPage() {
  const { slug, pageTitle, actions, themes, done } = useLoaderData<typeof loader>()
  const { t } = useTranslation('findings')
  const themeTitle = new Map(themes.map((th) => [th.id, th.title]))
  return (
    <div className="stack">
      <h1>{pageTitle}</h1>
      <FindingsNav slug={slug} canManage />
      {done ? (
        <p className="panel panel--success" role="status">
          {t(`actions.${done === 'deleted' ? 'deleted' : 'saved'}`)}
        </p>
      ) : null}
      <p>{t('actions.intro')}</p>
      <p>
        <Link to={`/staff/consultations/${slug}/actions/new`} className="button button--primary">
          {t('actions.new')}
        </Link>
      </p>
      {actions.length === 0 ? (
        <p>{t('actions.none')}</p>
      ) : (
        <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="actions-caption">
          <table className="table" data-testid="actions">
            <caption id="actions-caption">{t('actions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actions.decision')}</th>
                <th scope="col">{t('actions.status')}</th>
                <th scope="col">{t('actions.date')}</th>
                <th scope="col">{t('actions.themes')}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/staff/consultations/${slug}/actions/${encodeURIComponent(a.id)}`}>{a.decision}</Link>
                    <span className="hint"> {t('actions.by', { who: a.decidedBy })}</span>
                  </th>
                  <td>
                    {t(`status.${a.status}`)}
                    {a.reason ? <span className="hint"> ({a.reason})</span> : null}
                  </td>
                  <td>{a.decidedOn}</td>
                  <td>{a.themeIds.map((id) => themeTitle.get(id)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
