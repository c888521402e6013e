import type { Address } from 'viem'
import type { BlockRecord } from '@/lib/chain/history/blocks'
import type { FeePoint } from '@/lib/chain/history/fees'

/**
 * The history views the app reads from the indexer (indexer/src/api), in the app's types. Browser-safe.
 * Every view is bounded: a page of blocks, a downsampled series, one prover's newest changes.
 */

/** A staker as the indexer's `staker` table has it (its events folded). */
export type StakerRecord = {
  address: Address
  status: 'active' | 'exiting' | 'evicted' | 'withdrawn'
  stake: bigint
  exitAmount: bigint
  exitUnlocksAt: bigint
  rewardPerGas: bigint
  capacity: bigint
  deposited: bigint
  slashed: bigint
  assigned: number
  proven: number
  missed: number
  rewardsEarned: bigint
  rewardsClaimed: bigint
  rewardsOwed: bigint
  claims: number
  /** Who took its slot at its last eviction (null once it stakes again). */
  evictedBy: Address | null
}

/** The prover's position after an event that changed it. */
export type StakePoint = {
  blockNumber: bigint
  event: string
  /** Active stake (wei). */
  stake: bigint
  /** Queued for withdrawal (wei). */
  exitAmount: bigint
  deposited: bigint
  slashed: bigint
  healthBps: bigint
}

export type SlashRecord = { blockNumber: bigint; blockId: bigint; amount: bigint; remainingStake: bigint }

export type RecentBlocksView = { blocks: BlockRecord[]; nextBefore: bigint | null }
export type FeeHistoryView = { points: FeePoint[] }
export type ProverTimelineView = {
  staker: StakerRecord | null
  /** Oldest first, at most the newest 500. */
  points: StakePoint[]
  /** Newest first. */
  slashes: SlashRecord[]
  /** Its newest blocks (assigned to it or proven by it). */
  blocks: BlockRecord[]
  /** Assigned to it, unproven and past the window. */
  overdue: number
}
export type StakersView = { stakers: StakerRecord[]; total: number }

/**
 * A history read: the view and the chain block the indexer had reached, or why there is none (with
 * the last block the indexer was seen at, when it answered before).
 */
export type HistoryResult<T> =
  | { status: 'ok'; data: T; indexedBlock: bigint }
  | { status: 'unavailable'; message: string; indexedBlock: bigint | null }

/** Beyond this many blocks behind the chain, pages say how far behind the history is. */
export const HISTORY_LAG_TOLERANCE = 3n
