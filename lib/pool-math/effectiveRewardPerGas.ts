import { BPS, defaultConfig, type PoolConfig } from './config'
import { clamp } from './internal/clamp'

export type EffectiveRewardPerGasParameters = {
  /** The prover's stated reward per gas `R` (TKO wei per gas). */
  rewardPerGas: bigint
  /** The protocol's fee per gas `F`. */
  feePerGas: bigint
}
export type EffectiveRewardPerGasReturnType = bigint

/**
 * `R' = clamp(R, F*rewardFloorBps/BPS, F*rewardCapBps/BPS)`: what an assigned in-window proof pays per gas.
 * Both bounds round down. Mirrors `PoolMath.effectiveRewardPerGas` in contracts/PoolMath.sol.
 */
export function effectiveRewardPerGas(
  { rewardPerGas, feePerGas }: EffectiveRewardPerGasParameters,
  config: PoolConfig = defaultConfig,
): EffectiveRewardPerGasReturnType {
  return clamp(
    rewardPerGas,
    (feePerGas * config.rewardFloorBps) / BPS,
    (feePerGas * config.rewardCapBps) / BPS,
  )
}
