// GET /symbols/upload/<id>.<webp|png>?size=<64|128|256>: an organisation's own symbol as an image.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { uploadedSymbolImageResponse } from '~/services/symbols.server'
import { getDb } from '~/utils/db.server'

export const loader = ({ request, params }: LoaderFunctionArgs) => uploadedSymbolImageResponse(getDb(), params.file, new URL(request.url))
