import { BPS, MAX_CAPACITY, MAX_SLOTS, type PoolConfig } from './config'

const UINT16 = 2n ** 16n - 1n
const UINT32 = 2n ** 32n - 1n
const UINT96 = 2n ** 96n - 1n

/** Each field's check, in the order `ProverPool._setConfig` runs them; `true` means invalid. */
const checks: readonly [keyof PoolConfig, (c: PoolConfig) => boolean][] = [
  ['maxActiveProvers', (c) => c.maxActiveProvers === 0n || c.maxActiveProvers > BigInt(MAX_SLOTS)],
  ['rewardFloorBps', (c) => c.rewardFloorBps > BPS],
  ['rewardCapBps', (c) => c.rewardCapBps < c.rewardFloorBps || c.rewardCapBps > UINT16],
  ['rewardRangeMinBps', (c) => c.rewardRangeMinBps > UINT16],
  ['rewardRangeMaxBps', (c) => c.rewardRangeMaxBps < c.rewardRangeMinBps || c.rewardRangeMaxBps > UINT16],
  ['openRewardBps', (c) => c.openRewardBps > UINT16],
  ['feeSmoothing', (c) => c.feeSmoothing === 0n || c.feeSmoothing > UINT32],
  ['delaySmoothing', (c) => c.delaySmoothing === 0n || c.delaySmoothing > UINT32],
  ['proofWindowMultiplier', (c) => c.proofWindowMultiplier > UINT16],
  ['minProofWindow', (c) => c.minProofWindow > c.maxProofWindow],
  ['maxProofWindow', (c) => c.maxProofWindow === 0n || c.maxProofWindow > UINT32],
  ['slashBps', (c) => c.slashBps > BPS],
  ['minSlashRewardMultiple', (c) => c.minSlashRewardMultiple > UINT32],
  ['rewardChangeCooldown', (c) => c.rewardChangeCooldown > UINT32],
  ['exitDelay', (c) => c.exitDelay > UINT32],
  ['maxExitsPerDay', (c) => c.maxExitsPerDay === 0n || c.maxExitsPerDay > UINT32],
  ['maxOpenBlocks', (c) => c.maxOpenBlocks > UINT32],
  ['baseMinStake', (c) => c.baseMinStake > UINT96],
  ['baseMinCapacity', (c) => c.baseMinCapacity > MAX_CAPACITY],
  ['targetBacklog', (c) => c.targetBacklog === 0n || c.targetBacklog > UINT32],
  ['perfBonusFastBps', (c) => c.perfBonusFastBps > UINT16],
  ['perfBonusBps', (c) => c.perfBonusBps > UINT16],
  ['stabilizationBonusBps', (c) => c.stabilizationBonusBps > UINT16],
  ['congestionBacklog', (c) => c.congestionBacklog === 0n || c.congestionBacklog > UINT32],
  ['minAvailableProvers', (c) => c.minAvailableProvers > BigInt(MAX_SLOTS)],
  ['batchingBacklog', (c) => c.batchingBacklog > UINT32],
  ['batchDivisor', (c) => c.batchDivisor === 0n || c.batchDivisor > UINT32],
  ['maxBatchSize', (c) => c.maxBatchSize < 2n || c.maxBatchSize > UINT32],
]

export type ValidateConfigReturnType = keyof PoolConfig | null

/**
 * The first `Config` field the contracts reject (`ProverPoolConfigInvalid(field)`), or `null` when the config
 * is valid: bounds of the packed storage (uint16 bps, uint32 counts and seconds, uint96 stake) and the few
 * cross-field rules. Mirrors `ProverPool._setConfig` check by check, in its order.
 */
export function validateConfig(config: PoolConfig): ValidateConfigReturnType {
  for (const [field, invalid] of checks) if (invalid(config)) return field
  return null
}
