// GET /staff/sessions/:sessionId/board.json: the live board's data for the page's polling (and the bench).
import type { LoaderFunctionArgs } from '@remix-run/node'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { boardData, requireSession } from '~/services/sessions.server'
import { getDb } from '~/utils/db.server'
import { getLocale } from '~/utils/i18n.server'

export const access: RouteAccess = 'sessions:run'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'sessions:run')
  const db = getDb()
  const session = await requireSession(db, params.sessionId)
  const board = await boardData(db, session, await getLocale(request))
  return new Response(JSON.stringify(board), { headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } })
}
