export type RankOfParameters = {
  /** Slot weights, by 0-based slot index (empty slots weigh 0 and never outrank anyone). */
  weights: readonly bigint[]
  weight: bigint
  /** The prover's own 0-based slot, not counted against itself; omitted for a prover without a slot. */
  exclude?: number
}

/** An active prover's place in the ranking: its 0-based slot index and its weight. */
export type RankedSlot = { index: number; weight: bigint }

/**
 * Whether `a` ranks above `b`: the larger weight; on equal (non-zero) weights the higher slot index,
 * because the contract's eviction (`_lowestStanding` in contracts/ProverPool.sol) takes the lowest
 * slot index among equals as the weakest. A prover without a slot (`index` −1, a newcomer) loses every
 * tie, as a newcomer must strictly beat the incumbent. Zero weights (empty or ineligible) never outrank.
 */
export function ranksAbove(a: RankedSlot, b: RankedSlot): boolean {
  if (a.weight !== b.weight) return a.weight > b.weight
  return a.weight > 0n && a.index > b.index
}

/**
 * 1-based rank of `weight` among `weights`: one plus the number of slots that rank above it
 * (`ranksAbove`). Non-zero weights get distinct ranks, in the order `compareRank` sorts.
 */
export function rankOf({ weights, weight, exclude = -1 }: RankOfParameters): number {
  const self = { index: exclude, weight }
  let rank = 1
  for (const [index, w] of weights.entries())
    if (index !== exclude && ranksAbove({ index, weight: w }, self)) rank += 1
  return rank
}

/** A sort comparator in rank order (best first), agreeing with `rankOf`. */
export function compareRank(a: RankedSlot, b: RankedSlot): number {
  return ranksAbove(a, b) ? -1 : ranksAbove(b, a) ? 1 : 0
}
