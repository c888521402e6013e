import { PGlite } from '@electric-sql/pglite'
import { and, eq, getTableColumns, type InferSelectModel, type Table } from 'drizzle-orm'
import { toSnakeCase } from 'drizzle-orm/casing'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import * as schema from '../../ponder.schema'
import type { ReadDb } from '../../src/api/queries'
import type { Store } from '../../src/handlers/types'

/**
 * The indexer's tables on a database of their own, for tests: an in-memory PGlite, or a fresh schema
 * on a PostgreSQL server (DATABASE_URL). Same column types, names (snake_case, as Ponder names them)
 * and primary keys as Ponder creates; `store` is the handlers' `Store` over it.
 */
export type TestDatabase = { db: ReadDb; store: Store; close: () => Promise<void> }

const tables = Object.values(schema) as PgTable[]

function createTableSql(table: PgTable): string {
  const cfg = getTableConfig(table)
  const columns = cfg.columns.map(
    (c) => `"${toSnakeCase(c.name)}" ${c.getSQLType()}${c.notNull ? ' not null' : ''}`,
  )
  const primary = cfg.columns.filter((c) => c.primary).map((c) => c.name)
  const keys = primary.length > 0 ? primary : (cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? [])
  columns.push(`primary key (${keys.map((k) => `"${toSnakeCase(k)}"`).join(', ')})`)
  return `create table "${cfg.name}" (${columns.join(', ')})`
}

function primaryKeyOf(table: Table): string[] {
  const cfg = getTableConfig(table as PgTable)
  const primary = cfg.columns.filter((c) => c.primary)
  const columns = primary.length > 0 ? primary : (cfg.primaryKeys[0]?.columns ?? [])
  // Rows are keyed by the table's property names: find each key column's property.
  const entries = Object.entries(getTableColumns(table))
  return columns.map((c) => entries.find(([, column]) => column === c)?.[0] ?? c.name)
}

type AnyDb = ReturnType<typeof drizzlePglite>

/** The handlers' store on drizzle: upserts and read-modify-writes by primary key, as Ponder's does. */
function storeOn(db: AnyDb): Store {
  const where = (table: Table, key: Record<string, unknown>) => {
    const columns = getTableColumns(table)
    return and(
      ...Object.entries(key).map(([k, v]) => {
        const column = columns[k]
        if (!column) throw new Error(`no column ${k}`)
        return eq(column, v)
      }),
    )
  }
  const keyOf = (table: Table, row: Record<string, unknown>) =>
    Object.fromEntries(primaryKeyOf(table).map((k) => [k, row[k]]))
  async function find<T extends Table>(table: T, key: Record<string, unknown>) {
    const [row] = await db
      .select()
      .from(table as never)
      .where(where(table, key))
      .limit(1)
    return (row ?? null) as InferSelectModel<T> | null
  }
  const store = {
    find,
    insert(table: Table) {
      return {
        values(row: Record<string, unknown>) {
          // Lazy, like Ponder's: the plain insert runs only when awaited as it is.
          const plain = {
            // biome-ignore lint/suspicious/noThenProperty: Ponder's insert is a thenable that runs when awaited
            then<A, B>(resolve?: (v: unknown) => A, reject?: (e: unknown) => B) {
              return db
                .insert(table as never)
                .values(row as never)
                .then(() => undefined)
                .then(resolve, reject)
            },
          }
          return Object.assign(plain, {
            onConflictDoNothing: () =>
              db
                .insert(table as never)
                .values(row as never)
                .onConflictDoNothing(),
            onConflictDoUpdate: async (change: unknown) => {
              const key = keyOf(table, row)
              const existing = await find(table, key)
              if (!existing) {
                await db.insert(table as never).values(row as never)
                return
              }
              const values = typeof change === 'function' ? change(existing) : change
              await db
                .update(table as never)
                .set(values as never)
                .where(where(table, key))
            },
          })
        },
      }
    },
    update(table: Table, key: Record<string, unknown>) {
      return {
        async set(change: unknown) {
          const existing = await find(table, key)
          if (!existing)
            throw new Error(`update of a missing row of ${getTableConfig(table as PgTable).name}`)
          const values = typeof change === 'function' ? change(existing) : change
          await db
            .update(table as never)
            .set(values as never)
            .where(where(table, key))
        },
      }
    },
  }
  return store as unknown as Store
}

/** The tables on an in-memory PGlite. */
export async function pgliteDatabase(): Promise<TestDatabase> {
  const client = new PGlite()
  for (const table of tables) await client.exec(createTableSql(table))
  const db = drizzlePglite(client, { casing: 'snake_case' })
  return { db: db as unknown as ReadDb, store: storeOn(db), close: () => client.close() }
}

/** The tables in a new schema (dropped by `close`) of the PostgreSQL server at `url`. */
export async function postgresDatabase(url: string): Promise<TestDatabase> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const name = `indexer_test_${process.pid}_${Date.now()}`
  await client.query(`create schema "${name}"`)
  await client.query(`set search_path to "${name}"`)
  for (const table of tables) await client.query(createTableSql(table))
  const db = drizzlePg(client, { casing: 'snake_case' })
  return {
    db: db as unknown as ReadDb,
    store: storeOn(db as unknown as AnyDb),
    close: async () => {
      await client.query(`drop schema "${name}" cascade`)
      await client.end()
    },
  }
}
