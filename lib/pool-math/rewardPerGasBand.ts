import { defaultConfig, type PoolConfig } from './config'
import { BPS } from './constants'

export type RewardPerGasBandParameters = {
  /** The protocol's fee per gas `F`. */
  feePerGas: bigint
}
export type RewardPerGasBandReturnType = { floor: bigint; cap: bigint }

/**
 * The band `R'` is clamped to: `floor = F*rewardFloorBps/BPS`, `cap = F*rewardCapBps/BPS` (each rounded
 * down). The floor is also the `Rw` of `weight`: bidding below it buys no weight.
 * Mirrors the bounds in PoolMath.effectiveRewardPerGas and PoolMath.weight (contracts/PoolMath.sol).
 */
export function rewardPerGasBand(
  { feePerGas }: RewardPerGasBandParameters,
  config: PoolConfig = defaultConfig,
): RewardPerGasBandReturnType {
  return {
    floor: (feePerGas * config.rewardFloorBps) / BPS,
    cap: (feePerGas * config.rewardCapBps) / BPS,
  }
}
