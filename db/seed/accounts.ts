// Demo staff accounts: one per role, all with the same documented password. Created only by the demo
// seed (db/seed/demo.ts), never in a real deployment: the first real admin comes from
// `npm run create-admin` (db/create-admin.ts).
import crypto from 'node:crypto'
import { hash } from '@node-rs/argon2'
import type { Kysely } from 'kysely'
import type { Database } from '../schema'

/** The password of every demo account (README: "Signing in to the demo"). Never use it for real. */
export const DEMO_PASSWORD = 'have-your-say-demo'

/** .invalid is reserved (RFC 2606): these addresses can never receive mail. */
export const demoAccounts = [
  { role: 'admin', email: 'admin@demo.invalid', name: 'Ada Admin' },
  { role: 'planner', email: 'planner@demo.invalid', name: 'Priya Planner' },
  { role: 'facilitator', email: 'facilitator@demo.invalid', name: 'Femi Facilitator' },
  { role: 'safeguarding', email: 'safeguarding@demo.invalid', name: 'Sam Safeguarding' },
  { role: 'coder', email: 'coder@demo.invalid', name: 'Cai Coder' },
] as const

export type DemoRole = (typeof demoAccounts)[number]['role']

/** Adds the demo accounts that are missing (safe to run again). Returns how many it added. */
export async function seedDemoAccounts(db: Kysely<Database>): Promise<number> {
  const existing = new Set((await db.selectFrom('staff_user').select('email').execute()).map((r) => r.email))
  const missing = demoAccounts.filter((a) => !existing.has(a.email))
  if (!missing.length) return 0
  const passwordHash = await hash(DEMO_PASSWORD) // argon2id, the library's defaults (as app/services/auth.server.ts)
  const now = new Date().toISOString()
  await db.transaction().execute(async (trx) => {
    for (const account of missing) {
      const id = crypto.randomUUID()
      await trx.insertInto('staff_user').values({ id, email: account.email, name: account.name, password_hash: passwordHash, disabled: 0, created_at: now, updated_at: now }).execute()
      await trx.insertInto('staff_role').values({ user_id: id, role: account.role }).execute()
      await trx.insertInto('audit_event').values({ user_id: null, action: 'staff-user.create', subject: `staff_user:${id}`, details: JSON.stringify({ roles: [account.role], demo: true }), at: now }).execute()
    }
  })
  return missing.length
}
