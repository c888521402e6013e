import { type Address, getAddress } from 'viem'
import { type PoolError, PoolModelError } from '../model/errors'
import { PoolModel } from '../model/PoolModel'
import { selectionProbabilities } from '../selectionProbabilities'
import type { PoolView } from '../types'
import { rankOf } from './rankOf'

export type PreviewChangeParameters = {
  pool: PoolView
  /** An active prover. */
  prover: Address
  /** Wei to add (`topUp`), applied first. */
  topUp?: bigint
  /** New R (`changeRewardPerGas`), applied second. */
  rewardPerGas?: bigint
  /** New capacity (`changeCapacity`), applied last. */
  capacity?: bigint
}
export type PreviewStanding = { weight: bigint; probability: number; rank: number }
export type PreviewChangeReturnType = PreviewStanding & {
  before: PreviewStanding
  /** The first custom error among the changes; the standing is then the unchanged one. */
  error: PoolError | null
}

/**
 * What a top-up and/or an R or C change of an active prover would do now, run through the `PoolModel`
 * transitions on a copy of the pool read (cooldowns, ranges and eligibility included). The active list is
 * not re-ranked by a change; the weight and the odds are.
 */
export function previewChange({
  pool,
  prover,
  topUp,
  rewardPerGas,
  capacity,
}: PreviewChangeParameters): PreviewChangeReturnType {
  const address = getAddress(prover)
  const model = PoolModel.fromView(pool)
  const before = standing(model, address)
  const now = pool.chainTimestamp
  try {
    const draft = model.clone()
    if (topUp !== undefined) draft.topUp({ prover: address, amount: topUp, now })
    if (rewardPerGas !== undefined) draft.changeRewardPerGas({ prover: address, rewardPerGas, now })
    if (capacity !== undefined) draft.changeCapacity({ prover: address, capacity, now })
    return { ...standing(draft, address), before, error: null }
  } catch (error) {
    if (!(error instanceof PoolModelError)) throw error
    return { ...before, before, error: error.error }
  }
}

function standing(model: PoolModel, prover: Address): PreviewStanding {
  const weights = model.weights()
  const index = Number(model.getStaker(prover).slot) - 1
  if (index < 0) return { weight: 0n, probability: 0, rank: rankOf({ weights, weight: 0n }) }
  const weight = weights[index] ?? 0n
  return {
    weight,
    probability: selectionProbabilities({ weights })[index] ?? 0,
    rank: rankOf({ weights, weight, exclude: index }),
  }
}
