import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clamp } from './clamp'
import { max, min } from './minMax'

describe('clamp', () => {
  it('applies the lower bound first, so an inverted range yields the lower bound', () => {
    expect(clamp(5n, 1n, 10n)).toBe(5n)
    expect(clamp(0n, 1n, 10n)).toBe(1n)
    expect(clamp(11n, 1n, 10n)).toBe(10n)
    expect(clamp(5n, 10n, 1n)).toBe(10n)
  })

  it('stays within [lo, hi] whenever lo <= hi', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt(), fc.bigInt(), (x, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const y = clamp(x, lo, hi)
        expect(y >= lo && y <= hi).toBe(true)
        expect(y === x || x < lo || x > hi).toBe(true)
      }),
    )
  })

  it('min and max pick the smaller and the larger bigint', () => {
    expect(min(2n, 3n)).toBe(2n)
    expect(max(2n, 3n)).toBe(3n)
    expect(min(-1n, -1n)).toBe(-1n)
  })
})
