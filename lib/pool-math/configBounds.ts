import type { PoolConfig, PoolConfigKey } from './config'
import { BPS, MAX_CAPACITY, MAX_SLOTS } from './constants'

const U16 = 2n ** 16n - 1n
const U24 = 2n ** 24n - 1n
const U32 = 2n ** 32n - 1n
const U96 = 2n ** 96n - 1n
/** The longest exit delay any config may set (30 days). */
export const MAX_EXIT_DELAY = 30n * 86_400n

export type ConfigBoundsReturnType = { min: bigint; max: bigint }

/**
 * The hard bounds `[min, max]` of one `Config` field: what no config, at deployment or scheduled by the
 * owner, can cross (SPEC Revision 2.1 sets the caps on slashing, bonuses, open rewards, the exit delay and
 * the minimum window; the others keep the packed storage and every loop bounded). Cross-field bounds read
 * the other field of `config`. Mirrors `PoolMath.configBounds` (contracts/PoolMath.sol) field by field.
 */
export function configBounds(field: PoolConfigKey, config: PoolConfig): ConfigBoundsReturnType {
  const range = (min: bigint, max: bigint) => ({ min, max })
  switch (field) {
    case 'maxActiveProvers':
      return range(1n, BigInt(MAX_SLOTS))
    case 'rewardFloorBps':
      return range(5_000n, BPS) // underbidding below half of F never buys weight
    case 'rewardCapBps':
      return range(config.rewardFloorBps, 20_000n)
    case 'rewardRangeMinBps':
      return range(0n, BPS)
    case 'rewardRangeMaxBps':
      return range(config.rewardRangeMinBps, 40_000n)
    case 'openRewardBps':
      return range(0n, 20_000n)
    case 'feeSmoothing':
    case 'delaySmoothing':
      return range(1n, U32)
    case 'proofWindowMultiplier':
      return range(0n, U16)
    case 'minProofWindow':
      return range(1n, config.maxProofWindow)
    case 'maxProofWindow':
      return range(1n, U32)
    case 'slashBps':
      return range(0n, 1_000n)
    case 'minSlashRewardMultiple':
      return range(0n, 16n)
    case 'rewardChangeCooldown':
      return range(0n, U32)
    case 'exitDelay':
      // an exiting prover stays slashable through its last window; no config locks stakes for longer than 30 days
      return range(config.maxProofWindow, MAX_EXIT_DELAY)
    case 'maxExitsPerDay':
      return range(1n, U32)
    case 'maxOpenBlocks':
      return range(0n, U24) // keeps the backlog within uint32
    case 'baseMinStake':
      return range(0n, U96)
    case 'baseMinCapacity':
      return range(0n, MAX_CAPACITY)
    case 'targetBacklog':
      return range(1n, U24)
    case 'perfBonusFastBps':
    case 'perfBonusBps':
    case 'stabilizationBonusBps':
      return range(0n, 5_000n)
    case 'congestionBacklog':
      return range(1n, U32)
    case 'minAvailableProvers':
      return range(0n, BigInt(MAX_SLOTS))
    case 'batchingBacklog':
      return range(0n, U32)
    case 'batchDivisor':
      return range(1n, U32)
    case 'maxBatchSize':
      return range(2n, 64n) // bounds the proof loop
    case 'minGasPerBlock':
      return range(1n, U32)
    case 'configDelay':
      return range(0n, U32)
  }
}
