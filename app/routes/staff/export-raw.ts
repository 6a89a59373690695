// Raw (row-level) downloads: every answer, free text included. Only for roles allowed raw data,
// and every download is written to the audit log before the first byte goes out.
import { type LoaderFunctionArgs } from '@remix-run/node'
import type { RouteAccess } from '~/domain/permissions'
import { recordAudit } from '~/services/audit.server'
import { requirePermission } from '~/services/auth.server'
import { exportDownload, exportKinds, isExportKind } from '~/services/export.server'
import { requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'responses:raw'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'responses:raw')
  const kind = new URL(request.url).pathname.split('/').pop()
  if (!isExportKind(kind) || !exportKinds[kind].raw) throw new Response('Not found', { status: 404 })
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  const { locale, t } = await getT(request)
  await recordAudit(db, { userId: user.id, action: 'responses.raw-export', subject: `consultation:${consultation.slug}`, details: { kind } })
  return exportDownload(db, consultation, kind, { locale, t })
}
