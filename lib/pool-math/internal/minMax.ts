/** `a < b ? a : b` for bigints (`Math.min` takes numbers only). */
export function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b
}

/** `a > b ? a : b` for bigints (`Math.max` takes numbers only). */
export function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b
}
