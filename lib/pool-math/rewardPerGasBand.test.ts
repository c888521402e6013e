import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from './config'
import { effectiveRewardPerGas } from './effectiveRewardPerGas'
import { rewardPerGasBand } from './rewardPerGasBand'

describe('rewardPerGasBand', () => {
  it('is 95 %–105 % of F by default, rounded down', () => {
    expect(rewardPerGasBand({ feePerGas: 1_000_000_000n })).toEqual({
      floor: 950_000_000n,
      cap: 1_050_000_000n,
    })
    expect(rewardPerGasBand({ feePerGas: 19n })).toEqual({ floor: 18n, cap: 19n })
    expect(rewardPerGasBand({ feePerGas: 0n })).toEqual({ floor: 0n, cap: 0n })
  })

  it('holds every effective reward per gas', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n }), fc.bigInt({ min: 0n, max: 2n ** 33n }), (F, R) => {
        const { floor, cap } = rewardPerGasBand({ feePerGas: F }, defaultConfig)
        const paid = effectiveRewardPerGas({ rewardPerGas: R, feePerGas: F }, defaultConfig)
        expect(floor <= paid && paid <= cap).toBe(true)
      }),
    )
  })
})
