import fc from 'fast-check'
import { type Hex, keccak256, toHex } from 'viem'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from './config'
import { STAKE_UNIT } from './constants'
import { selectionSeed } from './selectionSeed'
import { selectProver } from './selectProver'
import { weight } from './weight'

const TKO = STAKE_UNIT
const F = 1_000_000_000n

describe('selectProver', () => {
  it('picks the first index whose running sum exceeds seed % total', () => {
    const weights = [0n, 5n, 0n, 3n]
    expect(selectProver({ weights, seed: 0n })).toBe(1)
    expect(selectProver({ weights, seed: 4n })).toBe(1)
    expect(selectProver({ weights, seed: 5n })).toBe(3)
    expect(selectProver({ weights, seed: 7n })).toBe(3)
    expect(selectProver({ weights, seed: 8n })).toBe(1)
    expect(selectProver({ weights, seed: 2n ** 256n - 1n })).toBe(3) // (2^256 - 1) % 8 = 7
  })

  it('returns null (an open block) when every weight is zero or there are none', () => {
    expect(selectProver({ weights: [0n, 0n, 0n], seed: 123n })).toBeNull()
    expect(selectProver({ weights: [], seed: 123n })).toBeNull()
  })

  it('never picks a zero weight', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 2n ** 100n }), { maxLength: 32 }),
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        (weights, seed) => {
          const i = selectProver({ weights, seed })
          const total = weights.reduce((a, b) => a + b, 0n)
          if (total === 0n) expect(i).toBeNull()
          else expect(weights[i!]! > 0n).toBe(true)
        },
      ),
    )
  })

  it('maps exactly w[i] of every total consecutive seeds to index i', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 20n }), { minLength: 1, maxLength: 8 }),
        fc.bigInt({ min: 0n, max: 2n ** 200n }),
        (weights, offset) => {
          const total = weights.reduce((a, b) => a + b, 0n)
          fc.pre(total > 0n)
          const counts = weights.map(() => 0n)
          for (let s = 0n; s < total; s++) {
            const i = selectProver({ weights, seed: offset + s })!
            counts[i]! += 1n
          }
          expect(counts).toEqual(weights)
        },
      ),
    )
  })

  describe('fairness over seeds from selectionSeed', () => {
    // Realistic weights of eight provers (stake in TKO, R in wei per gas) at F = 1 gwei, one of them 0.
    const provers: [bigint, bigint][] = [
      [10_000n, 1_000_000_000n],
      [20_000n, 1_000_000_000n],
      [5_000n, 900_000_000n],
      [50_000n, 1_500_000_000n],
      [12_345n, 1_100_000_000n],
      [7_500n, 980_000_000n],
      [30_000n, 2_000_000_000n],
      [15_000n, 1_050_000_000n],
    ]
    const weights = [
      ...provers.map(([units, r]) =>
        weight({ stake: units * TKO, rewardPerGas: r, capacity: 4n, feePerGas: F }, defaultConfig),
      ),
      0n,
    ]
    const total = weights.reduce((a, b) => a + b, 0n)
    const N = 10_000
    // Chi-square critical value at 99 % for 7 degrees of freedom (8 non-zero categories − 1).
    const CRITICAL_99_DF7 = 18.475

    /** Pearson's statistic over the non-zero categories. */
    function statisticOf(counts: number[]): number {
      let statistic = 0
      for (const [i, w] of weights.entries()) {
        if (w === 0n) continue
        const expected = (N * Number(w)) / Number(total)
        statistic += (counts[i]! - expected) ** 2 / expected
      }
      return statistic
    }

    function chiSquare(seeds: Iterable<bigint>) {
      const counts = weights.map(() => 0)
      for (const seed of seeds) counts[selectProver({ weights, seed })!]! += 1
      return { counts, statistic: statisticOf(counts) }
    }

    it('matches the weights with a moving parent hash (chi-square at 99 %)', () => {
      const seeds = Array.from({ length: N }, (_, k) => {
        const blockId = BigInt(k + 1)
        const parentHash: Hex = keccak256(toHex(blockId))
        return selectionSeed({ parentHash, blockId })
      })
      const { counts, statistic } = chiSquare(seeds)
      expect(counts[8]).toBe(0)
      expect(statistic).toBeLessThan(CRITICAL_99_DF7)
    })

    it('has the power to reject a picker that ignores the weights', () => {
      const nonZero = weights.flatMap((w, i) => (w > 0n ? [i] : []))
      const counts = weights.map(() => 0)
      for (let k = 0; k < N; k++) counts[nonZero[k % nonZero.length]!]! += 1
      expect(statisticOf(counts)).toBeGreaterThan(CRITICAL_99_DF7)
    })

    it('matches the weights with a fixed parent hash and consecutive block ids (chi-square at 99 %)', () => {
      const parentHash: Hex = `0x${'5a'.repeat(32)}`
      const seeds = Array.from({ length: N }, (_, k) => selectionSeed({ parentHash, blockId: BigInt(k + 1) }))
      const { counts, statistic } = chiSquare(seeds)
      expect(counts[8]).toBe(0)
      expect(statistic).toBeLessThan(CRITICAL_99_DF7)
    })
  })
})
