import type { Address } from 'viem'
import { getBlockNumber } from 'viem/actions'
import { fetchPoolEvents, type PoolEvent } from './events'
import { readPool } from './pool'
import type { ReadClient } from './read-client'
import type { ChainSettings } from './types'

/**
 * Every query key of the dashboard. Block numbers are strings in keys (TanStack hashes keys with
 * JSON, which has no bigint).
 */
export const chainQueryKeys = {
  all: (chainId: number) => ['chain', chainId] as const,
  blockNumber: (chainId: number) => ['chain', chainId, 'blockNumber'] as const,
  pool: (chainId: number, lens: Address, protocol: Address, blockNumber: bigint) =>
    ['chain', chainId, 'pool', lens, protocol, blockNumber.toString()] as const,
  poolEvents: (chainId: number, protocol: Address, sinceBlock: bigint) =>
    ['chain', chainId, 'poolEvents', protocol, sinceBlock.toString()] as const,
}

/** How often the browser asks for the latest block (ms). One small request; the rest follows from it. */
export const BLOCK_POLL_INTERVAL = 2_000

/** The latest block number: the heartbeat that drives every other refresh. */
export function blockNumberQueryOptions({ client, chainId }: { client: ReadClient; chainId: number }) {
  return {
    queryKey: chainQueryKeys.blockNumber(chainId),
    queryFn: () => getBlockNumber(client, { cacheTime: 0 }),
    refetchInterval: BLOCK_POLL_INTERVAL,
    // A failed poll is shown at once ("connection lost") and simply tried again at the next tick.
    retry: false,
    staleTime: 0,
  } as const
}

/**
 * The whole pool at one block: ONE `eth_call` to `ProverPoolLens.getPool(protocol)`. A block's state
 * never changes, so the result never goes stale; a new block is a new key (one read per block).
 */
export function poolQueryOptions({
  client,
  settings,
  blockNumber,
}: {
  client: ReadClient
  settings: ChainSettings
  blockNumber: bigint
}) {
  const { lens, protocol } = settings.addresses
  return {
    queryKey: chainQueryKeys.pool(settings.chainId, lens, protocol, blockNumber),
    queryFn: () => readPool(client, { lens, protocol, blockNumber }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: 1,
  } as const
}

/** Events of the core after `sinceBlock`, grown block range by block range (never re-read). */
export type PoolEventsSince = { sinceBlock: bigint; toBlock: bigint; events: PoolEvent[] }

export function poolEventsQueryOptions({
  client,
  settings,
  sinceBlock,
  toBlock,
  getPrevious,
}: {
  client: ReadClient
  settings: ChainSettings
  sinceBlock: bigint
  /** Read up to here (the latest block the browser knows). */
  toBlock: bigint
  /** What is already loaded; only the blocks after its `toBlock` are requested. */
  getPrevious: () => PoolEventsSince | undefined
}) {
  const { protocol } = settings.addresses
  return {
    queryKey: chainQueryKeys.poolEvents(settings.chainId, protocol, sinceBlock),
    queryFn: async (): Promise<PoolEventsSince> => {
      const base = getPrevious() ?? { sinceBlock, toBlock: sinceBlock, events: [] }
      if (toBlock <= base.toBlock) return base
      const events = await fetchPoolEvents(client, {
        address: protocol,
        fromBlock: base.toBlock + 1n,
        toBlock,
      })
      return { sinceBlock, toBlock, events: events.length ? [...base.events, ...events] : base.events }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  } as const
}
