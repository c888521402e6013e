import { defaultConfig, type PoolConfig } from './config'
import { BPS, MAX_REWARD_PER_GAS } from './constants'
import { min } from './internal/minMax'

export type RewardPerGasRangeParameters = {
  feePerGas: bigint
}
export type RewardPerGasRangeReturnType = { min: bigint; max: bigint }

/**
 * The `R` a prover may state at fee `F`: `[F*rewardRangeMinBps/BPS, min(F*rewardRangeMaxBps/BPS, 2^32-1)]`,
 * both rounded down (R is stored as uint32). Empty when `min > max`. Mirrors `ProverPool._rewardPerGasRange`.
 */
export function rewardPerGasRange(
  { feePerGas }: RewardPerGasRangeParameters,
  config: PoolConfig = defaultConfig,
): RewardPerGasRangeReturnType {
  return {
    min: (feePerGas * config.rewardRangeMinBps) / BPS,
    max: min((feePerGas * config.rewardRangeMaxBps) / BPS, MAX_REWARD_PER_GAS),
  }
}
