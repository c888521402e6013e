import { defaultConfig, type PoolConfig } from './config'
import { clamp } from './internal/clamp'

export type BatchSizeParameters = {
  backlog: bigint
}
export type BatchSizeReturnType = bigint

/**
 * `1` if `backlog < batchingBacklog`, else `clamp(ceil(backlog/batchDivisor), 2, maxBatchSize)` with
 * `ceil(a/b) = (a + b - 1) / b`. Mirrors `PoolMath.batchSize` in contracts/PoolMath.sol.
 */
export function batchSize(
  { backlog }: BatchSizeParameters,
  config: PoolConfig = defaultConfig,
): BatchSizeReturnType {
  if (backlog < config.batchingBacklog) return 1n
  const ceil = (backlog + config.batchDivisor - 1n) / config.batchDivisor
  return clamp(ceil, 2n, config.maxBatchSize)
}
