import { defaultConfig, type PoolConfig } from './config'
import { quantiseStake } from './quantiseStake'
import { rewardPerGasBand } from './rewardPerGasBand'

export type WeightParameters = {
  /** Stake in wei; quantised to whole TKO inside (`A_q`). */
  stake: bigint
  /** Stated reward per gas `R`. */
  rewardPerGas: bigint
  /** Current capacity `C`; only `0` matters (weight 0). */
  capacity: bigint
  /** Fee per gas `F`. */
  feePerGas: bigint
}
export type WeightReturnType = bigint

/**
 * Selection weight: `0` if `A_q == 0 || C == 0 || R == 0`, else `A_q*F*F / (Rw*Rw)` with
 * `Rw = max(R, F*rewardFloorBps/BPS)` (floor division, the floor itself rounded down). Bidding `R`
 * below the pay floor buys no extra weight. Mirrors `PoolMath.weight` in contracts/PoolMath.sol.
 */
export function weight(
  { stake, rewardPerGas, capacity, feePerGas }: WeightParameters,
  config: PoolConfig = defaultConfig,
): WeightReturnType {
  const quantised = quantiseStake({ stake })
  if (quantised === 0n || capacity === 0n || rewardPerGas === 0n) return 0n
  const { floor } = rewardPerGasBand({ feePerGas }, config)
  const rw = rewardPerGas > floor ? rewardPerGas : floor
  return (quantised * feePerGas * feePerGas) / (rw * rw)
}
