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

  it('names the first field out of bounds, in the contract order, with its index, value and bounds', () => {
    const first = (config: typeof defaultConfig) => validateConfig(config)?.field
    expect(validateConfig({ ...defaultConfig, maxActiveProvers: 0n })).toEqual({
      field: 'maxActiveProvers',
      index: 0,
      value: 0n,
      min: 1n,
      max: 32n,
    })
    expect(first({ ...defaultConfig, maxActiveProvers: 33n })).toBe('maxActiveProvers')
    expect(validateConfig({ ...defaultConfig, rewardCapBps: 9_000n })).toEqual({
      field: 'rewardCapBps',
      index: 2,
      value: 9_000n,
      min: 9_500n, // the cross-field bound: rewardFloorBps
      max: 20_000n,
    })
    expect(first({ ...defaultConfig, minProofWindow: 10_000n })).toBe('minProofWindow')
    expect(first({ ...defaultConfig, baseMinStake: 2n ** 96n })).toBe('baseMinStake')
    expect(first({ ...defaultConfig, targetBacklog: 0n })).toBe('targetBacklog')
    expect(first({ ...defaultConfig, maxBatchSize: 1n })).toBe('maxBatchSize')
    expect(first({ ...defaultConfig, maxBatchSize: 1n, rewardFloorBps: 10_001n })).toBe('rewardFloorBps')
  })

  it('Revision 2.1: refuses slashes, bonuses and open rewards above the hard bounds', () => {
    const cases = [
      ['slashBps', 11, 1_001n, 0n, 1_000n],
      ['slashBps', 11, 10_000n, 0n, 1_000n], // a 100 % slash
      ['minSlashRewardMultiple', 12, 17n, 0n, 16n],
      ['openRewardBps', 5, 20_001n, 0n, 20_000n],
      ['perfBonusFastBps', 20, 5_001n, 0n, 5_000n],
      ['perfBonusBps', 21, 65_535n, 0n, 5_000n],
      ['stabilizationBonusBps', 22, 5_001n, 0n, 5_000n],
      ['minProofWindow', 9, 0n, 1n, defaultConfig.maxProofWindow],
      ['exitDelay', 14, defaultConfig.maxProofWindow - 1n, defaultConfig.maxProofWindow, 30n * 86_400n],
      ['rewardFloorBps', 1, 4_999n, 5_000n, 10_000n],
      ['maxBatchSize', 27, 65n, 2n, 64n],
      ['maxOpenBlocks', 16, 2n ** 24n, 0n, 2n ** 24n - 1n],
      ['minGasPerBlock', 28, 0n, 1n, 2n ** 32n - 1n],
      ['configDelay', 29, 2n ** 32n, 0n, 2n ** 32n - 1n],
    ] as const
    for (const [field, index, value, min, max] of cases)
      expect(validateConfig({ ...defaultConfig, [field]: value })).toEqual({ field, index, value, min, max })
    // The bounds themselves are accepted.
    expect(
      validateConfig({
        ...defaultConfig,
        slashBps: 1_000n,
        minSlashRewardMultiple: 16n,
        openRewardBps: 20_000n,
        perfBonusFastBps: 5_000n,
        perfBonusBps: 5_000n,
        stabilizationBonusBps: 5_000n,
        minProofWindow: 1n,
        exitDelay: defaultConfig.maxProofWindow,
        minGasPerBlock: 1n,
        configDelay: 0n,
      }),
    ).toBeNull()
  })

  it('accepts every config the property tests generate', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        expect(validateConfig(config)).toBeNull()
      }),
    )
  })
})
