import { claim, staker } from '../../ponder.schema'
import type { CoreEvent, Handler } from './types'

/** One claim per claimer and transaction (`claimRewards` emits OwedRewardsPaid, then RewardsClaimed). */
function claimId(event: CoreEvent<'RewardsClaimed' | 'OwedRewardsPaid'>): string {
  return `${event.transaction.hash}-${event.args.prover.toLowerCase()}`
}

export const onOwedRewardsPaid: Handler<'OwedRewardsPaid'> = async (db, event) => {
  const a = event.args
  await db.insert(claim).values({
    id: claimId(event),
    prover: a.prover,
    amount: 0n,
    owedPaid: a.amount,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
  })
  if (await db.find(staker, { address: a.prover })) {
    await db.update(staker, { address: a.prover }).set((s) => ({
      rewardsOwed: s.rewardsOwed > a.amount ? s.rewardsOwed - a.amount : 0n,
    }))
  }
}

/** `amount` includes the owed rewards paid by the same claim. */
export const onRewardsClaimed: Handler<'RewardsClaimed'> = async (db, event) => {
  const a = event.args
  await db
    .insert(claim)
    .values({
      id: claimId(event),
      prover: a.prover,
      amount: a.amount,
      owedPaid: 0n,
      blockNumber: event.block.number,
      timestamp: event.block.timestamp,
    })
    .onConflictDoUpdate({ amount: a.amount })
  if (await db.find(staker, { address: a.prover })) {
    await db.update(staker, { address: a.prover }).set((s) => ({
      rewardsClaimed: s.rewardsClaimed + a.amount,
      claims: s.claims + 1,
    }))
  }
}
