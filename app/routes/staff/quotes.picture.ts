// GET /staff/consultations/:slug/quotes/:storyId/picture: a quote's picture, only for an approved story
// whose teller said both "You can use my words" and "You can show my picture". Never public, never cached.
import type { LoaderFunctionArgs } from '@remix-run/node'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { imageResponse } from '~/services/images.server'
import { quotePicture, storyIdOf } from '~/services/stories.server'
import { requireConsultation } from '~/services/survey.server'
import { getDb } from '~/utils/db.server'

export const access: RouteAccess = 'results:view'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'results:view')
  const db = getDb()
  const consultation = await requireConsultation(db, params.slug, { openOnly: false })
  return imageResponse(await quotePicture(db, consultation.id, storyIdOf(params.storyId)))
}
