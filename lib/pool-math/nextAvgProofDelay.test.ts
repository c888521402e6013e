import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { demoConfig } from './config'
import { configArb, secondsArb } from './internal/arbitraries'
import { max, min } from './internal/minMax'
import { nextAvgProofDelay } from './nextAvgProofDelay'

describe('nextAvgProofDelay', () => {
  it('moves the average 1/1024 of the way to the new delay, rounding down', () => {
    // (1200 * 1023 + 2224) / 1024 = 1201
    expect(nextAvgProofDelay({ avgProofDelay: 1_200n, delay: 2_224n })).toBe(1_201n)
    // (1200 * 1023 + 2223) / 1024 = 1200.999 → 1200
    expect(nextAvgProofDelay({ avgProofDelay: 1_200n, delay: 2_223n })).toBe(1_200n)
    // (12 * 1023 + 0) / 1024 = 11.988 → 11: one instant proof drags a small average down a whole second
    expect(nextAvgProofDelay({ avgProofDelay: 12n, delay: 0n }, demoConfig)).toBe(11n)
  })

  it('lands between the old average and the new delay', () => {
    fc.assert(
      fc.property(secondsArb, secondsArb, configArb, (avgProofDelay, delay, config) => {
        const next = nextAvgProofDelay({ avgProofDelay, delay }, config)
        expect(next).toBeGreaterThanOrEqual(min(avgProofDelay, delay))
        expect(next).toBeLessThanOrEqual(max(avgProofDelay, delay))
      }),
    )
  })
})
