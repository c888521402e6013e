import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { STAKE_UNIT } from './constants'
import { stakeArb } from './internal/arbitraries'
import { minStakeUnits } from './minStakeUnits'
import { quantiseStake } from './quantiseStake'
import { stakeUnits } from './stakeUnits'

describe('minStakeUnits', () => {
  it('rounds the minimum up to whole TKO', () => {
    expect(minStakeUnits({ minStake: 0n })).toBe(0n)
    expect(minStakeUnits({ minStake: 500n * STAKE_UNIT })).toBe(500n)
    expect(minStakeUnits({ minStake: 500n * STAKE_UNIT + 1n })).toBe(501n)
  })

  it('is exactly where the whole-TKO stake meets the minimum (the contract’s join check)', () => {
    fc.assert(
      fc.property(stakeArb, stakeArb, (stake, minStake) => {
        const meets = quantiseStake({ stake }) >= minStake
        expect(meets).toBe(stakeUnits({ stake }) >= minStakeUnits({ minStake }))
      }),
    )
  })
})
