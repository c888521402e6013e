import { defaultConfig, type PoolConfig } from './config'
import { minCapacity } from './minCapacity'
import { minStake } from './minStake'
import { quantiseStake } from './quantiseStake'

export type IsEligibleParameters = {
  /** Stake in wei; quantised to whole TKO inside. */
  stake: bigint
  /** The prover's stated (maximum) capacity. */
  maxCapacity: bigint
  /** Unproven blocks before the proposal being weighed. */
  backlog: bigint
}
export type IsEligibleReturnType = boolean
/** `minStake(backlog)` and `minCapacity(backlog)`: pass them when weighing many slots at one backlog. */
export type EligibilityRequirements = { minStake: bigint; minCapacity: bigint }

/**
 * Whether an active prover meets the dynamic requirements: `A_q >= minStake(backlog)` and
 * `maxCapacity >= minCapacity(backlog)`. Mirrors `ProverPool._isEligible` (docs/contracts.md, Eligibility).
 * `requirements` must be `eligibilityRequirements({ backlog }, config)`; passing them saves recomputing the
 * two minimums for every slot of one proposal (the simulator weighs 32 slots per block).
 */
export function isEligible(
  { stake, maxCapacity, backlog }: IsEligibleParameters,
  config: PoolConfig = defaultConfig,
  requirements: EligibilityRequirements = eligibilityRequirements({ backlog }, config),
): IsEligibleReturnType {
  return quantiseStake({ stake }) >= requirements.minStake && maxCapacity >= requirements.minCapacity
}

/** The two dynamic minimums at `backlog`, as `isEligible` compares them. */
export function eligibilityRequirements(
  { backlog }: { backlog: bigint },
  config: PoolConfig = defaultConfig,
): EligibilityRequirements {
  return { minStake: minStake({ backlog }, config), minCapacity: minCapacity({ backlog }, config) }
}
