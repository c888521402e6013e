import { zeroAddress } from 'viem'
import { batch, block, staker } from '../../ponder.schema'
import { addPoolDay, addProverDay } from './aggregates'
import { dayOf, type Handler } from './types'

/** A new L2 block: its row, the assigned prover's counters, the day's proposals, gas and fees. */
export const onBlockProposed: Handler<'BlockProposed'> = async (db, event) => {
  const a = event.args
  const assigned = a.assignedProver === zeroAddress ? null : a.assignedProver
  await db.insert(block).values({
    blockId: a.blockId,
    proposedIn: event.block.number,
    proposedAt: event.block.timestamp,
    proposer: a.proposer,
    assignedProver: assigned,
    gasUsed: a.gasUsed,
    feePerGas: a.feePerGas,
    rewardPerGas: a.rewardPerGas,
    proofDeadline: a.proofDeadline,
    commitment: a.commitment,
  })
  const day = dayOf(event.block.timestamp)
  await addPoolDay(db, day, {
    proposed: 1,
    open: assigned === null ? 1 : 0,
    gasUsed: a.gasUsed,
    fees: a.feePerGas * a.gasUsed,
  })
  if (assigned !== null) {
    await db.update(staker, { address: assigned }).set((s) => ({ assigned: s.assigned + 1 }))
    await addProverDay(db, assigned, day, { assigned: 1 })
  }
}

/**
 * A proof: the block's proof fields, the prover's counters (anyone may prove a late or open block, so
 * the prover need not be a staker), the day's aggregates, and the batch the proof belongs to.
 */
export const onBlockProven: Handler<'BlockProven'> = async (db, event) => {
  const a = event.args
  await db.update(block, { blockId: a.blockId }).set({
    provenIn: event.block.number,
    provenAt: event.block.timestamp,
    prover: a.prover,
    reward: a.reward,
    delay: a.delay,
    late: a.late,
    open: a.open,
    batched: a.batched,
    proofTx: event.transaction.hash,
  })
  if (await db.find(staker, { address: a.prover })) {
    await db.update(staker, { address: a.prover }).set((s) => ({
      proven: s.proven + 1,
      rewardsEarned: s.rewardsEarned + a.reward,
    }))
  }
  const day = dayOf(event.block.timestamp)
  await addProverDay(db, a.prover, day, { proven: 1, rewards: a.reward })
  await addPoolDay(db, day, { proven: 1, late: a.late ? 1 : 0, rewards: a.reward })
  if (a.batched) {
    await db
      .insert(batch)
      .values({
        proofTx: event.transaction.hash,
        prover: a.prover,
        blockNumber: event.block.number,
        timestamp: event.block.timestamp,
        size: 1,
        reward: a.reward,
      })
      .onConflictDoUpdate((b) => ({ size: b.size + 1, reward: b.reward + a.reward }))
  }
}

/** The treasury could not pay all of a reward: the block and the prover remember what is owed. */
export const onRewardOwed: Handler<'RewardOwed'> = async (db, event) => {
  const a = event.args
  await db.update(block, { blockId: a.blockId }).set({ owed: a.amount })
  if (await db.find(staker, { address: a.prover })) {
    await db.update(staker, { address: a.prover }).set((s) => ({ rewardsOwed: s.rewardsOwed + a.amount }))
  }
}
