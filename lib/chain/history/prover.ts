import type { Address } from 'viem'
import { healthBps } from '@/lib/pool-math/healthBps'
import type { PoolEvent } from '../events'
import { type BlockRecord, foldBlocks } from './blocks'

/** The prover's position after an event that changed it. */
export type StakePoint = {
  blockNumber: bigint
  event: 'staked' | 'slashed' | 'exit requested' | 'evicted' | 'withdrawn'
  /** Active stake (wei). */
  stake: bigint
  /** Queued for withdrawal (wei). */
  exitAmount: bigint
  deposited: bigint
  slashed: bigint
  /** `healthBps(deposited, slashed)` from lib/pool-math. */
  healthBps: bigint
}

export type SlashRecord = { blockNumber: bigint; blockId: bigint; amount: bigint; remainingStake: bigint }
export type ClaimRecord = { blockNumber: bigint; amount: bigint }

export type ProverHistory = {
  prover: Address
  /** Last chain block folded in. */
  toBlock: bigint
  points: StakePoint[]
  slashes: SlashRecord[]
  claims: ClaimRecord[]
  /** Blocks assigned to this prover at proposal. */
  assignedCount: number
  /** Blocks this prover proved (its own and others'). */
  provenCount: number
  /** Assigned blocks it let slip past the window (each one a slash). */
  missedCount: number
  rewardsEarned: bigint
  rewardsClaimed: bigint
  /** Every unproven block, and the newest blocks assigned to or proven by this prover. */
  blocks: BlockRecord[]
}

/** How many of the prover's newest blocks the page lists. */
export const PROVER_BLOCKS_KEPT = 30

export function emptyProverHistory(prover: Address, toBlock: bigint): ProverHistory {
  return {
    prover,
    toBlock,
    points: [],
    slashes: [],
    claims: [],
    assignedCount: 0,
    provenCount: 0,
    missedCount: 0,
    rewardsEarned: 0n,
    rewardsClaimed: 0n,
    blocks: [],
  }
}

function same(a: Address | null | undefined, b: Address): boolean {
  return a !== null && a !== undefined && a.toLowerCase() === b.toLowerCase()
}

/** Whether a block concerns `prover` (assigned to it, or proven by it). */
export function involves(prover: Address) {
  return (r: BlockRecord) => same(r.assignedProver, prover) || same(r.proof?.prover, prover)
}

/** Applies `events` (chain order, after `history.toBlock`) to a prover's history. */
export function foldProverHistory(
  history: ProverHistory,
  events: readonly PoolEvent[],
  toBlock: bigint,
): ProverHistory {
  const p = history.prover
  const points = history.points.slice()
  const slashes = history.slashes.slice()
  const claims = history.claims.slice()
  let { assignedCount, provenCount, missedCount, rewardsEarned, rewardsClaimed } = history
  const last = points.at(-1)
  let stake = last?.stake ?? 0n
  let exitAmount = last?.exitAmount ?? 0n
  let deposited = last?.deposited ?? 0n
  let slashed = last?.slashed ?? 0n
  const push = (blockNumber: bigint, event: StakePoint['event']) =>
    points.push({
      blockNumber,
      event,
      stake,
      exitAmount,
      deposited,
      slashed,
      healthBps: healthBps({ deposited, slashed }),
    })

  for (const e of events) {
    switch (e.type) {
      case 'BlockProposed':
        if (same(e.assignedProver, p)) assignedCount++
        break
      case 'BlockProven':
        if (same(e.prover, p)) {
          provenCount++
          rewardsEarned += e.reward
        }
        break
      case 'Staked':
        if (same(e.prover, p)) {
          deposited += e.amount
          stake = e.totalStake
          push(e.blockNumber, 'staked')
        }
        break
      case 'Slashed':
        if (same(e.prover, p)) {
          // The contract slashes the active stake when the prover is active, else its exit queue.
          if (stake > 0n) stake = e.remainingStake
          else exitAmount = e.remainingStake
          slashed += e.amount
          missedCount++
          slashes.push({
            blockNumber: e.blockNumber,
            blockId: e.blockId,
            amount: e.amount,
            remainingStake: e.remainingStake,
          })
          push(e.blockNumber, 'slashed')
        }
        break
      case 'ExitRequested':
      case 'Evicted':
        if (same(e.prover, p)) {
          stake = 0n
          exitAmount += e.amount
          push(e.blockNumber, e.type === 'Evicted' ? 'evicted' : 'exit requested')
        }
        break
      case 'Withdrawn':
        if (same(e.prover, p)) {
          exitAmount = 0n
          push(e.blockNumber, 'withdrawn')
        }
        break
      case 'RewardsClaimed':
        if (same(e.prover, p)) {
          rewardsClaimed += e.amount
          claims.push({ blockNumber: e.blockNumber, amount: e.amount })
        }
        break
      default:
        break
    }
  }
  const blocks = foldBlocks(history.blocks, events, { keep: PROVER_BLOCKS_KEPT, relevant: involves(p) })
  return {
    prover: p,
    toBlock: toBlock > history.toBlock ? toBlock : history.toBlock,
    points,
    slashes,
    claims,
    assignedCount,
    provenCount,
    missedCount,
    rewardsEarned,
    rewardsClaimed,
    blocks,
  }
}
