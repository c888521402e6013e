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
    // The pool applies it to milliseconds: (12,000 * 1023 + 0) / 1024 = 11,988.28 → 11,988 ms.
    // (In whole seconds it was (12 * 1023 + 0) / 1024 = 11.988 → 11: a whole second per fast proof.)
    expect(nextAvgProofDelay({ avgProofDelay: 12_000n, delay: 0n }, demoConfig)).toBe(11_988n)
    // (12,000 * 1023 + 5 s * 1000) / 1024 = 11,993.16 → 11,993 ms
    expect(nextAvgProofDelay({ avgProofDelay: 12_000n, delay: 5_000n }, demoConfig)).toBe(11_993n)
  })

  it('does not drift to the floor in milliseconds: 1,024 proofs alternating 5 s and 20 s', () => {
    const run = (start: bigint, unit: bigint) => {
      let avg = start
      let lowest = avg
      for (let i = 0; i < 1_024; i++) {
        avg = nextAvgProofDelay({ avgProofDelay: avg, delay: (i % 2 === 0 ? 5n : 20n) * unit }, demoConfig)
        lowest = min(lowest, avg)
      }
      return { avg, lowest }
    }
    // In milliseconds the average stays near the delays' mean (12.5 s), below it by at most the
    // flooring's ≈ 1 ms per proof of drift in equilibrium (< delaySmoothing ms).
    const ms = run(12_000n, 1_000n)
    expect(ms.lowest).toBeGreaterThanOrEqual(11_500n)
    expect(ms.avg).toBeGreaterThanOrEqual(11_500n)
    expect(ms.avg).toBeLessThanOrEqual(12_500n)
    // The same proofs in whole seconds collapse the average to the fastest delay (the old bug).
    expect(run(12n, 1n).avg).toBe(5n)
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
