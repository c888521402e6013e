import { describe, expect, it } from 'vitest'
import { FEE_RESOLUTIONS, feeResolutionFor, MAX_SOURCE_ROWS } from '../src/fee-resolutions'

describe('feeResolutionFor', () => {
  it('reads one-second buckets while they cover the range in at most MAX_SOURCE_ROWS rows', () => {
    expect(feeResolutionFor(100n, 100n)).toBe(1)
    expect(feeResolutionFor(0n, MAX_SOURCE_ROWS - 1n)).toBe(1)
    expect(feeResolutionFor(0n, MAX_SOURCE_ROWS)).toBe(60)
  })

  it('goes coarser as the range grows, and never past a day', () => {
    expect(feeResolutionFor(0n, 60n * MAX_SOURCE_ROWS - 60n)).toBe(60)
    expect(feeResolutionFor(0n, 60n * MAX_SOURCE_ROWS)).toBe(3_600)
    expect(feeResolutionFor(0n, 86_400n * 365n)).toBe(86_400)
    expect(feeResolutionFor(0n, 86_400n * 365n * 100n)).toBe(FEE_RESOLUTIONS.at(-1))
  })

  it('bounds the rows a read scans for any range up to ten years', () => {
    for (const span of [0n, 59n, 3_999n, 86_400n, 30n * 86_400n, 3_650n * 86_400n]) {
      const r = BigInt(feeResolutionFor(0n, span))
      expect(span / r + 1n).toBeLessThanOrEqual(MAX_SOURCE_ROWS)
    }
  })
})
