import { type Address, getAddress } from 'viem'
import { MAX_STAKE_UNITS, STAKE_UNIT } from '../constants'
import { type PoolError, PoolModelError } from '../model/errors'
import { PoolModel } from '../model/PoolModel'
import { selectionProbabilities } from '../selectionProbabilities'
import type { PoolView } from '../types'
import { weight as weightOf } from '../weight'
import { rankOf } from './rankOf'

export type PreviewStakeParameters = {
  /** A lens read (`ProverPoolLens.getPool` or `PoolModel.lens()`). */
  pool: PoolView
  prover: Address
  /** Wei to stake. */
  amount: bigint
  rewardPerGas: bigint
  capacity: bigint
}
export type PreviewStakeReturnType = {
  /** The prover's selection weight afterwards (the weight it would have when it does not join). */
  weight: bigint
  /** Its share of the selection afterwards (`0` when it does not join). For display. */
  probability: number
  /** 1-based rank by weight among the active provers afterwards (or where it would stand). */
  rank: number
  /** The stake goes through (a join, or a top-up of an active prover). */
  joins: boolean
  /** Who would be evicted to make room. */
  evicts: Address | null
  /** `lowestWeight - weight + 1` when the weight is too low, else `0`. */
  shortfall: bigint
  /** Least amount (whole TKO) that would join now with this R and C; `null` if none or already active. */
  requiredStake: bigint | null
  /** The custom error `stake` would revert with. */
  error: PoolError | null
}

/**
 * What `stake(amount, rewardPerGas, capacity)` would do now, computed by running the `PoolModel`
 * transition on a copy of the pool read (`PoolModel.fromView`): same checks, same errors, same weights.
 */
export function previewStake({
  pool,
  prover,
  amount,
  rewardPerGas,
  capacity,
}: PreviewStakeParameters): PreviewStakeReturnType {
  const address = getAddress(prover)
  const base = PoolModel.fromView(pool)
  const now = pool.chainTimestamp
  const attempt = (stake: bigint) => {
    const model = base.clone()
    return { model, result: model.stake({ prover: address, amount: stake, rewardPerGas, capacity, now }) }
  }
  const active = base.getStaker(address).slot > 0n

  let requiredStake: bigint | null = null
  if (!active) requiredStake = leastJoiningStake((stake) => succeeds(() => attempt(stake)))

  try {
    const { model, result } = attempt(amount)
    const weights = model.weights()
    const index = Number(result.slot) - 1
    return {
      weight: weights[index] ?? 0n,
      probability: selectionProbabilities({ weights })[index] ?? 0,
      rank: rankOf({ weights, weight: weights[index] ?? 0n, exclude: index }),
      joins: true,
      evicts: result.evicted,
      shortfall: 0n,
      requiredStake,
      error: null,
    }
  } catch (error) {
    if (!(error instanceof PoolModelError)) throw error
    const weight = weightOf({ stake: amount, rewardPerGas, capacity, feePerGas: pool.feePerGas }, pool.config)
    const e = error.error
    return {
      weight,
      probability: 0,
      rank: rankOf({ weights: base.weights(), weight }),
      joins: false,
      evicts: null,
      shortfall: e.name === 'ProverPoolWeightTooLow' ? e.args[1] - e.args[0] + 1n : 0n,
      requiredStake,
      error: e,
    }
  }
}

function succeeds(run: () => unknown): boolean {
  try {
    run()
    return true
  } catch (error) {
    if (error instanceof PoolModelError) return false
    throw error
  }
}

/** Binary search over whole TKO: joining is monotone in the stake below `MAX_STAKE_UNITS`. */
function leastJoiningStake(joins: (stake: bigint) => boolean): bigint | null {
  if (!joins(MAX_STAKE_UNITS * STAKE_UNIT)) return null
  let lo = 1n
  let hi = MAX_STAKE_UNITS
  while (lo < hi) {
    const mid = (lo + hi) / 2n
    if (joins(mid * STAKE_UNIT)) hi = mid
    else lo = mid + 1n
  }
  return lo * STAKE_UNIT
}
