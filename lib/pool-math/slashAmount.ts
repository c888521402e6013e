import { defaultConfig, type PoolConfig } from './config'
import { BPS } from './constants'
import { max, min } from './internal/minMax'

export type SlashAmountParameters = {
  /** The stake being slashed, in exact wei (active stake, else the queued exit amount). */
  stake: bigint
  /** The block's in-window base reward `R'*gasUsed`. */
  baseReward: bigint
}
export type SlashAmountReturnType = bigint

/**
 * `min(stake, max(stake*slashBps/BPS, baseReward*minSlashRewardMultiple))`, the percentage rounded down.
 * Never more than the stake. Mirrors `PoolMath.slashAmount` in contracts/PoolMath.sol.
 */
export function slashAmount(
  { stake, baseReward }: SlashAmountParameters,
  config: PoolConfig = defaultConfig,
): SlashAmountReturnType {
  const byPercent = (stake * config.slashBps) / BPS
  const byReward = baseReward * config.minSlashRewardMultiple
  return min(stake, max(byPercent, byReward))
}
