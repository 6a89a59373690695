// GET /staff/stories/:storyId/original/picture: a story's picture, for the safeguarding lead (who reads
// the original story, and has no moderation permission). Never public, never cached.
import type { LoaderFunctionArgs } from '@remix-run/node'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { imageResponse } from '~/services/images.server'
import { storyIdOf, storyPicture } from '~/services/stories.server'
import { getDb } from '~/utils/db.server'

export const access: RouteAccess = 'safeguarding:handle'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'safeguarding:handle')
  return imageResponse(await storyPicture(getDb(), storyIdOf(params.storyId)))
}
