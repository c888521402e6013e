import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from './config'
import { BPS } from './constants'
import { effectiveRewardPerGas } from './effectiveRewardPerGas'
import { configArb, feePerGasArb, rewardPerGasArb } from './internal/arbitraries'

const F = 1_000_000_000n

describe('effectiveRewardPerGas', () => {
  it('pays R itself inside 95–105 % of F', () => {
    expect(effectiveRewardPerGas({ rewardPerGas: F, feePerGas: F })).toBe(F)
    expect(effectiveRewardPerGas({ rewardPerGas: 1_020_000_000n, feePerGas: F })).toBe(1_020_000_000n)
  })

  it('lifts a low bid to the floor and cuts a high one to the cap', () => {
    expect(effectiveRewardPerGas({ rewardPerGas: 500_000_000n, feePerGas: F })).toBe(950_000_000n)
    expect(effectiveRewardPerGas({ rewardPerGas: 0n, feePerGas: F })).toBe(950_000_000n)
    expect(effectiveRewardPerGas({ rewardPerGas: 2_000_000_000n, feePerGas: F })).toBe(1_050_000_000n)
  })

  it('rounds both bounds down', () => {
    // 19 * 0.95 = 18.05 → 18; 19 * 1.05 = 19.95 → 19
    expect(effectiveRewardPerGas({ rewardPerGas: 1n, feePerGas: 19n })).toBe(18n)
    expect(effectiveRewardPerGas({ rewardPerGas: 100n, feePerGas: 19n })).toBe(19n)
    expect(effectiveRewardPerGas({ rewardPerGas: 5n, feePerGas: 1n })).toBe(1n)
    expect(effectiveRewardPerGas({ rewardPerGas: 5n, feePerGas: 0n })).toBe(0n)
  })

  it('always lands within [F*floor/BPS, F*cap/BPS]', () => {
    fc.assert(
      fc.property(rewardPerGasArb, feePerGasArb, configArb, (rewardPerGas, feePerGas, config) => {
        const r = effectiveRewardPerGas({ rewardPerGas, feePerGas }, config)
        expect(r).toBeGreaterThanOrEqual((feePerGas * config.rewardFloorBps) / BPS)
        expect(r).toBeLessThanOrEqual((feePerGas * config.rewardCapBps) / BPS)
      }),
    )
  })

  it('is non-decreasing in R', () => {
    fc.assert(
      fc.property(rewardPerGasArb, rewardPerGasArb, feePerGasArb, (a, b, feePerGas) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(effectiveRewardPerGas({ rewardPerGas: lo, feePerGas }, defaultConfig)).toBeLessThanOrEqual(
          effectiveRewardPerGas({ rewardPerGas: hi, feePerGas }, defaultConfig),
        )
      }),
    )
  })
})
