import { describe, expect, it } from 'vitest'
import { Random } from './random'

describe('Random', () => {
  it('replays the same draws for the same seed and stream', () => {
    const a = new Random(7, 2)
    const b = new Random(7, 2)
    const draws = (r: Random) => [
      r.uint32(),
      r.next(),
      r.normal(),
      r.exponential(5),
      r.uint256(),
      r.bytes32(),
    ]
    expect(draws(a)).toEqual(draws(b))
  })

  it('gives different sequences for other seeds and other streams', () => {
    const first = (seed: number, stream: number) => new Random(seed, stream).uint32()
    expect(new Set([first(1, 0), first(2, 0), first(1, 1), first(1, 2)]).size).toBe(4)
  })

  it('draws uniform numbers in [0, 1) with the right mean and spread', () => {
    const r = new Random(3)
    const n = 100_000
    let sum = 0
    let sumSq = 0
    for (let i = 0; i < n; i++) {
      const x = r.next()
      expect(x >= 0 && x < 1).toBe(true)
      sum += x
      sumSq += x * x
    }
    // Mean 1/2 with standard error √(1/12/n) ≈ 0.0009; variance 1/12.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n))
    expect(Math.abs(sumSq / n - (sum / n) ** 2 - 1 / 12)).toBeLessThan(0.002)
  })

  it('draws standard normals and exponentials with their means', () => {
    const r = new Random(4)
    const n = 50_000
    let normal = 0
    let exponential = 0
    for (let i = 0; i < n; i++) {
      normal += r.normal()
      exponential += r.exponential(12)
    }
    expect(Math.abs(normal / n)).toBeLessThan(4 / Math.sqrt(n))
    expect(Math.abs(exponential / n - 12)).toBeLessThan((4 * 12) / Math.sqrt(n))
  })

  it('makes 256-bit numbers and 32-byte hashes', () => {
    const r = new Random(5)
    for (let i = 0; i < 100; i++) {
      const x = r.uint256()
      expect(x >= 0n && x < 2n ** 256n).toBe(true)
      expect(r.bytes32()).toMatch(/^0x[0-9a-f]{64}$/)
    }
  })
})
