import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useReportFreshness } from '@/lib/freshness/hooks'
import {
  blockNumberQueryOptions,
  chainQueryKeys,
  type PoolEventsSince,
  poolEventsQueryOptions,
  poolQueryOptions,
} from './queries'
import { useReadChain } from './settings-context'
import type { Pool } from './types'

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
export function usePool(initial: Pool) {
  const chain = useReadChain()
  const queryClient = useQueryClient()
  const latest = useBlockNumber().data
  const blockNumber = maxBigint(latest, initial.blockNumber)
  const query = useQuery({
    ...poolQueryOptions({ client: chain?.client as never, settings: chain?.settings as never, blockNumber }),
    enabled: chain !== null,
    initialData: () => (blockNumber === initial.blockNumber ? initial : undefined),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.status === 'error' ? STALE_RETRY_INTERVAL : false),
  })
  const pool = query.data ?? initial
  const [mountedAt] = useState(() => Date.now())
  const shownAt =
    chain === null
      ? mountedAt
      : (queryClient.getQueryState(
          poolQueryOptions({ client: chain.client, settings: chain.settings, blockNumber: pool.blockNumber })
            .queryKey,
        )?.dataUpdatedAt ?? mountedAt)
  useReportFreshness('pool', {
    settled: query.isError || (query.isSuccess && !query.isPlaceholderData),
    failing: query.isError,
    dataAt: shownAt || mountedAt,
    dataBlock: pool.blockNumber,
    error: query.isError ? `the pool could not be read at block ${blockNumber}` : undefined,
  })
  return { pool, isUpdating: query.isFetching, error: query.error }
}

/**
 * Events of the core after `sinceBlock` (the block of the server's snapshot): on every new block
 * only the new range is requested and appended. Components fold them onto the server's history.
 */
export function useNewPoolEvents(sinceBlock: bigint): PoolEventsSince {
  const chain = useReadChain()
  const queryClient = useQueryClient()
  const latest = useBlockNumber().data
  const toBlock = maxBigint(latest, sinceBlock)
  const key = chainQueryKeys.poolEvents(
    chain?.settings.chainId ?? 0,
    chain?.settings.addresses.protocol ?? '0x',
    sinceBlock,
  )
  const empty: PoolEventsSince = { sinceBlock, toBlock: sinceBlock, events: [] }
  const query = useQuery({
    ...poolEventsQueryOptions({
      client: chain?.client as never,
      settings: chain?.settings as never,
      sinceBlock,
      toBlock,
      getPrevious: () => queryClient.getQueryData<PoolEventsSince>(key),
    }),
    enabled: false,
    initialData: empty,
  })
  const loadedTo = query.data.toBlock
  const { isFetching, refetch } = query
  const [mountedAt] = useState(() => Date.now())
  // Source 'history': the events after the server's snapshot (StaleNotice source="history").
  useReportFreshness('history', {
    settled: !isFetching,
    failing: query.isError,
    dataAt: query.dataUpdatedAt || mountedAt,
    dataBlock: loadedTo,
    error: query.isError ? 'the newest events could not be read' : undefined,
  })
  const attempted = useRef(sinceBlock)
  useEffect(() => {
    // One request at a time, once per new block: when it lands and the chain moved on meanwhile, the
    // next starts; after a failure the next block (the node answering again) triggers the retry.
    if (chain === null || isFetching || toBlock <= loadedTo || toBlock <= attempted.current) return
    attempted.current = toBlock
    void refetch({ cancelRefetch: false })
  }, [chain, toBlock, loadedTo, isFetching, refetch])
  return query.data
}
