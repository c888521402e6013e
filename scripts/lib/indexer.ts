/**
 * The indexer (indexer/, Ponder 0.16) as a child process: the command line and environment that run
 * it against a chain and a deployments file, resetting its database for a fresh chain, and reading how
 * far it has indexed. Used by `npm start`, the e2e indexer server, the tests and the benchmark.
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

export type IndexerParameters = {
  /** HTTP port of the indexer (Ponder's default 42069). */
  port: number
  rpcUrl: string
  chainId: number
  deploymentsFile: string
  /** postgres://… to use PostgreSQL; otherwise the embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined
  /** PGlite's folder (ignored with `databaseUrl`). */
  dataDir: string
  /** Database schema of this run (Ponder needs one; max 45 characters). */
  schema: string
  /** Poll the chain every this many ms (default 500). */
  pollingMs?: number | undefined
}

export const DEFAULT_INDEXER_PORT = 42_069
export const DEFAULT_INDEXER_SCHEMA = 'prover_pool'

/** `ponder start` for indexer/, and its environment. */
export function indexerCommand(p: IndexerParameters, env: NodeJS.ProcessEnv = process.env) {
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    PONDER_TELEMETRY_DISABLED: 'true',
    RPC_URL: p.rpcUrl,
    CHAIN_ID: String(p.chainId),
    DEPLOYMENTS_FILE: p.deploymentsFile,
    INDEXER_DATA_DIR: p.dataDir,
    INDEXER_POLLING_MS: String(p.pollingMs ?? 500),
    DATABASE_SCHEMA: p.schema,
    NO_COLOR: '1',
  }
  delete childEnv.FORCE_COLOR
  if (p.databaseUrl) childEnv.DATABASE_URL = p.databaseUrl
  else delete childEnv.DATABASE_URL
  return {
    command: path.join(root, 'node_modules', '.bin', 'ponder'),
    args: ['start', '--root', 'indexer', '--schema', p.schema, '--port', String(p.port), '-H', '127.0.0.1'],
    cwd: root,
    env: childEnv,
  }
}

/** Forgets what was indexed (a new local chain reuses the same addresses): PGlite's folder, or the schema. */
export async function resetIndexerData(p: IndexerParameters): Promise<void> {
  if (!p.databaseUrl) {
    await rm(p.dataDir, { recursive: true, force: true })
    return
  }
  const pg = (await import('pg')).default
  const client = new pg.Client({ connectionString: p.databaseUrl })
  await client.connect()
  try {
    await client.query(`drop schema if exists "${p.schema.replaceAll('"', '')}" cascade`)
  } finally {
    await client.end()
  }
}

/** The chain block the indexer has indexed (Ponder's `/status`), or null when it does not answer yet. */
export async function indexedBlock(indexerUrl: string, timeoutMs = 2_000): Promise<bigint | null> {
  try {
    const response = await fetch(`${indexerUrl}/status`, { signal: AbortSignal.timeout(timeoutMs) })
    if (!response.ok) return null
    const status = (await response.json()) as Record<string, { block?: { number?: number } }>
    const n = Object.values(status)[0]?.block?.number
    return n === undefined ? null : BigInt(n)
  } catch {
    return null
  }
}
