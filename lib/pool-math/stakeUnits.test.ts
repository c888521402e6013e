import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_STAKE, MAX_STAKE_UNITS, STAKE_UNIT } from './constants'
import { stakeArb } from './internal/arbitraries'
import { quantiseStake } from './quantiseStake'
import { stakeUnits } from './stakeUnits'

describe('stakeUnits and quantiseStake', () => {
  it('count whole TKO only, rounding down', () => {
    expect(stakeUnits({ stake: 0n })).toBe(0n)
    expect(stakeUnits({ stake: STAKE_UNIT - 1n })).toBe(0n)
    expect(stakeUnits({ stake: (3n * STAKE_UNIT) / 2n })).toBe(1n)
    expect(quantiseStake({ stake: (3n * STAKE_UNIT) / 2n })).toBe(STAKE_UNIT)
    expect(quantiseStake({ stake: 10_000n * STAKE_UNIT + 999n })).toBe(10_000n * STAKE_UNIT)
  })

  it('fit uint32 exactly up to MAX_STAKE', () => {
    expect(stakeUnits({ stake: MAX_STAKE })).toBe(MAX_STAKE_UNITS)
    expect(stakeUnits({ stake: MAX_STAKE + 1n })).toBe(MAX_STAKE_UNITS + 1n)
  })

  it('never exceed the stake and lose less than one TKO', () => {
    fc.assert(
      fc.property(stakeArb, (stake) => {
        const q = quantiseStake({ stake })
        expect(q).toBeLessThanOrEqual(stake)
        expect(stake - q).toBeLessThan(STAKE_UNIT)
        expect(q % STAKE_UNIT).toBe(0n)
        expect(q).toBe(stakeUnits({ stake }) * STAKE_UNIT)
      }),
    )
  })
})
