// GET /staff/consultations/:slug/qr.svg: the join link's QR code as an SVG file to download and print.
import type { LoaderFunctionArgs } from '@remix-run/node'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { joinUrl, qrSvg, requireConsultation } from '~/services/consultations.server'
import { getDb } from '~/utils/db.server'
import { getT } from '~/utils/i18n.server'

export const access: RouteAccess = 'consultations:manage'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const consultation = await requireConsultation(getDb(), params.slug)
  const { t } = await getT(request)
  const url = joinUrl(request, consultation.slug)
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${await qrSvg(url, t('builder:share.qrName', { url }))}\n`
  return new Response(svg, {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${consultation.slug}-qr.svg"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
