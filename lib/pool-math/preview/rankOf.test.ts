import { describe, expect, it } from 'vitest'
import { compareRank, rankOf } from './rankOf'

describe('rankOf', () => {
  it('is one plus the number of larger weights', () => {
    expect(rankOf({ weights: [5n, 3n, 7n, 0n], weight: 5n, exclude: 0 })).toBe(2)
    expect(rankOf({ weights: [5n, 3n, 7n, 0n], weight: 3n, exclude: 1 })).toBe(3)
    expect(rankOf({ weights: [5n, 3n, 7n, 0n], weight: 9n })).toBe(1)
  })

  it('breaks ties like the contract: the higher slot index ranks above, a newcomer below both', () => {
    const weights = [5n, 3n, 5n, 0n]
    expect(rankOf({ weights, weight: 5n, exclude: 2 })).toBe(1)
    expect(rankOf({ weights, weight: 5n, exclude: 0 })).toBe(2)
    expect(rankOf({ weights, weight: 5n })).toBe(3)
  })

  it('lets no zero weight (empty slot or ineligible prover) outrank another', () => {
    expect(rankOf({ weights: [5n, 0n, 0n, 0n], weight: 0n, exclude: 1 })).toBe(2)
    expect(rankOf({ weights: [5n, 0n, 0n, 0n], weight: 0n })).toBe(2)
  })

  it('agrees with the order compareRank sorts in, ties included', () => {
    const weights = [4n, 9n, 4n, 4n, 1n, 9n]
    const sorted = weights.map((weight, index) => ({ index, weight })).sort(compareRank)
    expect(sorted.map((s) => s.index)).toEqual([5, 1, 3, 2, 0, 4])
    for (const [position, s] of sorted.entries())
      expect(rankOf({ weights, weight: s.weight, exclude: s.index })).toBe(position + 1)
  })
})
