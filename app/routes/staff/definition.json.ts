// GET /staff/consultations/:slug/definition.json: the survey file (app/domain/survey-definition.ts).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { stringifySurveyDefinition } from '~/domain/survey-definition'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { requireConsultation } from '~/services/consultations.server'
import { exportDefinition } from '~/services/survey-definition.server'
import { getDb } from '~/utils/db.server'

export const access: RouteAccess = 'consultations:manage'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'consultations:manage')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug)
  const body = stringifySurveyDefinition(await exportDefinition(db, consultation))
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${consultation.slug}-survey.json"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
