import { STAKE_UNIT } from './constants'

export type StakeUnitsParameters = {
  /** Stake in wei. */
  stake: bigint
}
export type StakeUnitsReturnType = bigint

/**
 * Whole TKO in a stake: `stake / 1e18`, rounded down. This is the `stakeUnits` (uint32) packed in the
 * active slot word. Mirrors `ProverPool._stakeUnits` (docs/contracts.md, Units and bounds).
 */
export function stakeUnits({ stake }: StakeUnitsParameters): StakeUnitsReturnType {
  return stake / STAKE_UNIT
}
