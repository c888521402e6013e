import type { Address } from 'viem'
import { type ProverStatus, proverStatusWord } from '@/lib/format/status'
import { rankOf } from '@/lib/pool-math/preview/rankOf'
import { slotWeights } from '@/lib/pool-math/preview/slotWeights'
import { selectionProbabilities } from '@/lib/pool-math/selectionProbabilities'
import { type PoolView, StakerStatus } from '@/lib/pool-math/types'

/** One row of the leaderboard, computed from the lens (no formula of its own). */
export type LeaderboardRow = {
  /** 1 = highest weight (lib/pool-math's `rankOf`); `null` for provers not in the active list. */
  rank: number | null
  address: Address
  /** As a word: the table's badge, the `?status=` filter and the CSV. */
  status: ProverStatus
  /** 1-based active slot, 0 when not active. */
  slot: bigint
  stake: bigint
  rewardPerGas: bigint
  currentCapacity: bigint
  maxCapacity: bigint
  weight: bigint
  /** `selectionProbabilities` of lib/pool-math over the active slots' weights. */
  probability: number
  healthBps: bigint
  exitAmount: bigint
  exitUnlocksAt: bigint
}

/**
 * Every staker (active, exiting, evicted). The rank is lib/pool-math's `rankOf` over the active slots'
 * weights, the stake preview's rank too: ties are broken as the contract breaks them (see `ranksAbove`),
 * so the rank column is the order and no second tie-break is needed.
 */
export function leaderboardRows(pool: PoolView): LeaderboardRow[] {
  const active = pool.provers.filter((p) => p.status === StakerStatus.Active)
  const weights = slotWeights(active)
  const probabilities = selectionProbabilities({ weights })
  const slotIndex = (slot: bigint) => Number(slot) - 1
  return pool.provers.map((p) => {
    const isActive = p.status === StakerStatus.Active && p.slot > 0n
    return {
      rank: isActive ? rankOf({ weights, weight: p.weight, exclude: slotIndex(p.slot) }) : null,
      address: p.prover,
      status: proverStatusWord(p.status),
      slot: p.slot,
      stake: p.stake,
      rewardPerGas: p.rewardPerGas,
      currentCapacity: p.currentCapacity,
      maxCapacity: p.maxCapacity,
      weight: p.weight,
      probability: isActive ? (probabilities[slotIndex(p.slot)] ?? 0) : 0,
      healthBps: p.healthBps,
      exitAmount: p.exitAmount,
      exitUnlocksAt: p.exitUnlocksAt,
    }
  })
}
