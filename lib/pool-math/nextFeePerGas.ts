import { defaultConfig, type PoolConfig } from './config'

export type NextFeePerGasParameters = {
  /** Current fee per gas `F`. */
  feePerGas: bigint
  /** The proven block's `R'` snapshot. */
  effectiveRewardPerGas: bigint
}
export type NextFeePerGasReturnType = bigint

/**
 * `(F*(feeSmoothing-1) + R') / feeSmoothing`, rounded down. Applied only when the assigned prover proves
 * inside its window. Mirrors `PoolMath.nextFeePerGas` in contracts/PoolMath.sol.
 */
export function nextFeePerGas(
  { feePerGas, effectiveRewardPerGas }: NextFeePerGasParameters,
  config: PoolConfig = defaultConfig,
): NextFeePerGasReturnType {
  return (feePerGas * (config.feeSmoothing - 1n) + effectiveRewardPerGas) / config.feeSmoothing
}
