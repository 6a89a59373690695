// GET /symbols/openmoji/<HEXCODE>.<webp|png>?size=<64|128|256>: an OpenMoji pictogram as an image.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { openmojiImageResponse } from '~/services/symbols.server'

export const loader = ({ request, params }: LoaderFunctionArgs) => openmojiImageResponse(params.file, new URL(request.url))
