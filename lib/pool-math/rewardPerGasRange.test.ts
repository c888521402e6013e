import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BPS, MAX_REWARD_PER_GAS } from './constants'
import { configArb, feePerGasArb } from './internal/arbitraries'
import { min } from './internal/minMax'
import { rewardPerGasRange } from './rewardPerGasRange'

describe('rewardPerGasRange', () => {
  it('is [F/2, 2F]', () => {
    expect(rewardPerGasRange({ feePerGas: 1_000_000_000n })).toEqual({
      min: 500_000_000n,
      max: 2_000_000_000n,
    })
    expect(rewardPerGasRange({ feePerGas: 3n })).toEqual({ min: 1n, max: 6n })
    expect(rewardPerGasRange({ feePerGas: 1n })).toEqual({ min: 0n, max: 2n })
  })

  it("Revision 2.6: caps the top at 2^64 - 1 (R is a uint64), far above v1's 2^32 - 1", () => {
    // v1 capped 2F = 6e9 at 4,294,967,295.
    expect(rewardPerGasRange({ feePerGas: 3_000_000_000n })).toEqual({
      min: 1_500_000_000n,
      max: 6_000_000_000n,
    })
    expect(rewardPerGasRange({ feePerGas: 2n ** 63n })).toEqual({ min: 2n ** 62n, max: MAX_REWARD_PER_GAS })
    expect(rewardPerGasRange({ feePerGas: MAX_REWARD_PER_GAS })).toEqual({
      min: MAX_REWARD_PER_GAS / 2n,
      max: MAX_REWARD_PER_GAS,
    })
    expect(MAX_REWARD_PER_GAS).toBe(2n ** 64n - 1n)
  })

  it('is the two floored bounds with the cap', () => {
    fc.assert(
      fc.property(feePerGasArb, configArb, (feePerGas, config) => {
        const range = rewardPerGasRange({ feePerGas }, config)
        expect(range.min).toBe((feePerGas * config.rewardRangeMinBps) / BPS)
        expect(range.max).toBeLessThanOrEqual(MAX_REWARD_PER_GAS)
        const raw = (feePerGas * config.rewardRangeMaxBps) / BPS
        expect(range.max).toBe(min(raw, MAX_REWARD_PER_GAS))
      }),
    )
  })
})
