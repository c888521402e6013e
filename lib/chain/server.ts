import { connection } from 'next/server'
import { cache } from 'react'
import { createRedactor, rpcUrlSecrets } from '@/lib/security/redact'
import { type ChainErrorDescription, describeChainError } from './errors'
import { getPoolHistory, type PoolHistory } from './history-cache'
import { readPool } from './pool'
import { createReadClient, type ReadClient } from './read-client'
import { loadServerChain, type ServerChain } from './settings'
import type { Pool } from './types'

/**
 * Server-side reads for the first paint. Each is memoised per request (React `cache`), so the
 * layout and the page share one lens call. Pages are dynamic: `connection()` opts out of
 * prerendering (the data is live chain state).
 */

const clients = new Map<string, ReadClient>()

function serverClient(chainId: number, rpcUrl: string): ReadClient {
  const key = `${chainId}:${rpcUrl}`
  let client = clients.get(key)
  if (!client) {
    client = createReadClient({ chainId, rpcUrl })
    clients.set(key, client)
  }
  return client
}

/**
 * The page gets the failure in words (`describeChainError`); the operator gets viem's details in the
 * server log, with the RPC URL's secret parts taken out. Once per distinct message, not per request.
 */
let lastLogged = ''
function describeAndLog(what: string, error: unknown, rpcUrl: string): ChainErrorDescription {
  const description = describeChainError(error)
  const detail = error instanceof Error ? error.message : String(error)
  const line = `[prover-pool] ${what} failed: ${createRedactor(rpcUrlSecrets(rpcUrl))(detail)}`
  if (line !== lastLogged) {
    lastLogged = line
    console.error(line)
  }
  return description
}

export const getServerChain = cache(async (): Promise<ServerChain> => {
  await connection()
  return loadServerChain()
})

type ReadyChain = Extract<ServerChain, { status: 'ready' }>

export type PoolSnapshot =
  | { status: 'ok'; chain: ReadyChain; pool: Pool }
  | { status: 'no-deployment'; chain: Extract<ServerChain, { status: 'no-deployment' }> }
  | { status: 'error'; chain: ReadyChain; error: ChainErrorDescription }

/** The whole pool, one `eth_call`, or why it could not be read. Never throws. */
export const getPoolSnapshot = cache(async (): Promise<PoolSnapshot> => {
  const chain = await getServerChain()
  if (chain.status !== 'ready') return { status: 'no-deployment', chain }
  const client = serverClient(chain.env.chainId, chain.env.rpcUrl)
  try {
    const pool = await readPool(client, chain.settings.addresses)
    return { status: 'ok', chain, pool }
  } catch (error) {
    return { status: 'error', chain, error: describeAndLog('reading the pool', error, chain.env.rpcUrl) }
  }
})

export type HistoryResult =
  | { status: 'ok'; history: PoolHistory }
  | { status: 'error'; error: ChainErrorDescription }

/** Every event of the core up to the snapshot's block (incrementally cached across requests). */
export const getServerHistory = cache(async (): Promise<HistoryResult> => {
  const snapshot = await getPoolSnapshot()
  if (snapshot.status !== 'ok') {
    return {
      status: 'error',
      error: { kind: 'unreachable', message: 'The pool could not be read, so neither can its history.' },
    }
  }
  const { env, deployment } = snapshot.chain
  const client = serverClient(env.chainId, env.rpcUrl)
  try {
    const history = await getPoolHistory(client, {
      cacheKey: `${env.chainId}:${env.rpcUrl}:${deployment.addresses.protocol}:${deployment.deployBlock}`,
      protocol: deployment.addresses.protocol,
      deployBlock: deployment.deployBlock,
      toBlock: snapshot.pool.blockNumber,
    })
    return { status: 'ok', history }
  } catch (error) {
    return { status: 'error', error: describeAndLog('reading the history', error, env.rpcUrl) }
  }
})
