import { defaultConfig, type PoolConfig } from './config'
import { clamp } from './internal/clamp'

export type MinCapacityParameters = {
  backlog: bigint
}
export type MinCapacityReturnType = bigint

/**
 * `max(1, clamp(baseMinCapacity*(targetBacklog+backlog)/(2*targetBacklog), baseMinCapacity/2, baseMinCapacity*2))`,
 * divisions rounding down, never below 1. Mirrors `PoolMath.minCapacity` in contracts/PoolMath.sol.
 */
export function minCapacity(
  { backlog }: MinCapacityParameters,
  config: PoolConfig = defaultConfig,
): MinCapacityReturnType {
  const { baseMinCapacity, targetBacklog } = config
  const scaled = clamp(
    (baseMinCapacity * (targetBacklog + backlog)) / (2n * targetBacklog),
    baseMinCapacity / 2n,
    baseMinCapacity * 2n,
  )
  return scaled < 1n ? 1n : scaled
}
