import type { BlockRecord } from '@/lib/chain/history/blocks'
import type { PoolView } from '@/lib/pool-math/types'

/** How many of the newest proposals the demand estimate looks at. */
export const DEMAND_SAMPLE = 20
/** Shortest time span the estimate divides by (s): a burst of one or two proposals is not a rate. */
const MIN_DEMAND_SPAN = 60n

export type Demand = {
  /** Proposals per day at the recent pace. */
  blocksPerDay: number
  /** Average `gasUsed` of the sampled proposals. */
  gasUsed: bigint
  /** How many proposals and over how many seconds the estimate is taken. */
  sample: number
  spanSeconds: bigint
}

/**
 * Current demand, estimated from the newest proposals the page knows (`blocks`, from the indexer):
 * their count over the time from the oldest of them (its `proposedAt`) to the pool's chain time, and
 * their average gas. `null` while no block was proposed.
 */
export function estimateDemand(pool: PoolView, blocks: readonly BlockRecord[]): Demand | null {
  const recent = [...blocks].sort((a, b) => (a.blockId < b.blockId ? 1 : -1)).slice(0, DEMAND_SAMPLE)
  const oldest = recent.at(-1)
  if (!oldest) return null
  const elapsed = pool.chainTimestamp > oldest.proposedAt ? pool.chainTimestamp - oldest.proposedAt : 0n
  const span = elapsed > MIN_DEMAND_SPAN ? elapsed : MIN_DEMAND_SPAN
  const gas = recent.reduce((sum, b) => sum + b.gasUsed, 0n)
  return {
    blocksPerDay: (recent.length * 86_400) / Number(span),
    gasUsed: gas / BigInt(recent.length),
    sample: recent.length,
    spanSeconds: span,
  }
}
