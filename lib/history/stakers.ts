import { healthBps } from '@/lib/pool-math/healthBps'
import { type ProverView, StakerStatus } from '@/lib/pool-math/types'
import type { StakerRecord } from './types'

/** The indexer's status words as the chain's numbers; a withdrawn staker is `None` again on chain. */
const indexedStatus = {
  active: StakerStatus.Active,
  exiting: StakerStatus.Exiting,
  evicted: StakerStatus.Evicted,
  withdrawn: StakerStatus.None,
} as const satisfies Record<StakerRecord['status'], StakerStatus>

/**
 * An indexed staker that is not active, as the lens's row for it (`ProverView`): no slot, no weight.
 * Claimable rewards are what it earned less what it claimed and what is still owed to it.
 */
export function stakerEntry(s: StakerRecord): ProverView {
  const claimable = s.rewardsEarned - s.rewardsClaimed - s.rewardsOwed
  return {
    prover: s.address,
    status: indexedStatus[s.status],
    slot: 0n,
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
