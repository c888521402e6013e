import type { ProverEntry } from '@/lib/chain/types'
import { healthBps } from '@/lib/pool-math/healthBps'
import type { StakerRecord } from './types'

/**
 * An indexed staker that is not active, as a leaderboard row (`ProverEntry`): no slot, no weight.
 * Claimable rewards are what it earned less what it claimed and what is still owed to it.
 */
export function stakerEntry(s: StakerRecord): ProverEntry {
  const claimable = s.rewardsEarned - s.rewardsClaimed - s.rewardsOwed
  return {
    address: s.address,
    status: s.status === 'withdrawn' ? 'none' : s.status,
    slot: 0,
    stake: s.stake,
    rewardPerGas: s.rewardPerGas,
    currentCapacity: 0n,
    maxCapacity: s.capacity,
    outstandingBlocks: 0n,
    weight: 0n,
    healthBps: healthBps({ deposited: s.deposited, slashed: s.slashed }),
    deposited: s.deposited,
    slashed: s.slashed,
    exitAmount: s.exitAmount,
    exitUnlocksAt: s.exitUnlocksAt,
    unclaimedRewards: claimable > 0n ? claimable : 0n,
    owedRewards: s.rewardsOwed,
    lastRewardChangeAt: 0n,
    lastCapacityChangeAt: 0n,
  }
}
