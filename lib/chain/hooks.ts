import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useReportFreshness } from '@/lib/freshness/hooks'
import type { PoolView, ProverView } from '@/lib/pool-math/types'
import { blockNumberQueryOptions, poolQueryOptions, stakerQueryOptions } from './queries'
import { useReadChain } from './settings-context'

/** The latest block number, polled (one `eth_blockNumber` per tick, shared by every component). */
export function useBlockNumber() {
  const chain = useReadChain()
  return useQuery({
    ...blockNumberQueryOptions({ client: chain?.client as never, chainId: chain?.settings.chainId ?? 0 }),
    enabled: chain !== null,
  })
}

export type ConnectionState = {
  status: 'connecting' | 'live' | 'lost' | 'unconfigured'
  blockNumber: bigint | undefined
  /** When the node last answered (ms since epoch), 0 if never. */
  lastSeenAt: number
}

/** RPC connection as the header and the "connection lost" notice show it. */
export function useConnection(): ConnectionState {
  const chain = useReadChain()
  const query = useBlockNumber()
  if (chain === null) return { status: 'unconfigured', blockNumber: undefined, lastSeenAt: 0 }
  const status = query.isError ? 'lost' : query.data === undefined ? 'connecting' : 'live'
  return { status, blockNumber: query.data, lastSeenAt: query.dataUpdatedAt }
}

function maxBigint(a: bigint | undefined, b: bigint): bigint {
  return a !== undefined && a > b ? a : b
}

/** After a failed read, how often it is tried again even if no new block comes (ms). */
export const STALE_RETRY_INTERVAL = 5_000

/**
 * The live pool, starting from the server's snapshot. One lens call per new block (the block
 * number is part of the key; TanStack dedupes), the last data kept while a new one loads or when
 * the node is unreachable. A failed read is reported as stale (source 'pool': the header and
 * `StaleNotice` say so, with the data's age) and tried again every few seconds until it succeeds.
 */
export function usePool(initial: PoolView) {
  const chain = useReadChain()
  const queryClient = useQueryClient()
  const latest = useBlockNumber().data
  const blockNumber = maxBigint(latest, initial.chainBlockNumber)
  const query = useQuery({
    ...poolQueryOptions({ client: chain?.client as never, settings: chain?.settings as never, blockNumber }),
    enabled: chain !== null,
    initialData: () => (blockNumber === initial.chainBlockNumber ? initial : undefined),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.status === 'error' ? STALE_RETRY_INTERVAL : false),
  })
  const pool = query.data ?? initial
  const [mountedAt] = useState(() => Date.now())
  const shownAt =
    chain === null
      ? mountedAt
      : (queryClient.getQueryState(
          poolQueryOptions({
            client: chain.client,
            settings: chain.settings,
            blockNumber: pool.chainBlockNumber,
          }).queryKey,
        )?.dataUpdatedAt ?? mountedAt)
  useReportFreshness('pool', {
    settled: query.isError || (query.isSuccess && !query.isPlaceholderData),
    failing: query.isError,
    dataAt: shownAt || mountedAt,
    dataBlock: pool.chainBlockNumber,
    error: query.isError ? `the pool could not be read at block ${blockNumber}` : undefined,
  })
  return { pool, isUpdating: query.isFetching, error: query.error }
}

/**
 * A staker that is not in the pool's active list, live: the core's `getStaker` once per new block
 * (while `enabled`), starting from the server's read; the last one kept while a read fails.
 */
export function useStaker(
  initial: ProverView | null,
  address: `0x${string}`,
  blockNumber: bigint,
  enabled: boolean,
) {
  const chain = useReadChain()
  const query = useQuery({
    ...stakerQueryOptions({
      client: chain?.client as never,
      settings: chain?.settings as never,
      address,
      blockNumber,
    }),
    enabled: chain !== null && enabled,
    placeholderData: keepPreviousData,
  })
  return query.data ?? initial
}
