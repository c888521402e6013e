import { STAKE_UNIT } from './constants'
import { stakeUnits } from './stakeUnits'

export type QuantiseStakeParameters = {
  /** Stake in wei. */
  stake: bigint
}
export type QuantiseStakeReturnType = bigint

/**
 * `A_q = stakeUnits(stake) * 1e18`: the stake rounded down to whole TKO, in wei. Weight and eligibility
 * see only this; slashing, withdrawals and views use the exact stake. Mirrors `ProverPool` quantisation
 * (docs/contracts.md, Units and bounds).
 */
export function quantiseStake({ stake }: QuantiseStakeParameters): QuantiseStakeReturnType {
  return stakeUnits({ stake }) * STAKE_UNIT
}
