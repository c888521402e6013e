import { pgliteDatabase, postgresDatabase, type TestDatabase } from './database'

/** Where the test PostgreSQL server is (scripts/test-all.sh starts one when none runs). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'

/**
 * The databases the indexer's tests run on: PGlite always; PostgreSQL at TEST_DATABASE_URL unless
 * INDEXER_TEST_POSTGRES=0 (`npm test` sets it to 1, and then a missing server fails the tests).
 */
export function backends(): { name: string; open: () => Promise<TestDatabase> }[] {
  const list = [{ name: 'PGlite', open: pgliteDatabase }]
  if (process.env.INDEXER_TEST_POSTGRES !== '0')
    list.push({ name: 'PostgreSQL', open: () => postgresDatabase(TEST_DATABASE_URL) })
  return list
}
