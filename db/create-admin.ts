// `npm run create-admin -- --email you@council.gov.uk --name "Your Name"`
// Creates the first admin account (or another admin) in DATABASE_URL. The password comes from the
// STAFF_PASSWORD environment variable, or is asked for twice without being shown. It is never taken
// from the command line, where it would be kept in the shell's history and seen in the process list.
import crypto from 'node:crypto'
import readline from 'node:readline'
import { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import { hash } from '@node-rs/argon2'
import { z } from 'zod'
import { newPasswordSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../app/domain/staff-auth'
import { findStaffUserByEmail, insertStaffUser, normaliseEmail } from '../app/models/staff-user.server'
import { connect, DEFAULT_DATABASE_URL, dialectOf } from './connect'
import { migrateToLatest } from './migrator'

const usage = 'Usage: npm run create-admin -- --email you@example.org --name "Your Name"   (password from STAFF_PASSWORD, or asked for)'

/** Asks a question on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  let muted = false
  const output = new Writable({
    write(chunk, encoding, callback) {
      if (!muted) process.stdout.write(chunk, encoding)
      callback()
    },
  })
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true })
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
    muted = true
  })
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.STAFF_PASSWORD
  if (fromEnv) return fromEnv
  if (!process.stdin.isTTY) throw new Error('Set STAFF_PASSWORD (there is no terminal to ask for the password on).')
  const first = await askHidden(`Password for the new admin (at least ${PASSWORD_MIN_LENGTH} characters): `)
  const second = await askHidden('The same password again: ')
  if (first !== second) throw new Error('The two passwords do not match.')
  return first
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } }, strict: true })
  if (values.help) {
    console.log(usage)
    return
  }
  const email = z.string().trim().email().max(254).safeParse(values.email ?? '')
  const name = z.string().trim().min(1).max(100).safeParse(values.name ?? '')
  if (!email.success) throw new Error(`--email: give the admin's email address.\n${usage}`)
  if (!name.success) throw new Error(`--name: give the admin's name.\n${usage}`)

  const password = newPasswordSchema.safeParse(await readPassword())
  if (!password.success) throw new Error(`The password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long.`)

  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const db = connect(url)
  try {
    await migrateToLatest(db)
    if (await findStaffUserByEmail(db, email.data)) throw new Error(`There is already an account for ${normaliseEmail(email.data)}.`)
    const id = crypto.randomUUID()
    const now = new Date().toISOString()
    await insertStaffUser(db, { id, email: email.data, name: name.data, passwordHash: await hash(password.data), roles: ['admin'], now })
    await db.insertInto('audit_event').values({ user_id: null, action: 'staff-user.create', subject: `staff_user:${id}`, details: JSON.stringify({ roles: ['admin'], via: 'npm run create-admin' }), at: now }).execute()
    console.log(`[create-admin] ${dialectOf(url)}: created admin ${normaliseEmail(email.data)}. Sign in at /staff/sign-in.`)
  } finally {
    await db.destroy()
  }
}

main().catch((error: unknown) => {
  console.error(`[create-admin] ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
