/**
 * `x < lo ? lo : (x > hi ? hi : x)`: the lower bound is applied first, so `lo > hi` yields `lo`.
 * Mirrors `PoolMath._clamp` in contracts/PoolMath.sol (docs/contracts.md, Formulas).
 */
export function clamp(x: bigint, lo: bigint, hi: bigint): bigint {
  if (x < lo) return lo
  if (x > hi) return hi
  return x
}
