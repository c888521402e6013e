import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { configArb, feePerGasArb } from './internal/arbitraries'
import { max, min } from './internal/minMax'
import { nextFeePerGas } from './nextFeePerGas'

describe('nextFeePerGas', () => {
  it('moves F 1/1024 of the way to R', () => {
    // (1e9 * 1023 + 1.05e9) / 1024 = 1_000_048_828.125 → 1_000_048_828
    expect(nextFeePerGas({ feePerGas: 1_000_000_000n, effectiveRewardPerGas: 1_050_000_000n })).toBe(
      1_000_048_828n,
    )
  })

  it('moves F by at least one wei towards R whichever way (Revision 2.6)', () => {
    // (1000 * 1023 + 999) / 1024 = 999.999 → 999: the floor drags F down by one
    expect(nextFeePerGas({ feePerGas: 1_000n, effectiveRewardPerGas: 999n })).toBe(999n)
    // (1000 * 1023 + 1001) / 1024 = 1000.0009 → 1000 would never rise: it takes the one-wei step
    expect(nextFeePerGas({ feePerGas: 1_000n, effectiveRewardPerGas: 1_001n })).toBe(1_001n)
    // Below F = 20,480 the v1 average could only fall; now a small F climbs towards R' = 1.05·F.
    expect(nextFeePerGas({ feePerGas: 20_000n, effectiveRewardPerGas: 21_000n })).toBe(20_001n)
  })

  it('moves strictly towards R whenever R differs from F', () => {
    fc.assert(
      fc.property(feePerGasArb, feePerGasArb, configArb, (feePerGas, r, config) => {
        const next = nextFeePerGas({ feePerGas, effectiveRewardPerGas: r }, config)
        if (r > feePerGas) expect(next).toBeGreaterThan(feePerGas)
        if (r < feePerGas) expect(next).toBeLessThan(feePerGas)
        if (r === feePerGas) expect(next).toBe(feePerGas)
      }),
    )
  })

  it('keeps F when R equals F, and goes to zero from zero', () => {
    expect(nextFeePerGas({ feePerGas: 123_456n, effectiveRewardPerGas: 123_456n })).toBe(123_456n)
    expect(nextFeePerGas({ feePerGas: 0n, effectiveRewardPerGas: 0n })).toBe(0n)
  })

  it('lands between the old F and R', () => {
    fc.assert(
      fc.property(feePerGasArb, feePerGasArb, configArb, (feePerGas, r, config) => {
        const next = nextFeePerGas({ feePerGas, effectiveRewardPerGas: r }, config)
        expect(next).toBeGreaterThanOrEqual(min(feePerGas, r))
        expect(next).toBeLessThanOrEqual(max(feePerGas, r))
      }),
    )
  })

  it('jumps straight to R with a smoothing of one', () => {
    fc.assert(
      fc.property(feePerGasArb, feePerGasArb, configArb, (feePerGas, r, config) => {
        expect(nextFeePerGas({ feePerGas, effectiveRewardPerGas: r }, { ...config, feeSmoothing: 1n })).toBe(
          r,
        )
      }),
    )
  })
})
