import fc from 'fast-check'
import type { PoolConfig } from '../config'
import { MAX_REWARD_PER_GAS, MAX_STAKE } from '../constants'

/** Test-only generators over the contracts' input domain (docs/contracts.md, Units and bounds). */
export const stakeArb = fc.bigInt({ min: 0n, max: MAX_STAKE })
export const rewardPerGasArb = fc.bigInt({ min: 0n, max: MAX_REWARD_PER_GAS })
/** `F` is a uint64; most of the interesting range is around realistic gwei values. */
export const feePerGasArb = fc.oneof(
  fc.bigInt({ min: 0n, max: 10_000_000_000n }),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
)
export const capacityArb = fc.bigInt({ min: 0n, max: 255n })
export const gasUsedArb = fc.bigInt({ min: 1n, max: 2n ** 32n - 1n })
export const secondsArb = fc.bigInt({ min: 0n, max: 2n ** 40n })
export const backlogArb = fc.bigInt({ min: 0n, max: 2n ** 32n - 1n })
export const bpsArb = fc.bigInt({ min: 0n, max: 65_535n })

/** Configs within the hard bounds (`configBounds`, PoolMath.configBounds). */
export const configArb: fc.Arbitrary<PoolConfig> = fc
  .record({
    maxActiveProvers: fc.bigInt({ min: 1n, max: 32n }),
    rewardFloorBps: fc.bigInt({ min: 5_000n, max: 10_000n }),
    capExtra: fc.bigInt({ min: 0n, max: 10_000n }),
    rewardRangeMinBps: fc.bigInt({ min: 0n, max: 10_000n }),
    rangeExtra: fc.bigInt({ min: 0n, max: 30_000n }),
    openRewardBps: fc.bigInt({ min: 0n, max: 20_000n }),
    feeSmoothing: fc.bigInt({ min: 1n, max: 100_000n }),
    delaySmoothing: fc.bigInt({ min: 1n, max: 100_000n }),
    proofWindowMultiplier: fc.bigInt({ min: 0n, max: 65_535n }),
    minProofWindow: fc.bigInt({ min: 1n, max: 100_000n }),
    windowExtra: fc.bigInt({ min: 0n, max: 100_000n }),
    slashBps: fc.bigInt({ min: 0n, max: 1_000n }),
    minSlashRewardMultiple: fc.bigInt({ min: 0n, max: 16n }),
    rewardChangeCooldown: fc.bigInt({ min: 0n, max: 1_000_000n }),
    exitExtra: fc.bigInt({ min: 0n, max: 1_000_000n }),
    maxExitsPerDay: fc.bigInt({ min: 1n, max: 100n }),
    maxOpenBlocks: fc.bigInt({ min: 0n, max: 1_000n }),
    baseMinStake: fc.bigInt({ min: 0n, max: 2n ** 96n - 1n }),
    baseMinCapacity: fc.bigInt({ min: 0n, max: 255n }),
    targetBacklog: fc.bigInt({ min: 1n, max: 10_000n }),
    perfBonusFastBps: fc.bigInt({ min: 0n, max: 5_000n }),
    perfBonusBps: fc.bigInt({ min: 0n, max: 5_000n }),
    stabilizationBonusBps: fc.bigInt({ min: 0n, max: 5_000n }),
    congestionBacklog: fc.bigInt({ min: 1n, max: 10_000n }),
    minAvailableProvers: fc.bigInt({ min: 0n, max: 32n }),
    batchingBacklog: fc.bigInt({ min: 0n, max: 10_000n }),
    batchDivisor: fc.bigInt({ min: 1n, max: 1_000n }),
    maxBatchSize: fc.bigInt({ min: 2n, max: 64n }),
    minGasPerBlock: fc.bigInt({ min: 1n, max: 10_000_000n }),
    configDelay: fc.bigInt({ min: 0n, max: 1_000_000n }),
  })
  .map(({ capExtra, rangeExtra, windowExtra, exitExtra, ...c }) => ({
    ...c,
    rewardCapBps: c.rewardFloorBps + capExtra,
    rewardRangeMaxBps: c.rewardRangeMinBps + rangeExtra,
    maxProofWindow: c.minProofWindow + windowExtra,
    exitDelay: c.minProofWindow + windowExtra + exitExtra,
  }))
