import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig, demoConfig } from './config'
import { configArb, secondsArb } from './internal/arbitraries'
import { proofWindow } from './proofWindow'

const MIN = 60n

describe('proofWindow', () => {
  it('is three times the average delay inside the clamp', () => {
    expect(proofWindow({ avgProofDelay: 20n * MIN })).toBe(60n * MIN)
    expect(proofWindow({ avgProofDelay: 12n }, demoConfig)).toBe(36n)
  })

  it('is clamped to [10 min, 90 min] and exact at the edges', () => {
    expect(proofWindow({ avgProofDelay: 0n })).toBe(10n * MIN)
    expect(proofWindow({ avgProofDelay: 2n * MIN })).toBe(10n * MIN)
    expect(proofWindow({ avgProofDelay: 200n })).toBe(600n) // 3 × 200 = 600 = min
    expect(proofWindow({ avgProofDelay: 201n })).toBe(603n)
    expect(proofWindow({ avgProofDelay: 30n * MIN })).toBe(90n * MIN)
    expect(proofWindow({ avgProofDelay: 31n * MIN })).toBe(90n * MIN)
  })

  it('stays within [minProofWindow, maxProofWindow] and grows with the average', () => {
    fc.assert(
      fc.property(secondsArb, secondsArb, configArb, (a, b, config) => {
        const w = proofWindow({ avgProofDelay: a }, config)
        expect(w).toBeGreaterThanOrEqual(config.minProofWindow)
        expect(w).toBeLessThanOrEqual(config.maxProofWindow)
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(proofWindow({ avgProofDelay: lo }, config)).toBeLessThanOrEqual(
          proofWindow({ avgProofDelay: hi }, config),
        )
      }),
    )
    expect(defaultConfig.minProofWindow).toBeLessThan(defaultConfig.maxProofWindow)
  })
})
