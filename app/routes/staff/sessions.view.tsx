// One group session: the join code (large, for a projector or a whiteboard), the QR code of the /join
// link with the code in it, how many have finished, the live board, and closing the session.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { spellJoinCode } from '~/domain/join-code'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { closeSession, requireSession, sessionView } from '~/services/sessions.server'
import { getDb } from '~/utils/db.server'
import { readForm } from '~/utils/form.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'sessions:run'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'sessions:run')
  const db = getDb()
  const session = await requireSession(db, params.sessionId)
  const { t, locale } = await getT(request)
  const view = await sessionView(db, request, session, locale, (url) => t('sessions:view.qrName', { url }))
  return { pageTitle: t('sessions:view.title', { title: view.title }), ...view, spelled: spellJoinCode(view.code) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'sessions:run')
  const db = getDb()
  const session = await requireSession(db, params.sessionId)
  const form = await readForm(request)
  if (form.get('intent') === 'close') await closeSession(db, session, user.id)
  return redirect(`/staff/sessions/${session.id}`)
}

export default function SessionPage() {
  const s = useLoaderData<typeof loader>()
  const { t } = useTranslation('sessions')
  return (
    <div className="stack session-view">
      <p>
        <Link to="/staff/sessions" className="back-link">
          {t('view.back')}
        </Link>
      </p>
      <h1>{s.pageTitle}</h1>
      <p>
        {t(`settings.${s.setting}`)}: {s.groupType}
        {s.kiosk ? ` · ${t('view.kioskOn')}` : ''}
      </p>
      {s.open ? (
        <>
          <section className="stack" aria-labelledby="code-title">
            <h2 id="code-title">{t('view.codeTitle')}</h2>
            <p className="session-code" dir="ltr" aria-label={s.spelled} data-testid="join-code">
              {s.code}
            </p>
            <p>{t('view.howToJoin')}</p>
            <p className="share__url" dir="ltr">
              <a href={s.url}>{s.url}</a>
            </p>
          </section>
          {s.svg ? (
            <section className="stack" aria-labelledby="qr-title">
              <h2 id="qr-title">{t('view.qrTitle')}</h2>
              {/* Made on the server by the qrcode package from the link above; the only text in it is the escaped name. */}
              <div className="share__qr" data-testid="qr" dangerouslySetInnerHTML={{ __html: s.svg }} />
            </section>
          ) : null}
        </>
      ) : (
        <p className="banner" role="status">
          {t('view.closed')}
        </p>
      )}
      <section className="stack" aria-labelledby="progress-title">
        <h2 id="progress-title">{t('view.progressTitle')}</h2>
        <p data-testid="session-finished">{s.expected ? t('view.finishedOf', { finished: s.finished, expected: s.expected }) : t('view.finished', { count: s.finished })}</p>
        <p>
          <Link to={`/staff/sessions/${s.id}/board`} className="button button--primary">
            {t('view.openBoard')}
          </Link>
        </p>
        {/* Group activities and paper entry (H6): diamond 9, dot votes, group rankings, paper forms and tallies. */}
        <p>
          <Link to={`/staff/sessions/${s.id}/groups`}>{t('groups:overview.fromSession')}</Link>
        </p>
      </section>
      {s.open ? (
        <Form method="post" className="stack">
          <p>{t('view.closeHint')}</p>
          <button type="submit" name="intent" value="close" className="button button--warning">
            {t('view.close')}
          </button>
        </Form>
      ) : null}
    </div>
  )
}
