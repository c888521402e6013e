import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BPS } from './constants'
import { healthBps } from './healthBps'
import { stakeArb } from './internal/arbitraries'
import { isFullHealth } from './isFullHealth'

describe('isFullHealth', () => {
  it('is whole health, and nothing else', () => {
    expect(isFullHealth(BPS)).toBe(true)
    expect(isFullHealth(BPS - 1n)).toBe(false)
  })

  it('means nothing was slashed, even a single wei of a large deposit', () => {
    fc.assert(
      fc.property(stakeArb, stakeArb, (a, b) => {
        const [slashed, deposited] = a <= b ? [a, b] : [b, a]
        expect(isFullHealth(healthBps({ deposited, slashed }))).toBe(deposited === 0n || slashed === 0n)
      }),
    )
  })
})
