import type { Address } from 'viem'
import type { PoolEvent } from '../events'

/** An L2 block as its events tell it. */
export type BlockRecord = {
  blockId: bigint
  /** Chain block of the proposal. */
  proposedIn: bigint
  proposer: Address
  /** `null` for an open block. */
  assignedProver: Address | null
  gasUsed: bigint
  /** F at proposal (the fee paid is `proposalFee(F, gasUsed)`). */
  feePerGas: bigint
  /** R' snapshot (F for open blocks). */
  rewardPerGas: bigint
  /** Unix seconds; after it anyone may prove and the assigned prover is slashed. */
  proofDeadline: bigint
  proof: null | {
    prover: Address
    reward: bigint
    delay: bigint
    late: boolean
    open: boolean
    batched: boolean
    provenIn: bigint
  }
  /** Stake taken from the assigned prover for missing the window, if any. */
  slashed: bigint | null
}

export type BlockStatus = 'proving' | 'proven' | 'late' | 'open'

/**
 * proving: assigned, unproven, inside its window · proven: proven in time (or an open block proven)
 * · late: the assigned prover missed the window (proven after it, or still unproven past it)
 * · open: no assigned prover, waiting for anyone's proof.
 */
export function blockStatus(record: BlockRecord, now: bigint): BlockStatus {
  if (record.proof) return record.proof.late ? 'late' : 'proven'
  if (record.assignedProver === null) return 'open'
  return now > record.proofDeadline ? 'late' : 'proving'
}

export type FoldBlocksOptions = {
  /** How many of the newest relevant blocks to keep (unproven blocks are always kept). */
  keep: number
  /** Which blocks matter to the reader (default: all). */
  relevant?: ((record: BlockRecord) => boolean) | undefined
}

/**
 * Applies `events` (chain order) to `records` and trims: every unproven block is kept (a later
 * proof must find it; there are at most `backlog` of them) plus the newest `keep` relevant blocks.
 * Returns the records newest first.
 */
export function foldBlocks(
  records: readonly BlockRecord[],
  events: readonly PoolEvent[],
  { keep, relevant = () => true }: FoldBlocksOptions,
): BlockRecord[] {
  const byId = new Map<bigint, BlockRecord>()
  for (const r of records) byId.set(r.blockId, r)
  for (const e of events) {
    if (e.type === 'BlockProposed') {
      byId.set(e.blockId, {
        blockId: e.blockId,
        proposedIn: e.blockNumber,
        proposer: e.proposer,
        assignedProver: e.assignedProver,
        gasUsed: e.gasUsed,
        feePerGas: e.feePerGas,
        rewardPerGas: e.rewardPerGas,
        proofDeadline: e.proofDeadline,
        proof: null,
        slashed: null,
      })
    } else if (e.type === 'BlockProven') {
      const r = byId.get(e.blockId)
      if (r) {
        byId.set(e.blockId, {
          ...r,
          proof: {
            prover: e.prover,
            reward: e.reward,
            delay: e.delay,
            late: e.late,
            open: e.open,
            batched: e.batched,
            provenIn: e.blockNumber,
          },
        })
      }
    } else if (e.type === 'Slashed') {
      const r = byId.get(e.blockId)
      if (r) byId.set(e.blockId, { ...r, slashed: (r.slashed ?? 0n) + e.amount })
    }
  }
  const newestFirst = [...byId.values()].sort((a, b) =>
    a.blockId < b.blockId ? 1 : a.blockId > b.blockId ? -1 : 0,
  )
  const out: BlockRecord[] = []
  let kept = 0
  for (const r of newestFirst) {
    const isRelevant = relevant(r)
    if (isRelevant && kept < keep) {
      kept++
      out.push(r)
    } else if (r.proof === null) {
      out.push(r)
    }
  }
  return out
}

/** The newest `count` relevant blocks of a folded list, newest first. */
export function newestBlocks(
  records: readonly BlockRecord[],
  count: number,
  relevant: (record: BlockRecord) => boolean = () => true,
): BlockRecord[] {
  return records.filter(relevant).slice(0, count)
}
