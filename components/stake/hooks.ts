'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import type { Address } from 'viem'
import { blockProtocolAbi } from '@/contracts-abi/BlockProtocol'
import { taikoTokenAbi } from '@/contracts-abi/TaikoToken'
import { useChain } from '@/lib/chain/context'
import { useBlockNumber } from '@/lib/chain/hooks'
import type { StakerInfo } from '@/lib/pool-math/types'
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

/** The wallet action in flight (or the last one), from the lifecycle store. */
export function useTxState() {
  return useSyncExternalStore(txStore.subscribe, txStore.getSnapshot, txStore.getServerSnapshot)
}
