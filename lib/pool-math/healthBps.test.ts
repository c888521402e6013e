import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BPS } from './constants'
import { healthBps } from './healthBps'
import { stakeArb } from './internal/arbitraries'
import { min } from './internal/minMax'

describe('healthBps', () => {
  it('is full health when nothing was deposited or slashed', () => {
    expect(healthBps({ deposited: 0n, slashed: 0n })).toBe(BPS)
    expect(healthBps({ deposited: 5n, slashed: 0n })).toBe(BPS)
  })

  it('is the unslashed share in basis points, rounded down', () => {
    expect(healthBps({ deposited: 3n, slashed: 1n })).toBe(6_666n)
    expect(healthBps({ deposited: 100n, slashed: 1n })).toBe(9_900n)
    expect(healthBps({ deposited: 7n, slashed: 7n })).toBe(0n)
  })

  it('stays in [0, BPS] and falls as slashes grow', () => {
    fc.assert(
      fc.property(stakeArb, stakeArb, stakeArb, (a, b, c) => {
        const [deposited, s1, s2] = [a + 1n, min(a, b), min(a, c)]
        const h1 = healthBps({ deposited, slashed: s1 })
        expect(h1 >= 0n && h1 <= BPS).toBe(true)
        if (s1 <= s2) expect(h1).toBeGreaterThanOrEqual(healthBps({ deposited, slashed: s2 }))
      }),
    )
  })
})
