import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
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

/**
 * The live pool, starting from the server's snapshot. One lens call per new block (the block
 * number is part of the key; TanStack dedupes), the last data kept while a new one loads or when
 * the node is unreachable.
 */
export function usePool(initial: Pool) {
  const chain = useReadChain()
  const latest = useBlockNumber().data
  const blockNumber = maxBigint(latest, initial.blockNumber)
  const query = useQuery({
    ...poolQueryOptions({ client: chain?.client as never, settings: chain?.settings as never, blockNumber }),
    enabled: chain !== null,
    initialData: () => (blockNumber === initial.blockNumber ? initial : undefined),
    placeholderData: keepPreviousData,
  })
  const pool = query.data ?? initial
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
