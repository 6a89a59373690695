// Summary downloads: the planner's results tables with small numbers hidden (c, z, k), no row-level data.
import { type LoaderFunctionArgs } from '@remix-run/node'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { exportDownload, exportKinds, isExportKind } from '~/services/export.server'
import { requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'results:export'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'results:export')
  const kind = new URL(request.url).pathname.split('/').pop()
  if (!isExportKind(kind) || exportKinds[kind].raw) throw new Response('Not found', { status: 404 })
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  const { locale, t } = await getT(request)
  return exportDownload(db, consultation, kind, { locale, t })
}
