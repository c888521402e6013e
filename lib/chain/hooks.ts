import { useContext, useState } from 'react'
import type { Address } from 'viem'
import { useReportFreshness } from '@/lib/freshness/hooks'
import { refreshRead } from '@/lib/live/read-store'
import { useRead } from '@/lib/live/use-read'
import type { PoolView, ProverView } from '@/lib/pool-math/types'
import { fetchBlockNumber, fetchPool, fetchStaker } from './browser-reads'
import { HeadSeedContext, useChainSettings } from './settings-context'
import type { ChainSettings } from './types'

/**
 * The live chain for every page (lib/live's reads, lib/chain/browser-reads' fetches): the head polled,
 * the pool and a staker read once per new block. Read-only pages load no viem and no TanStack for it.
 */

/** How often the browser asks for the latest block (ms). One small request; the rest follows from it. */
export const BLOCK_POLL_INTERVAL = 2_000
/** After a failed read, how often it is tried again even if no new block comes (ms). */
export const STALE_RETRY_INTERVAL = 5_000

/** Every live chain read's key (one read per key, shared by every component asking). */
export const chainReadKeys = {
  blockNumber: (chainId: number) => `chain:${chainId}:blockNumber`,
  pool: (s: ChainSettings, blockNumber: bigint) =>
    `chain:${s.chainId}:pool:${s.addresses.lens}:${s.addresses.protocol}:${blockNumber}`,
  staker: (s: ChainSettings, address: Address, blockNumber: bigint) =>
    `chain:${s.chainId}:staker:${s.addresses.protocol}:${address.toLowerCase()}:${blockNumber}`,
}

/** Asks for the latest block now (after a transaction): every read that follows the head follows. */
export function refreshBlockNumber(chainId: number): void {
  refreshRead(chainReadKeys.blockNumber(chainId))
}

// A failed poll is shown at once ("connection lost") and simply tried again at the next tick.
const headOptions = { refetchInterval: () => BLOCK_POLL_INTERVAL } as const
const atBlockOptions = {
  retry: 1,
  refetchInterval: (s: { status: string }) => (s.status === 'error' ? STALE_RETRY_INTERVAL : false),
} as const

/**
 * The latest block number, polled (one `eth_blockNumber` per tick, shared by every component), starting
 * from the block the server rendered at (`HeadSeedContext`).
 */
export function useBlockNumber() {
  const settings = useChainSettings()
  return useRead(
    settings ? chainReadKeys.blockNumber(settings.chainId) : null,
    () => fetchBlockNumber((settings as ChainSettings).rpcUrl),
    headOptions,
    useContext(HeadSeedContext),
  )
}

export type ConnectionState = {
  status: 'connecting' | 'live' | 'lost' | 'unconfigured'
  blockNumber: bigint | undefined
  /** When the node last answered (ms since epoch), 0 if never. */
  lastSeenAt: number
}

/** RPC connection as the header and the "connection lost" notice show it. */
export function useConnection(): ConnectionState {
  const settings = useChainSettings()
  const query = useBlockNumber()
  if (settings === null) return { status: 'unconfigured', blockNumber: undefined, lastSeenAt: 0 }
  const status = query.isError ? 'lost' : query.data === undefined ? 'connecting' : 'live'
  return { status, blockNumber: query.data, lastSeenAt: query.dataUpdatedAt }
}

function maxBigint(a: bigint | undefined, b: bigint): bigint {
  return a !== undefined && a > b ? a : b
}

/**
 * The live pool, starting from the server's snapshot. One read per new block (the block number is
 * part of the key), the last data kept while a new one loads or when the node is unreachable. A
 * failed read is reported as stale (source 'pool': the header and `StaleNotice` say so, with the
 * data's age) and tried again every few seconds until it succeeds.
 */
export function usePool(initial: PoolView) {
  const settings = useChainSettings()
  const latest = useBlockNumber().data
  const blockNumber = maxBigint(latest, initial.chainBlockNumber)
  const query = useRead(
    settings ? chainReadKeys.pool(settings, blockNumber) : null,
    () => fetchPool(blockNumber),
    atBlockOptions,
    blockNumber === initial.chainBlockNumber ? initial : undefined,
  )
  const pool = query.data ?? initial
  const [mountedAt] = useState(() => Date.now())
  useReportFreshness('pool', {
    settled: query.isError || (query.isSuccess && !query.isPlaceholderData),
    failing: query.isError,
    dataAt: query.dataUpdatedAt || mountedAt,
    dataBlock: pool.chainBlockNumber,
    error: query.isError ? `the pool could not be read at block ${blockNumber}` : undefined,
  })
  return { pool, isUpdating: query.isFetching, error: query.error }
}

/**
 * A staker that is not in the pool's active list, live: its position once per new block (while
 * `enabled`), starting from the server's read; the last one kept while a read fails.
 */
export function useStaker(
  initial: ProverView | null,
  address: Address,
  blockNumber: bigint,
  enabled: boolean,
) {
  const settings = useChainSettings()
  const query = useRead(
    settings && enabled ? chainReadKeys.staker(settings, address, blockNumber) : null,
    () => fetchStaker(address, blockNumber),
    { retry: 1 },
  )
  return query.data ?? initial
}
