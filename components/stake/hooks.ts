'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import type { Address } from 'viem'
import { blockProtocolAbi } from '@/contracts-abi/BlockProtocol'
import { taikoTokenAbi } from '@/contracts-abi/TaikoToken'
import { useChain } from '@/lib/chain/context'
import type { BlockRecord } from '@/lib/chain/history/blocks'
import { useBlockNumber } from '@/lib/chain/hooks'
import type { PoolView, StakerInfo } from '@/lib/pool-math/types'
import { txStore } from '@/lib/wallet/tx-store'

/** Query keys of the stake page's own reads (the pool itself comes from lib/chain's `usePool`). */
export const stakeQueryKeys = {
  account: (chainId: number, address: Address, blockNumber: bigint) =>
    ['stake', chainId, 'account', address, blockNumber.toString()] as const,
  proposedAt: (chainId: number, protocol: Address, blockId: bigint) =>
    ['stake', chainId, 'proposedAt', protocol, blockId.toString()] as const,
}

export type AccountState = {
  /** TKO balance (wei). */
  tko: bigint
  /** ETH balance (wei), for gas. */
  eth: bigint
  /** `getStaker(address)`: the position, including unclaimed rewards (also after a full withdrawal). */
  staker: StakerInfo
}

/**
 * The connected account at the latest block: TKO and ETH balances and its staker record. Three calls
 * per new block, only while an account is connected; the previous values stay while the next load.
 */
export function useAccountState(address: Address | undefined) {
  const chain = useChain()
  const blockNumber = useBlockNumber().data
  return useQuery({
    queryKey: stakeQueryKeys.account(chain?.settings.chainId ?? 0, address ?? '0x', blockNumber ?? 0n),
    enabled: chain !== null && address !== undefined && blockNumber !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 30_000,
    retry: 1,
    queryFn: async (): Promise<AccountState> => {
      if (!chain || !address) throw new Error('not connected')
      const { client, settings } = chain
      const [tko, eth, staker] = await Promise.all([
        client.readContract({
          address: settings.addresses.token,
          abi: taikoTokenAbi,
          functionName: 'balanceOf',
          args: [address],
          blockNumber,
        }),
        client.getBalance({ address, blockNumber }),
        client.readContract({
          address: settings.addresses.protocol,
          abi: blockProtocolAbi,
          functionName: 'getStaker',
          args: [address],
          blockNumber,
        }),
      ])
      return { tko, eth, staker }
    },
  })
}

/** How many of the newest proposals the demand estimate looks at. */
export const DEMAND_SAMPLE = 20
/** Shortest time span the estimate divides by (s): a burst of one or two proposals is not a rate. */
const MIN_DEMAND_SPAN = 60n

export type Demand = {
  /** Proposals per day at the recent pace. */
  blocksPerDay: number
  /** Average `gasUsed` of the sampled proposals. */
  gasUsed: bigint
  /** How many proposals and over how many seconds the estimate is taken. */
  sample: number
  spanSeconds: bigint
}

/**
 * Current demand, estimated from the newest proposals the page knows (`blocks`, from events): their
 * count over the time from the oldest of them to now (its `proposedAt`, one `getBlock` read, cached per
 * block id), and their average gas. `null` while no block was proposed.
 */
export function useDemand(pool: PoolView, blocks: readonly BlockRecord[]): Demand | null {
  const chain = useChain()
  const recent = [...blocks].sort((a, b) => (a.blockId < b.blockId ? 1 : -1)).slice(0, DEMAND_SAMPLE)
  const oldest = recent.at(-1)
  const proposedAt = useQuery({
    queryKey: stakeQueryKeys.proposedAt(
      chain?.settings.chainId ?? 0,
      chain?.settings.addresses.protocol ?? '0x',
      oldest?.blockId ?? 0n,
    ),
    enabled: chain !== null && oldest !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
    queryFn: async () => {
      if (!chain || !oldest) throw new Error('no block')
      const info = await chain.client.readContract({
        address: chain.settings.addresses.protocol,
        abi: blockProtocolAbi,
        functionName: 'getBlock',
        args: [oldest.blockId],
      })
      return info.proposedAt
    },
  }).data
  if (!oldest || proposedAt === undefined) return null
  const elapsed = pool.chainTimestamp > proposedAt ? pool.chainTimestamp - proposedAt : 0n
  const span = elapsed > MIN_DEMAND_SPAN ? elapsed : MIN_DEMAND_SPAN
  const gas = recent.reduce((sum, b) => sum + b.gasUsed, 0n)
  return {
    blocksPerDay: (recent.length * 86_400) / Number(span),
    gasUsed: gas / BigInt(recent.length),
    sample: recent.length,
    spanSeconds: span,
  }
}

/** The wallet action in flight (or the last one), from the lifecycle store. */
export function useTxState() {
  return useSyncExternalStore(txStore.subscribe, txStore.getSnapshot, txStore.getServerSnapshot)
}
