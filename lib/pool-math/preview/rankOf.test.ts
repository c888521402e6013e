import { describe, expect, it } from 'vitest'
import { rankOf } from './rankOf'

describe('rankOf', () => {
  it('is one plus the number of strictly larger weights, ties sharing a rank', () => {
    expect(rankOf({ weights: [5n, 3n, 5n, 0n], weight: 5n })).toBe(1)
    expect(rankOf({ weights: [5n, 3n, 5n, 0n], weight: 3n })).toBe(3)
    expect(rankOf({ weights: [5n, 3n, 5n, 0n], weight: 9n })).toBe(1)
    expect(rankOf({ weights: [5n, 9n], weight: 5n, exclude: 1 })).toBe(1)
  })
})
