import type { Address } from 'viem'
import { getBlockNumber } from 'viem/actions'
import { readPool } from './pool'
import type { ReadClient } from './read-client'
import { readStaker } from './staker'
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
  staker: (chainId: number, protocol: Address, address: Address, blockNumber: bigint) =>
    ['chain', chainId, 'staker', protocol, address.toLowerCase(), blockNumber.toString()] as const,
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

/** One staker at one block (the core's `getStaker`): for a prover that is not in the lens's active list. */
export function stakerQueryOptions({
  client,
  settings,
  address,
  blockNumber,
}: {
  client: ReadClient
  settings: ChainSettings
  address: Address
  blockNumber: bigint
}) {
  const { protocol } = settings.addresses
  return {
    queryKey: chainQueryKeys.staker(settings.chainId, protocol, address, blockNumber),
    queryFn: () => readStaker(client, { protocol, address, blockNumber }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: 1,
  } as const
}
