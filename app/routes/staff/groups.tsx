// A session's group activities and paper forms (issue #6): what groups made together (diamond 9, dot
// votes, agreed rankings), paper forms typed up, paper tallies uploaded; links to enter each. Plain
// forms: removing a group result is a post that works without JavaScript.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { groupKinds, isGroupKind } from '~/domain/group-activities'
import type { RouteAccess } from '~/domain/permissions'
import { recordAudit } from '~/services/audit.server'
import { requirePermission } from '~/services/auth.server'
import { removeGroupResult, requireSessionContext, sessionGroupsOverview } from '~/services/group-results.server'
import { getDb } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'sessions:run'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'sessions:run')
  const db = getDb()
  const ctx = await requireSessionContext(db, params.sessionId)
  const { t, locale } = await getT(request)
  const overview = await sessionGroupsOverview(db, ctx, locale)
  return { pageTitle: t('groups:overview.title', { title: overview.title }), sessionId: ctx.session.id, code: ctx.session.join_code, ...overview }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'sessions:run')
  const db = getDb()
  const ctx = await requireSessionContext(db, params.sessionId)
  const form = await readForm(request)
  const id = String(form.get('groupResultId') ?? '')
  if (form.get('intent') === 'remove' && (await removeGroupResult(db, ctx, id))) {
    await recordAudit(db, { userId: user.id, action: 'group-result.remove', subject: `session:${ctx.session.id}`, details: { groupResultId: id } })
    throw redirect(`/staff/sessions/${ctx.session.id}/groups?removed=1`)
  }
  throw redirect(`/staff/sessions/${ctx.session.id}/groups`)
}

export default function GroupsPage() {
  const page = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const { t } = useTranslation('groups')
  const done = search.get('done')
  const base = `/staff/sessions/${page.sessionId}`
  return (
    <div className="stack group-activities">
      <p>
        <Link to={base} className="back-link">
          {t('overview.back')}
        </Link>
      </p>
      <h1>{page.pageTitle}</h1>
      <p>{t('overview.session', { code: page.code })}</p>
      {isGroupKind(done) ? (
        <div className="panel panel--success" role="status" data-testid="group-done">
          <p>{t(`overview.done.${done}`)}</p>
        </div>
      ) : null}
      {done === 'tally' ? (
        <div className="panel panel--success" role="status" data-testid="group-done">
          <p>{t('overview.tallyDone', { n: Number(search.get('count') ?? 0) })}</p>
        </div>
      ) : null}
      {search.get('removed') ? (
        <div className="panel panel--success" role="status">
          <p>{t('overview.removed')}</p>
        </div>
      ) : null}
      <p className="lead">{t('overview.intro')}</p>

      <section className="stack" aria-labelledby="enter-title">
        <h2 id="enter-title">{t('overview.enter')}</h2>
        <ul className="link-list">
          {groupKinds.map((kind) => (
            <li key={kind}>
              <Link to={`${base}/groups/${kind}`}>{t(`overview.enterKind.${kind}`)}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section className="stack" aria-labelledby="paper-title">
        <h2 id="paper-title">{t('overview.paperTitle')}</h2>
        <p data-testid="paper-count">{t('overview.paperForms', { n: page.paperForms })}</p>
        <ul className="link-list">
          <li>
            <Link to={`${base}/paper`}>{t('overview.paperLink')}</Link>
          </li>
          <li>
            <Link to={`${base}/tally`}>{t('overview.tallyLink')}</Link>
          </li>
        </ul>
        {page.tallies.length ? (
          <>
            <h3>{t('overview.talliesTitle')}</h3>
            <ul data-testid="tallies">
              {page.tallies.map((tally) => (
                <li key={tally.id}>
                  {tally.filename} (<time dateTime={tally.createdAt}>{tally.createdAt.slice(0, 16).replace('T', ' ')}</time>)
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="stack" aria-labelledby="results-title">
        <h2 id="results-title">{t('overview.resultsTitle')}</h2>
        {page.results.length === 0 ? (
          <p>{t('overview.none')}</p>
        ) : (
          <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="group-results-caption">
            <table className="table" data-testid="group-results">
              <caption id="group-results-caption">{t('overview.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('overview.kind')}</th>
                  <th scope="col">{t('overview.question')}</th>
                  <th scope="col">{t('overview.group')}</th>
                  <th scope="col" className="num">
                    {t('overview.people')}
                  </th>
                  <th scope="col">{t('overview.top')}</th>
                  <th scope="col">{t('overview.photo')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('overview.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.results.map((r) => (
                  <tr key={r.id} data-kind={r.kind}>
                    <th scope="row">{t(`kinds.${r.kind}`)}</th>
                    <td>{r.prompt}</td>
                    <td>{r.label ?? t('overview.noLabel')}</td>
                    <td className="num">{r.people}</td>
                    <td>{r.top.join(', ') || '–'}</td>
                    <td>
                      {r.imageId ? (
                        <a href={`${base}/groups/${r.id}/photo`}>
                          {t('overview.viewPhoto')}
                          <span className="visually-hidden"> ({r.label ?? t(`kinds.${r.kind}`)})</span>
                        </a>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="groupResultId" value={r.id} />
                        <button type="submit" name="intent" value="remove" className="button button--secondary button--small">
                          {t('overview.remove')}
                          <span className="visually-hidden"> {r.label ?? t(`kinds.${r.kind}`)}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p>
        <Link to={`${base}/board`}>{t('overview.board')}</Link>
      </p>
    </div>
  )
}
