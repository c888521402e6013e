import { STAKE_UNIT } from './constants'

export type MinStakeUnitsParameters = {
  /** The minimum stake (wei), e.g. `minStake(backlog)` or the lens's `minStake`. */
  minStake: bigint
}
export type MinStakeUnitsReturnType = bigint

/**
 * The least whole TKO that meets `minStake`: `ceil(minStake / 1e18)`. Only whole TKO count
 * (`quantiseStake`), so a stake meets the minimum exactly when `stakeUnits(stake) >= minStakeUnits`.
 * Mirrors the join check `quantiseStake(amount) >= minStake` in contracts/ProverPool.sol.
 */
export function minStakeUnits({ minStake }: MinStakeUnitsParameters): MinStakeUnitsReturnType {
  return (minStake + STAKE_UNIT - 1n) / STAKE_UNIT
}
