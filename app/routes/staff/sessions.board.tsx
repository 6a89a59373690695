// The live board: a projector view of one session's results. With JavaScript it asks for
// board.json every few seconds and redraws when anything changed; without it the page reloads itself
// (<meta http-equiv="refresh"> in <noscript>) and has a Reload link.
import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type BoardData, LiveBoard } from '~/components/live-board'
import { spellJoinCode } from '~/domain/join-code'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { boardData, requireSession } from '~/services/sessions.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'sessions:run'

/** How often the page asks for new counts (the bench measures the delay this gives: bench/live-board.mjs). */
export const BOARD_POLL_MS = 2000
const NO_JS_REFRESH_SECONDS = 10

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? '' }]
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'sessions:run')
  const db = getDb()
  const session = await requireSession(db, params.sessionId)
  const { t, locale } = await getT(request)
  const board = await boardData(db, session, locale)
  return { pageTitle: t('sessions:board.title', { title: board.title }), board, spelled: spellJoinCode(board.code) }
}

export default function BoardPage() {
  const loaded = useLoaderData<typeof loader>()
  const { t } = useTranslation('sessions')
  const [board, setBoard] = useState<BoardData>(loaded.board)
  const [stale, setStale] = useState(false)
  useEffect(() => setBoard(loaded.board), [loaded.board])
  useEffect(() => {
    let version = loaded.board.version
    let stopped = false
    const poll = async () => {
      try {
        const response = await fetch(`/staff/sessions/${loaded.board.sessionId}/board.json`, { cache: 'no-store', headers: { Accept: 'application/json' } })
        if (!response.ok) throw new Error(String(response.status))
        const next = (await response.json()) as BoardData
        if (stopped) return
        setStale(false)
        if (next.version !== version) {
          version = next.version
          setBoard(next)
        }
      } catch {
        if (!stopped) setStale(true)
      }
    }
    const timer = window.setInterval(poll, BOARD_POLL_MS)
    return () => {
      stopped = true
      window.clearInterval(timer)
    }
  }, [loaded.board.sessionId, loaded.board.version])
  return (
    <div className="live-board stack">
      <noscript>
        <meta httpEquiv="refresh" content={String(NO_JS_REFRESH_SECONDS)} />
      </noscript>
      <h1 className="live-board__title">{board.title}</h1>
      {board.open ? (
        <p className="live-board__join">
          {t('board.join')}{' '}
          <strong className="live-board__code" dir="ltr" aria-label={loaded.spelled}>
            {board.code}
          </strong>
        </p>
      ) : (
        <p className="banner">{t('view.closed')}</p>
      )}
      {stale ? (
        <p className="banner" role="status">
          {t('board.stale')}
        </p>
      ) : null}
      <LiveBoard board={board} />
      <p className="live-board__links">
        <a href={`/staff/sessions/${board.sessionId}/board`}>{t('board.reload')}</a> · <Link to={`/staff/sessions/${board.sessionId}`}>{t('board.back')}</Link>
      </p>
    </div>
  )
}
