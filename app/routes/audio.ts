// GET /audio/<id>.<mp3|m4a|ogg|opus|wav|webm>: a question's recorded clip (uploaded by staff), public like the question page that plays it.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { audioClipResponse } from '~/services/audio-clips.server'
import { getDb } from '~/utils/db.server'

export const loader = ({ params }: LoaderFunctionArgs) => audioClipResponse(getDb(), params.file)
