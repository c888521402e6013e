import { defaultConfig, type PoolConfig } from './config'
import { isEligible } from './isEligible'
import { weight } from './weight'

export type SlotWeightParameters = {
  /** Exact stake in wei (quantised inside). */
  stake: bigint
  rewardPerGas: bigint
  currentCapacity: bigint
  maxCapacity: bigint
  feePerGas: bigint
  /** Unproven blocks before the proposal being weighed. */
  backlog: bigint
}
export type SlotWeightReturnType = bigint

/**
 * The weight an active slot has at a proposal: `weight(A_q, R, currentCapacity, F)` if the prover
 * `isEligible` at `backlog`, else `0`. Exact, no extra rounding. Mirrors `ProverPool._slotWeight`, used by
 * `proposeBlock`, eviction in `stake`, `weights()` and the lens.
 */
export function slotWeight(
  { stake, rewardPerGas, currentCapacity, maxCapacity, feePerGas, backlog }: SlotWeightParameters,
  config: PoolConfig = defaultConfig,
): SlotWeightReturnType {
  if (!isEligible({ stake, maxCapacity, backlog }, config)) return 0n
  return weight({ stake, rewardPerGas, capacity: currentCapacity, feePerGas }, config)
}
