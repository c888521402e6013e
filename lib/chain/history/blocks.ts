import type { Address } from 'viem'

/** An L2 block as the indexer tells it (lib/history reads it; indexer/ stores it). */
export type BlockRecord = {
  blockId: bigint
  /** Chain block and time (unix seconds) of the proposal. */
  proposedIn: bigint
  proposedAt: bigint
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
