export type SelectProverParameters = {
  /** Weights in active-slot order (the 32 slots on chain). */
  weights: readonly bigint[]
  /** A `selectionSeed`. */
  seed: bigint
}
/** Index into `weights`, or `null` for an open block (total weight 0). */
export type SelectProverReturnType = number | null

/**
 * `total = Σ w`; `total == 0` → `null`; else `r = seed % total` and the first `i` with
 * `r < w[0] + … + w[i]`. A zero weight is never picked. Mirrors `PoolMath.selectProver`
 * (`address(0)` on chain is `null` here).
 */
export function selectProver({ weights, seed }: SelectProverParameters): SelectProverReturnType {
  let total = 0n
  for (const w of weights) total += w
  if (total === 0n) return null
  const r = seed % total
  let cumulative = 0n
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i]!
    if (r < cumulative) return i
  }
  /* c8 ignore next */
  throw new Error('unreachable: r < total')
}
