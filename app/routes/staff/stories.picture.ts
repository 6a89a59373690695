// GET /staff/stories/:storyId/picture: a story's picture, for a moderator. Never public, never cached.
import type { LoaderFunctionArgs } from '@remix-run/node'
import type { RouteAccess } from '~/domain/permissions'
import { requirePermission } from '~/services/auth.server'
import { imageResponse } from '~/services/images.server'
import { storyIdOf, storyPicture } from '~/services/stories.server'
import { getDb } from '~/utils/db.server'

export const access: RouteAccess = 'stories:moderate'

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'stories:moderate')
  return imageResponse(await storyPicture(getDb(), storyIdOf(params.storyId)))
}
