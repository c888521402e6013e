import { defaultConfig, type PoolConfig } from './config'
import { weight } from './weight'

export type StandingWeightParameters = {
  /** Exact stake in wei (quantised inside). */
  stake: bigint
  rewardPerGas: bigint
  /** The stated (maximum) capacity, not what is left of it. */
  maxCapacity: bigint
  feePerGas: bigint
}
export type StandingWeightReturnType = bigint

/**
 * The weight that decides who keeps a slot (SPEC Revision 2.3): `weight(A_q, R, maxCapacity, F)`, with the
 * maximum capacity and no backlog-dependent eligibility — both only decide who gets the next block. A
 * newcomer evicts the active prover with the lowest standing weight only if its own weight is strictly
 * greater. Mirrors `ProverPool._lowestStanding` (contracts/ProverPool.sol).
 */
export function standingWeight(
  { stake, rewardPerGas, maxCapacity, feePerGas }: StandingWeightParameters,
  config: PoolConfig = defaultConfig,
): StandingWeightReturnType {
  return weight({ stake, rewardPerGas, capacity: maxCapacity, feePerGas }, config)
}
