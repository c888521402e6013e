import { describe, expect, it } from 'vitest'
import { presets } from './presets'
import { ScenarioError } from './scenario'
import { encodeShared } from './share'
import { decodeShared } from './share-read'

describe('scenario links', () => {
  it('round-trip every preset and its comparison', () => {
    for (const p of presets) {
      const params = encodeShared({ scenario: p.scenario, compare: p.compare })
      const url = new URL(`https://example.org/simulate?${params}`)
      expect(decodeShared(url.searchParams)).toEqual({ scenario: p.scenario, compare: p.compare })
    }
  })

  it('keep names with any characters', () => {
    const scenario = { ...presets[0]!.scenario, name: 'ünïcode, "quotes" & ✓' }
    expect(decodeShared(encodeShared({ scenario, compare: null }))?.scenario.name).toBe(scenario.name)
  })

  it('say what is wrong with a damaged or hand-edited link', () => {
    expect(decodeShared(new URLSearchParams())).toBeNull()
    expect(() => decodeShared(new URLSearchParams({ s: '%%%' }))).toThrow(ScenarioError)
    const bad = encodeShared({ scenario: { ...presets[0]!.scenario, blocks: -1 }, compare: null })
    expect(() => decodeShared(bad)).toThrow('blocks: must be between 1 and 1000000, got -1')
    const params = encodeShared({ scenario: presets[0]!.scenario, compare: { seed: 2 } })
    params.set('vs', btoa(JSON.stringify({ provers: [] })))
    expect(() => decodeShared(params)).toThrow('compare.provers')
  })
})
