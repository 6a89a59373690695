// GET /join/reset?slug=…: a kiosk page left alone (the page's timer, or without JavaScript its
// <meta http-equiv="refresh">) goes back to the session's start with the last child's cookies cleared.
// It changes no answers (what was saved stays saved, unfinished), so a GET is safe.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { resetKiosk } from '~/services/sessions.server'
import { getDb } from '~/utils/db.server'

export const loader = ({ request }: LoaderFunctionArgs) => resetKiosk(getDb(), request, new URL(request.url).searchParams.get('slug'))
