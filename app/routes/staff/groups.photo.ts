// The photo attached to a group result (a paper diamond, a sticky-note wall), for staff running
// sessions only: never public, never cached by a shared cache.
import type { LoaderFunctionArgs } from '@remix-run/node'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { groupResultPhoto, requireSessionContext } from '~/services/group-results.server'
import { getDb } from '~/utils/db.server'

export const access: RouteAccess = 'sessions:run'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'sessions:run')
  const db = getDb()
  const ctx = await requireSessionContext(db, params.sessionId)
  const photo = await groupResultPhoto(db, ctx, params.groupId ?? '')
  if (!photo) throw new Response('Not found', { status: 404 })
  return new Response(Buffer.from(photo.bytes), {
    headers: { 'Content-Type': photo.mime, 'Content-Length': String(photo.bytes.byteLength), 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' },
  })
}
