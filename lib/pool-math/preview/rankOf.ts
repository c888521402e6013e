export type RankOfParameters = {
  /** Slot weights (empty slots weigh 0 and never outrank anyone). */
  weights: readonly bigint[]
  weight: bigint
  /** The prover's own slot, not counted against itself. */
  exclude?: number
}

/** 1-based rank of `weight` among `weights`: one plus the number of weights strictly above it. */
export function rankOf({ weights, weight, exclude = -1 }: RankOfParameters): number {
  let rank = 1
  for (const [i, w] of weights.entries()) if (i !== exclude && w > weight) rank += 1
  return rank
}
