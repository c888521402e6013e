import { afterEach, describe, expect, it } from 'vitest'
import { formatAge, freshnessStore, staleSources } from './freshness'

afterEach(() => freshnessStore.reset())

describe('the freshness store', () => {
  it('marks a source stale from a failed read until a successful one, oldest data first', () => {
    freshnessStore.report('pool', { failing: false, dataAt: 1_000, dataBlock: 10n })
    freshnessStore.report('history', { failing: true, dataAt: 500, error: 'no answer' })
    freshnessStore.report('pool', { failing: true, dataAt: 1_000, dataBlock: 10n })
    expect(staleSources(freshnessStore.getSnapshot()).map(([name]) => name)).toEqual(['history', 'pool'])
    freshnessStore.report('pool', { failing: false, dataAt: 3_000, dataBlock: 12n })
    expect(staleSources(freshnessStore.getSnapshot()).map(([name]) => name)).toEqual(['history'])
  })

  it('notifies only on a change', () => {
    let calls = 0
    const off = freshnessStore.subscribe(() => {
      calls++
    })
    freshnessStore.report('pool', { failing: false, dataAt: 1, dataBlock: 1n })
    freshnessStore.report('pool', { failing: false, dataAt: 1, dataBlock: 1n })
    off()
    expect(calls).toBe(1)
  })
})

describe('formatAge', () => {
  it('says how old data is in seconds, minutes or hours', () => {
    expect(formatAge(0, 12_400)).toBe('12 s')
    expect(formatAge(0, 5 * 60_000)).toBe('5 min')
    expect(formatAge(0, 3 * 3_600_000)).toBe('3 h')
    expect(formatAge(10_000, 0)).toBe('0 s')
  })
})
