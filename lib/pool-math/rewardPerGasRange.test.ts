import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BPS, MAX_REWARD_PER_GAS } from './config'
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

  it('caps the top at 2^32 - 1 (R is a uint32)', () => {
    expect(rewardPerGasRange({ feePerGas: 3_000_000_000n })).toEqual({
      min: 1_500_000_000n,
      max: MAX_REWARD_PER_GAS,
    })
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
