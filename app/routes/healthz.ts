import { pingDatabase } from '~/models/health.server'
import { getDb } from '~/utils/db.server'

export async function loader() {
  await pingDatabase(getDb())
  return new Response('ok', { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } })
}
