import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from './config'
import { STAKE_UNIT } from './constants'
import { backlogArb, configArb } from './internal/arbitraries'
import { minStake } from './minStake'

const TKO = STAKE_UNIT

describe('minStake', () => {
  it('scales the base with demand: half at no backlog, the base at target, double at three times target', () => {
    expect(minStake({ backlog: 0n })).toBe(5_000n * TKO)
    expect(minStake({ backlog: 32n })).toBe(7_500n * TKO)
    expect(minStake({ backlog: 64n })).toBe(10_000n * TKO)
    expect(minStake({ backlog: 192n })).toBe(20_000n * TKO)
    expect(minStake({ backlog: 1_000_000n })).toBe(20_000n * TKO)
  })

  it('rounds down', () => {
    const config = { ...defaultConfig, baseMinStake: 7n, targetBacklog: 3n }
    expect(minStake({ backlog: 1n }, config)).toBe(4n) // 7 * 4 / 6 = 4.67
    expect(minStake({ backlog: 0n }, config)).toBe(3n) // 7 * 3 / 6 = 3.5 → 3 = 7/2
  })

  it('stays within [base/2, 2·base] and never falls as the backlog grows', () => {
    fc.assert(
      fc.property(backlogArb, backlogArb, configArb, (a, b, config) => {
        const m = minStake({ backlog: a }, config)
        expect(m).toBeGreaterThanOrEqual(config.baseMinStake / 2n)
        expect(m).toBeLessThanOrEqual(config.baseMinStake * 2n)
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(minStake({ backlog: lo }, config)).toBeLessThanOrEqual(minStake({ backlog: hi }, config))
      }),
    )
  })
})
