import { connection } from 'next/server'
import { cache } from 'react'
import { getBlockNumber } from 'viem/actions'
import { type PoolView, type ProverView, StakerStatus } from '@/lib/pool-math/types'
import { proxyReadClient } from '@/lib/rpc-proxy/server'
import { createRedactor, rpcUrlSecrets } from '@/lib/security/redact'
import { type ChainErrorDescription, describeChainError } from './errors'
import { readPool } from './pool'
import { loadServerChain, type ServerChain } from './settings'
import { readStaker } from './staker'
import { readLensStakers } from './stakers'

/**
 * Server-side reads for the first paint. Each is memoised per request (React `cache`), so the
 * layout and the page share one lens call. Pages are dynamic: `connection()` opts out of
 * prerendering (the data is live chain state).
 *
 * They go through the same RPC proxy as the browser's routes (lib/rpc-proxy/server): its allowlist,
 * its bounded queue and its per-block coalescer. A burst of page loads is then one lens call to
 * RPC_URL per block, not one per visitor (lib/chain/server.test.ts, the attack).
 */

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
  | { status: 'ok'; chain: ReadyChain; pool: PoolView }
  | { status: 'no-deployment'; chain: Extract<ServerChain, { status: 'no-deployment' }> }
  | { status: 'error'; chain: ReadyChain; error: ChainErrorDescription }

/** The whole pool, one `eth_call`, or why it could not be read. Never throws. */
export const getPoolSnapshot = cache(async (): Promise<PoolSnapshot> => {
  const chain = await getServerChain()
  if (chain.status !== 'ready') return { status: 'no-deployment', chain }
  const client = proxyReadClient(chain)
  try {
    // At the proxy's head, not 'latest': the same request as the browser's /api/pool?block=N, so
    // the page and every live view of that block share one answer.
    const blockNumber = await getBlockNumber(client, { cacheTime: 0 })
    const pool = await readPool(client, { ...chain.settings.addresses, blockNumber })
    return { status: 'ok', chain, pool }
  } catch (error) {
    return { status: 'error', chain, error: describeAndLog('reading the pool', error, chain.env.rpcUrl) }
  }
})

/**
 * One staker at the snapshot's block: its lens row when it is active, else the core's `getStaker`
 * (exiting, evicted, withdrawn, or never staked). `null` when it cannot be read.
 */
export async function getServerStaker(
  snapshot: Extract<PoolSnapshot, { status: 'ok' }>,
  address: `0x${string}`,
): Promise<ProverView | null> {
  const lower = address.toLowerCase()
  const active = snapshot.pool.provers.find((p) => p.prover.toLowerCase() === lower)
  if (active) return active
  const { chain } = snapshot
  try {
    return await readStaker(proxyReadClient(chain), {
      protocol: chain.deployment.addresses.protocol,
      address,
      blockNumber: snapshot.pool.chainBlockNumber,
    })
  } catch (error) {
    describeAndLog('reading a staker', error, chain.env.rpcUrl)
    return null
  }
}

/** The stakers that are not active, from the lens's paginated `getStakers` (when the indexer is down). */
export async function getServerLensStakers(snapshot: Extract<PoolSnapshot, { status: 'ok' }>) {
  const { chain } = snapshot
  try {
    const all = await readLensStakers(proxyReadClient(chain), {
      lens: chain.deployment.addresses.lens,
      protocol: chain.deployment.addresses.protocol,
      blockNumber: snapshot.pool.chainBlockNumber,
    })
    return all.filter((p) => p.status === StakerStatus.Exiting || p.status === StakerStatus.Evicted)
  } catch (error) {
    describeAndLog('reading the stakers', error, chain.env.rpcUrl)
    return []
  }
}
