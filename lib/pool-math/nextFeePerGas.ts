import { defaultConfig, type PoolConfig } from './config'

export type NextFeePerGasParameters = {
  /** Current fee per gas `F`. */
  feePerGas: bigint
  /** The proven block's `R'` snapshot. */
  effectiveRewardPerGas: bigint
}
export type NextFeePerGasReturnType = bigint

/**
 * `(F*(feeSmoothing-1) + R') / feeSmoothing`, rounded down, but at least one wei towards `R'` whenever
 * `R' != F` (SPEC Revision 2.6: floor division alone would never let a small F rise). Applied only when
 * the assigned prover proves inside its window. Mirrors `PoolMath.nextFeePerGas` in contracts/PoolMath.sol.
 */
export function nextFeePerGas(
  { feePerGas, effectiveRewardPerGas }: NextFeePerGasParameters,
  config: PoolConfig = defaultConfig,
): NextFeePerGasReturnType {
  const next = (feePerGas * (config.feeSmoothing - 1n) + effectiveRewardPerGas) / config.feeSmoothing
  // Falling, the floor already moves F by at least one wei; rising, it would stay put below R' - F < smoothing.
  return next === feePerGas && effectiveRewardPerGas > feePerGas ? feePerGas + 1n : next
}
