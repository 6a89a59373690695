// Frozen: never edit a migration that has shipped; add a new one.
// Staff accounts, their roles, database-backed sign-in sessions, and the audit log.
import { type Kysely, PostgresAdapter } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter

  await db.schema
    .createTable('staff_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Always stored lower-cased (app/models/staff-user.server.ts), so unique means unique whatever the case typed.
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    // argon2id, PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash)
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('staff_role')
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_role_pk', ['user_id', 'role'])
    .execute()

  await db.schema
    .createTable('staff_session')
    // sha-256 of the random token in the cookie; the token itself is never stored
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_user.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('staff_session_user').on('staff_session').column('user_id').execute()

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'integer', (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    // null for actions run outside the app (for example `npm run create-admin`). Users are disabled, never deleted.
    .addColumn('user_id', 'text', (c) => c.references('staff_user.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    // JSON text, or null
    .addColumn('details', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_event_at').on('audit_event').column('at').execute()
  await db.schema.createIndex('audit_event_user').on('audit_event').column('user_id').execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('audit_event').execute()
  await db.schema.dropTable('staff_session').execute()
  await db.schema.dropTable('staff_role').execute()
  await db.schema.dropTable('staff_user').execute()
}
