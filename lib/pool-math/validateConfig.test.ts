import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig, demoConfig } from './config'
import { configArb } from './internal/arbitraries'
import { validateConfig } from './validateConfig'

describe('validateConfig', () => {
  it('accepts the shipped configs', () => {
    expect(validateConfig(defaultConfig)).toBeNull()
    expect(validateConfig(demoConfig)).toBeNull()
  })

  it('names the first field out of bounds, in the contract order', () => {
    expect(validateConfig({ ...defaultConfig, maxActiveProvers: 0n })).toBe('maxActiveProvers')
    expect(validateConfig({ ...defaultConfig, maxActiveProvers: 33n })).toBe('maxActiveProvers')
    expect(validateConfig({ ...defaultConfig, rewardCapBps: 9_000n })).toBe('rewardCapBps')
    expect(validateConfig({ ...defaultConfig, minProofWindow: 10_000n })).toBe('minProofWindow')
    expect(validateConfig({ ...defaultConfig, baseMinStake: 2n ** 96n })).toBe('baseMinStake')
    expect(validateConfig({ ...defaultConfig, targetBacklog: 0n })).toBe('targetBacklog')
    expect(validateConfig({ ...defaultConfig, maxBatchSize: 1n })).toBe('maxBatchSize')
    expect(validateConfig({ ...defaultConfig, maxBatchSize: 1n, rewardFloorBps: 10_001n })).toBe(
      'rewardFloorBps',
    )
  })

  it('accepts every config the property tests generate', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        expect(validateConfig(config)).toBeNull()
      }),
    )
  })
})
