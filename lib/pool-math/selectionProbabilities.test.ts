import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { selectionProbabilities } from './selectionProbabilities'

describe('selectionProbabilities', () => {
  it('is each weight over the total', () => {
    expect(selectionProbabilities({ weights: [1n, 3n, 0n] })).toEqual([0.25, 0.75, 0])
  })

  it('is all zeros when nobody has weight', () => {
    expect(selectionProbabilities({ weights: [0n, 0n] })).toEqual([0, 0])
    expect(selectionProbabilities({ weights: [] })).toEqual([])
  })

  it('sums to one and keeps the order of the weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 2n ** 220n }), { minLength: 1, maxLength: 32 }),
        (weights) => {
          fc.pre(weights.some((w) => w > 0n))
          const p = selectionProbabilities({ weights })
          expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
          for (const [i, w] of weights.entries())
            for (const [j, v] of weights.entries()) if (w < v) expect(p[i]!).toBeLessThanOrEqual(p[j]!)
        },
      ),
    )
  })
})
