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

/**
 * Whether an active prover meets the dynamic requirements: `A_q >= minStake(backlog)` and
 * `maxCapacity >= minCapacity(backlog)`. Mirrors `ProverPool._isEligible` (docs/contracts.md, Eligibility).
 */
export function isEligible(
  { stake, maxCapacity, backlog }: IsEligibleParameters,
  config: PoolConfig = defaultConfig,
): IsEligibleReturnType {
  return (
    quantiseStake({ stake }) >= minStake({ backlog }, config) &&
    maxCapacity >= minCapacity({ backlog }, config)
  )
}
