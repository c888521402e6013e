import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { batchSize } from './batchSize'
import { currentBatchSize } from './currentBatchSize'
import { backlogArb, configArb } from './internal/arbitraries'

describe('currentBatchSize', () => {
  it('is batchSize outside emergency mode', () => {
    expect(currentBatchSize({ backlog: 3n, emergency: false })).toBe(1n)
    expect(currentBatchSize({ backlog: 200n, emergency: false })).toBe(13n)
  })

  it('turns batching on (at least two) in emergency mode', () => {
    expect(currentBatchSize({ backlog: 3n, emergency: true })).toBe(2n)
    expect(currentBatchSize({ backlog: 200n, emergency: true })).toBe(13n)
  })

  it('is max(2, batchSize) in emergency and batchSize otherwise', () => {
    fc.assert(
      fc.property(backlogArb, fc.boolean(), configArb, (backlog, emergency, config) => {
        const size = batchSize({ backlog }, config)
        expect(currentBatchSize({ backlog, emergency }, config)).toBe(emergency && size < 2n ? 2n : size)
      }),
    )
  })
})
