// Frozen: never edit a migration that has shipped; add a new one.
// Group sessions (issue #6): a facilitator runs a session of an open consultation in a room. Participants
// join with a short code; their responses record the session. A join code is unique among open sessions
// (partial unique index), so a closed session's code may come round again.
import { type Kysely, sql } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id'))
    .addColumn('join_code', 'text', (c) => c.notNull())
    // 'school' | 'youth_club' | 'care_council' | 'special_school' | 'community_event' | 'other'
    .addColumn('setting', 'text', (c) => c.notNull())
    .addColumn('group_type', 'text', (c) => c.notNull())
    .addColumn('expected_participants', 'integer')
    .addColumn('kiosk', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_by', 'text', (c) => c.references('staff_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute()
  await db.schema.createIndex('session_open_join_code').on('session').column('join_code').unique().where(sql.ref('status'), '=', 'open').execute()
  await db.schema.createIndex('session_consultation').on('session').columns(['consultation_id', 'created_at']).execute()

  await db.schema.alterTable('response').addColumn('session_id', 'text', (c) => c.references('session.id')).execute()
  await db.schema.createIndex('response_session').on('response').columns(['session_id', 'status']).execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('response_session').execute()
  await db.schema.alterTable('response').dropColumn('session_id').execute()
  await db.schema.dropTable('session').execute()
}
