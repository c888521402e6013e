import { defaultConfig, type PoolConfig } from './config'
import { type EligibilityRequirements, isEligible } from './isEligible'
import { type WeightParameters, weight } from './weight'

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
/** The weight formula of an eligible slot: `weight` (the contracts'), or `seedWeight` for the simulator. */
export type WeightFormula = (parameters: WeightParameters, config: PoolConfig) => bigint

/**
 * The weight an active slot has at a proposal: `weight(A_q, R, currentCapacity, F)` if the prover
 * `isEligible` at `backlog`, else `0`. Exact, no extra rounding. Mirrors `ProverPool._slotWeight`, used by
 * `proposeBlock`, eviction in `stake`, `weights()` and the lens. `formula` is `weight` everywhere but in the
 * simulator's `seed` variant (lib/simulator), which weighs eligible slots with `seedWeight` instead.
 * `requirements` (optional) are `eligibilityRequirements({ backlog }, config)`, computed once for many slots.
 */
export function slotWeight(
  { stake, rewardPerGas, currentCapacity, maxCapacity, feePerGas, backlog }: SlotWeightParameters,
  config: PoolConfig = defaultConfig,
  formula: WeightFormula = weight,
  requirements?: EligibilityRequirements,
): SlotWeightReturnType {
  if (!isEligible({ stake, maxCapacity, backlog }, config, requirements)) return 0n
  return formula({ stake, rewardPerGas, capacity: currentCapacity, feePerGas }, config)
}
