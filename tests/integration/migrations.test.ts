import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../db/migrator'
import { migrations } from '../../db/migrations/index'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

describe.each(testDialects())('migrations [%s]', (dialect) => {
  const opened: TestDatabase[] = []
  afterAll(async () => Promise.all(opened.map((d) => d.drop())))

  it('create every table from empty, and a second run does nothing', async () => {
    const test = await createTestDatabase(dialect, { migrate: false })
    opened.push(test)
    const applied = await migrateToLatest(test.db)
    expect(applied).toEqual(Object.keys(migrations))
    expect(await migrateToLatest(test.db)).toEqual([])
    const tables = (await test.db.introspection.getTables()).map((t) => t.name)
    for (const table of ['organisation', 'consultation', 'question', 'option', 'translation', 'plan', 'plan_outcome', 'theme', 'option_theme', 'theme_outcome', 'response', 'answer']) {
      expect(tables).toContain(table)
    }
  })

  it('give responses and answers generated integer ids', async () => {
    const test = await createTestDatabase(dialect)
    opened.push(test)
    const now = new Date().toISOString()
    await test.db.insertInto('organisation').values({ id: 'o', name: 'Org', suppression_threshold: 10, created_at: now }).execute()
    await test.db.insertInto('consultation').values({ id: 'c', organisation_id: 'o', slug: 's', status: 'open', default_locale: 'en', anonymity: 'anonymous', lawful_basis: 'public_task', retention_days: 30, symbol_mode_default: 0, created_at: now, updated_at: now }).execute()
    const first = await test.db.insertInto('response').values({ consultation_id: 'c', resume_hash: 'a', locale: 'en', status: 'in_progress', entered_on_behalf: 0, created_at: now }).returning('id').executeTakeFirstOrThrow()
    const second = await test.db.insertInto('response').values({ consultation_id: 'c', resume_hash: 'b', locale: 'en', status: 'in_progress', entered_on_behalf: 0, created_at: now }).returning('id').executeTakeFirstOrThrow()
    expect(typeof first.id).toBe('number')
    expect(second.id).toBeGreaterThan(first.id)
    const { rows } = await sql<{ n: number }>`select count(*) as n from response`.execute(test.db)
    expect(Number(rows[0].n)).toBe(2)
  })
})
