import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig, demoConfig } from './config'
import { configArb, secondsArb } from './internal/arbitraries'
import { proofWindow } from './proofWindow'

const MIN = 60n

describe('proofWindow', () => {
  it('is three times the average delay (kept in milliseconds) inside the clamp, in seconds', () => {
    expect(proofWindow({ avgProofDelayMs: 20n * MIN * 1000n })).toBe(60n * MIN)
    expect(proofWindow({ avgProofDelayMs: 12_000n }, demoConfig)).toBe(36n)
    // 3 × 11,988 ms = 35,964 ms → 35 s (the division by 1000 rounds down)
    expect(proofWindow({ avgProofDelayMs: 11_988n }, demoConfig)).toBe(35n)
  })

  it('is clamped to [10 min, 90 min] and exact at the edges', () => {
    expect(proofWindow({ avgProofDelayMs: 0n })).toBe(10n * MIN)
    expect(proofWindow({ avgProofDelayMs: 2n * MIN * 1000n })).toBe(10n * MIN)
    expect(proofWindow({ avgProofDelayMs: 200_000n })).toBe(600n) // 3 × 200 s = 600 s = min
    expect(proofWindow({ avgProofDelayMs: 200_333n })).toBe(600n) // 600,999 ms → 600 s
    expect(proofWindow({ avgProofDelayMs: 200_334n })).toBe(601n) // 601,002 ms → 601 s
    expect(proofWindow({ avgProofDelayMs: 201_000n })).toBe(603n)
    expect(proofWindow({ avgProofDelayMs: 30n * MIN * 1000n })).toBe(90n * MIN)
    expect(proofWindow({ avgProofDelayMs: 31n * MIN * 1000n })).toBe(90n * MIN)
  })

  it('stays within [minProofWindow, maxProofWindow] and grows with the average', () => {
    fc.assert(
      fc.property(secondsArb, secondsArb, configArb, (a, b, config) => {
        const w = proofWindow({ avgProofDelayMs: a }, config)
        expect(w).toBeGreaterThanOrEqual(config.minProofWindow)
        expect(w).toBeLessThanOrEqual(config.maxProofWindow)
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(proofWindow({ avgProofDelayMs: lo }, config)).toBeLessThanOrEqual(
          proofWindow({ avgProofDelayMs: hi }, config),
        )
      }),
    )
    expect(defaultConfig.minProofWindow).toBeLessThan(defaultConfig.maxProofWindow)
  })
})
