import { type Address, getAddress } from 'viem'
import type { BlockRecord } from '@/lib/chain/history/blocks'
import type {
  FeeHistoryView,
  ProverTimelineView,
  RecentBlocksView,
  SlashRecord,
  StakePoint,
  StakerRecord,
  StakersView,
} from './types'
import type { HistoryView, HistoryViewName } from './views'

/**
 * The indexer's JSON (bigints as decimal strings, addresses in lower case) into the app's types, with
 * addresses checksummed. Run on the server (lib/history/server.ts): the browser gets the views parsed.
 */

type Json = Record<string, unknown>
const rows = (json: unknown, key: string) => ((json as Json)[key] as Json[]) ?? []

const big = (v: unknown): bigint => BigInt(v as string)
const optBig = (v: unknown): bigint | null => (v === null || v === undefined ? null : BigInt(v as string))
const addr = (v: unknown): Address => getAddress(v as string)

export function parseBlock(row: Json): BlockRecord {
  return {
    blockId: big(row.blockId),
    proposedIn: big(row.proposedIn),
    proposedAt: big(row.proposedAt),
    proposer: addr(row.proposer),
    assignedProver: row.assignedProver ? addr(row.assignedProver) : null,
    gasUsed: big(row.gasUsed),
    feePerGas: big(row.feePerGas),
    rewardPerGas: big(row.rewardPerGas),
    proofDeadline: big(row.proofDeadline),
    proof:
      row.provenIn === null || row.provenIn === undefined
        ? null
        : {
            prover: addr(row.prover),
            reward: big(row.reward),
            delay: big(row.delay),
            late: row.late === true,
            open: row.open === true,
            batched: row.batched === true,
            provenIn: big(row.provenIn),
          },
    slashed: optBig(row.slashed),
  }
}

export function parseStaker(row: Json): StakerRecord {
  return {
    address: addr(row.address),
    status: row.status as StakerRecord['status'],
    stake: big(row.stake),
    exitAmount: big(row.exitAmount),
    exitUnlocksAt: big(row.exitUnlocksAt),
    rewardPerGas: big(row.rewardPerGas),
    capacity: big(row.capacity),
    deposited: big(row.deposited),
    slashed: big(row.slashed),
    assigned: Number(row.assigned),
    proven: Number(row.proven),
    missed: Number(row.missed),
    rewardsEarned: big(row.rewardsEarned),
    rewardsClaimed: big(row.rewardsClaimed),
    rewardsOwed: big(row.rewardsOwed),
    claims: Number(row.claims),
    evictedBy: row.evictedBy ? addr(row.evictedBy) : null,
  }
}

export function parseStakePoint(row: Json): StakePoint {
  return {
    blockNumber: big(row.blockNumber),
    event: String(row.event),
    stake: big(row.stake),
    exitAmount: big(row.exitAmount),
    deposited: big(row.deposited),
    slashed: big(row.slashed),
    healthBps: big(row.healthBps),
  }
}

export function parseSlash(row: Json): SlashRecord {
  return {
    blockNumber: big(row.blockNumber),
    blockId: big(row.blockId),
    amount: big(row.amount),
    remainingStake: big(row.remainingStake),
  }
}

/** Each view's parser (lib/history/views.ts names the views). */
export const historyParsers = {
  blocks: (json: unknown): RecentBlocksView => {
    const next = (json as Json).nextBefore
    return {
      blocks: rows(json, 'rows').map(parseBlock),
      nextBefore: next === null || next === undefined ? null : BigInt(next as string),
    }
  },
  fees: (json: unknown): FeeHistoryView => ({
    points: (json as Json[]).map((p) => ({
      timestamp: BigInt(p.timestamp as string),
      feePerGas: BigInt(p.feePerGas as string),
    })),
  }),
  prover: (json: unknown): ProverTimelineView => {
    const j = json as Json
    return {
      staker: j.staker ? parseStaker(j.staker as Json) : null,
      points: rows(json, 'changes').map(parseStakePoint),
      slashes: rows(json, 'slashes').map(parseSlash),
      blocks: rows(j.blocks, 'rows').map(parseBlock),
      overdue: Number(j.overdue ?? 0),
    }
  },
  stakers: (json: unknown): StakersView => ({
    stakers: rows(json, 'rows').map(parseStaker),
    total: Number((json as Json).total ?? 0),
  }),
} satisfies Record<HistoryViewName, (json: unknown) => unknown>

/** The indexer's JSON for `view`, as the view. */
export function parseHistory<P, T>(view: HistoryView<P, T>, json: unknown): T {
  return historyParsers[view.name](json) as T
}
