import { defaultConfig, type PoolConfig } from './config'
import { clamp } from './internal/clamp'

export type MinStakeParameters = {
  /** Proposed blocks not yet proven. */
  backlog: bigint
}
export type MinStakeReturnType = bigint

/**
 * `clamp(baseMinStake*(targetBacklog+backlog)/(2*targetBacklog), baseMinStake/2, baseMinStake*2)` in wei,
 * both divisions rounding down. Compared with the quantised stake `A_q`. Mirrors `PoolMath.minStake`.
 */
export function minStake(
  { backlog }: MinStakeParameters,
  config: PoolConfig = defaultConfig,
): MinStakeReturnType {
  const { baseMinStake, targetBacklog } = config
  return clamp(
    (baseMinStake * (targetBacklog + backlog)) / (2n * targetBacklog),
    baseMinStake / 2n,
    baseMinStake * 2n,
  )
}
