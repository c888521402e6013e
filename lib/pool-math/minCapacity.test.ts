import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from './config'
import { backlogArb, configArb } from './internal/arbitraries'
import { minCapacity } from './minCapacity'

describe('minCapacity', () => {
  it('scales the base capacity with demand', () => {
    expect(minCapacity({ backlog: 0n })).toBe(2n)
    expect(minCapacity({ backlog: 64n })).toBe(4n)
    expect(minCapacity({ backlog: 95n })).toBe(4n) // 4 * 159 / 128 = 4.97 → 4
    expect(minCapacity({ backlog: 96n })).toBe(5n)
    expect(minCapacity({ backlog: 10_000n })).toBe(8n)
  })

  it('is never below one', () => {
    expect(minCapacity({ backlog: 0n }, { ...defaultConfig, baseMinCapacity: 1n })).toBe(1n)
    expect(minCapacity({ backlog: 0n }, { ...defaultConfig, baseMinCapacity: 0n })).toBe(1n)
    expect(minCapacity({ backlog: 10_000n }, { ...defaultConfig, baseMinCapacity: 0n })).toBe(1n)
  })

  it('stays within [max(1, base/2), max(1, 2·base)] and never falls as the backlog grows', () => {
    fc.assert(
      fc.property(backlogArb, backlogArb, configArb, (a, b, config) => {
        const m = minCapacity({ backlog: a }, config)
        const lo = config.baseMinCapacity / 2n
        const hi = config.baseMinCapacity * 2n
        expect(m).toBeGreaterThanOrEqual(lo > 1n ? lo : 1n)
        expect(m).toBeLessThanOrEqual(hi > 1n ? hi : 1n)
        const [x, y] = a <= b ? [a, b] : [b, a]
        expect(minCapacity({ backlog: x }, config)).toBeLessThanOrEqual(minCapacity({ backlog: y }, config))
      }),
    )
  })
})
