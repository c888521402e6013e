import { batchSize } from './batchSize'
import { defaultConfig, type PoolConfig } from './config'

export type CurrentBatchSizeParameters = {
  backlog: bigint
  /** Emergency mode is on (any reason). */
  emergency: boolean
}
export type CurrentBatchSizeReturnType = bigint

/**
 * Most blocks one `proveBlocks` call may prove: `emergency ? max(2, batchSize(backlog)) : batchSize(backlog)`
 * ("while on, batching is on"). Mirrors `BlockProtocol.currentBatchSize()`.
 */
export function currentBatchSize(
  { backlog, emergency }: CurrentBatchSizeParameters,
  config: PoolConfig = defaultConfig,
): CurrentBatchSizeReturnType {
  const size = batchSize({ backlog }, config)
  return emergency && size < 2n ? 2n : size
}
