import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { batchSize } from './batchSize'
import { defaultConfig, demoConfig } from './config'
import { backlogArb, configArb } from './internal/arbitraries'

describe('batchSize', () => {
  it('is one below the batching backlog', () => {
    expect(batchSize({ backlog: 0n })).toBe(1n)
    expect(batchSize({ backlog: 127n })).toBe(1n)
  })

  it('is ceil(backlog / divisor) clamped to [2, max] from the batching backlog on', () => {
    expect(batchSize({ backlog: 128n })).toBe(8n)
    expect(batchSize({ backlog: 129n })).toBe(9n) // 8.06 rounds up
    expect(batchSize({ backlog: 256n })).toBe(16n)
    expect(batchSize({ backlog: 10_000n })).toBe(16n)
    expect(batchSize({ backlog: 16n }, demoConfig)).toBe(4n)
    expect(batchSize({ backlog: 17n }, demoConfig)).toBe(5n)
    expect(batchSize({ backlog: 1n }, { ...demoConfig, batchingBacklog: 1n })).toBe(2n) // ceil(1/4) = 1 → 2
    expect(batchSize({ backlog: 0n }, { ...demoConfig, batchingBacklog: 0n })).toBe(2n)
  })

  it('is 1 below the threshold, within [2, max] above it, and never falls as the backlog grows', () => {
    fc.assert(
      fc.property(backlogArb, backlogArb, configArb, (a, b, config) => {
        const size = batchSize({ backlog: a }, config)
        if (a < config.batchingBacklog) expect(size).toBe(1n)
        else expect(size >= 2n && size <= config.maxBatchSize).toBe(true)
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(batchSize({ backlog: lo }, config)).toBeLessThanOrEqual(batchSize({ backlog: hi }, config))
      }),
    )
    expect(defaultConfig.maxBatchSize).toBeGreaterThanOrEqual(2n)
  })
})
