import { type Address, decodeFunctionResult, encodeFunctionData, type Hex, numberToHex } from 'viem'
import { healthBps } from '@/lib/pool-math/healthBps'
import type { ProverView } from '@/lib/pool-math/types'
import { coreAbi } from './abi'
import type { ReadClient } from './read-client'

export type ReadStakerParameters = {
  protocol: Address
  address: Address
  /** Read as of this block (default: latest). */
  blockNumber?: bigint | undefined
}

/**
 * One staker's position, whatever its status: ONE `eth_call` to the core's `getStaker(address)` (the
 * lens's `getPool` lists active provers only), as the lens's row for it (`ProverView`, built like the
 * lens's `_row`). Weight 0: it is the lens's to compute, for active ones.
 */
export async function readStaker(
  client: ReadClient,
  { protocol, address, blockNumber }: ReadStakerParameters,
): Promise<ProverView> {
  const data: Hex = await client.request({
    method: 'eth_call',
    params: [
      {
        to: protocol,
        data: encodeFunctionData({ abi: coreAbi, functionName: 'getStaker', args: [address] }),
      },
      blockNumber === undefined ? 'latest' : numberToHex(blockNumber),
    ],
  })
  const s = decodeFunctionResult({ abi: coreAbi, functionName: 'getStaker', data })
  return {
    prover: s.prover,
    status: s.status,
    slot: s.slot,
    stake: s.stake,
    rewardPerGas: s.rewardPerGas,
    currentCapacity: s.currentCapacity,
    maxCapacity: s.maxCapacity,
    outstandingBlocks: s.outstandingBlocks,
    weight: 0n,
    healthBps: healthBps({ deposited: s.deposited, slashed: s.slashed }),
    deposited: s.deposited,
    slashed: s.slashed,
    exitAmount: s.exitAmount,
    exitUnlocksAt: s.exitUnlocksAt,
    unclaimedRewards: s.rewards,
    owedRewards: s.owedRewards,
    lastRewardChangeAt: s.lastRewardChangeAt,
    lastCapacityChangeAt: s.lastCapacityChangeAt,
  }
}
