import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BPS } from './constants'
import { configArb, feePerGasArb, gasUsedArb, secondsArb } from './internal/arbitraries'
import { max } from './internal/minMax'
import { type ProofKind, proofReward } from './proofReward'

const R = 1_000_000_000n
const gasUsed = 1_000_000n
const base = 1_000_000_000_000_000n // R' * gasUsed
const p = { rewardPerGas: R, gasUsed, avgProofDelayMs: 20_000n, stabilized: false }

describe('proofReward', () => {
  it('pays an in-window proof R * gasUsed with the tiered performance bonus', () => {
    expect(proofReward({ ...p, kind: 'inWindow', delay: 10n })).toEqual({
      base,
      performanceBonus: base / 10n, // 2 * 10,000 ms <= 20,000 ms: fast tier, 10 %
      stabilizationBonus: 0n,
      total: (base * 11n) / 10n,
    })
    expect(proofReward({ ...p, kind: 'inWindow', delay: 11n }).performanceBonus).toBe(base / 20n) // 5 %
    expect(proofReward({ ...p, kind: 'inWindow', delay: 20n }).performanceBonus).toBe(base / 20n) // delay == avg
    expect(proofReward({ ...p, kind: 'inWindow', delay: 21n }).performanceBonus).toBe(0n)
  })

  it('compares the delay in seconds with the average in milliseconds (delay * 1000)', () => {
    const at = (delay: bigint, avgProofDelayMs: bigint) =>
      proofReward({ ...p, kind: 'inWindow', delay, avgProofDelayMs }).performanceBonus
    expect(at(10n, 19_999n)).toBe(base / 20n) // 20,000 > 19,999: not fast; 10,000 <= 19,999: normal
    expect(at(10n, 20_001n)).toBe(base / 10n) // fast
    expect(at(20n, 19_999n)).toBe(0n) // 20,000 ms > 19,999 ms
    expect(at(12n, 12_000n)).toBe(base / 20n) // delay == avg
    expect(at(0n, 0n)).toBe(base / 10n) // 0 <= 0: fast
  })

  it('pays open and late proofs 1.5 × R * gasUsed with no performance bonus', () => {
    for (const kind of ['open', 'late'] as const) {
      expect(proofReward({ ...p, kind, delay: 0n })).toEqual({
        base: (base * 3n) / 2n,
        performanceBonus: 0n,
        stabilizationBonus: 0n,
        total: (base * 3n) / 2n,
      })
    }
  })

  it('adds 5 % of the base when the proof stabilises the network', () => {
    expect(proofReward({ ...p, kind: 'inWindow', delay: 100n, stabilized: true }).stabilizationBonus).toBe(
      base / 20n,
    )
    const open = proofReward({ ...p, kind: 'open', delay: 0n, stabilized: true })
    expect(open.stabilizationBonus).toBe((base * 3n) / 40n)
    expect(open.total).toBe((base * 3n) / 2n + (base * 3n) / 40n)
  })

  it('rounds each term down on its own', () => {
    // base 9; fast bonus 0.9 → 0; open base 13.5 → 13; stabilisation 0.45 / 0.65 → 0
    expect(
      proofReward({
        kind: 'inWindow',
        rewardPerGas: 3n,
        gasUsed: 3n,
        delay: 0n,
        avgProofDelayMs: 0n,
        stabilized: true,
      }),
    ).toEqual({
      base: 9n,
      performanceBonus: 0n,
      stabilizationBonus: 0n,
      total: 9n,
    })
    expect(
      proofReward({
        kind: 'open',
        rewardPerGas: 3n,
        gasUsed: 3n,
        delay: 0n,
        avgProofDelayMs: 0n,
        stabilized: true,
      }).base,
    ).toBe(13n)
    // open base multiplies both products before dividing: 7 * 1 * 15_000 / 10_000 = 10 (not 7 * 1.5 rounded elsewhere)
    expect(
      proofReward({
        kind: 'late',
        rewardPerGas: 7n,
        gasUsed: 1n,
        delay: 0n,
        avgProofDelayMs: 0n,
        stabilized: false,
      }).base,
    ).toBe(10n)
  })

  it('adds up, and the bonuses never exceed their share of the base', () => {
    const kindArb = fc.constantFrom<ProofKind>('inWindow', 'open', 'late')
    fc.assert(
      fc.property(
        kindArb,
        feePerGasArb,
        gasUsedArb,
        secondsArb,
        secondsArb,
        fc.boolean(),
        configArb,
        (kind, rewardPerGas, g, delay, avg, stabilized, config) => {
          const r = proofReward(
            { kind, rewardPerGas, gasUsed: g, delay, avgProofDelayMs: avg, stabilized },
            config,
          )
          expect(r.total).toBe(r.base + r.performanceBonus + r.stabilizationBonus)
          const hiBps = max(config.perfBonusFastBps, config.perfBonusBps)
          expect(r.performanceBonus).toBeLessThanOrEqual((r.base * hiBps) / BPS)
          expect(r.stabilizationBonus).toBe(stabilized ? (r.base * config.stabilizationBonusBps) / BPS : 0n)
          if (kind !== 'inWindow') expect(r.performanceBonus).toBe(0n)
          else expect(r.base).toBe(rewardPerGas * g)
        },
      ),
    )
  })

  it('never pays more bonus for a slower proof with the default tiers', () => {
    fc.assert(
      fc.property(secondsArb, secondsArb, secondsArb, (a, b, avg) => {
        const [fast, slow] = a <= b ? [a, b] : [b, a]
        const at = (delay: bigint) =>
          proofReward({ ...p, kind: 'inWindow', delay, avgProofDelayMs: avg }).performanceBonus
        expect(at(fast)).toBeGreaterThanOrEqual(at(slow))
      }),
    )
  })
})
