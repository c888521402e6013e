/**
 * The resolutions (seconds per bucket) of the fee series' `fee_bucket` rows, finest first. The handler
 * writes every one; a read picks the finest that covers its range in at most `MAX_SOURCE_ROWS` buckets.
 */
export const FEE_RESOLUTIONS = [1, 60, 3_600, 86_400] as const

/** The most `fee_bucket` rows one fee-history read scans. */
export const MAX_SOURCE_ROWS = 4_000n

/** The finest resolution whose buckets cover `[from, to]` in at most `MAX_SOURCE_ROWS` rows. */
export function feeResolutionFor(from: bigint, to: bigint): number {
  const span = to > from ? to - from : 0n
  return FEE_RESOLUTIONS.find((r) => span / BigInt(r) + 1n <= MAX_SOURCE_ROWS) ?? FEE_RESOLUTIONS.at(-1)!
}
