import { defaultConfig, type PoolConfig } from './config'
import { clamp } from './internal/clamp'
import { rewardPerGasBand } from './rewardPerGasBand'

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
  const { floor, cap } = rewardPerGasBand({ feePerGas }, config)
  return clamp(rewardPerGas, floor, cap)
}
