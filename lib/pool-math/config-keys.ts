/**
 * The mechanism's parameters, by name, in the field order of `struct Config` in contracts/PoolTypes.sol
 * (the order the lens returns them and deployments/<chainId>.json lists them).
 */
export const poolConfigKeys = [
  'maxActiveProvers',
  'rewardFloorBps',
  'rewardCapBps',
  'rewardRangeMinBps',
  'rewardRangeMaxBps',
  'openRewardBps',
  'feeSmoothing',
  'delaySmoothing',
  'proofWindowMultiplier',
  'minProofWindow',
  'maxProofWindow',
  'slashBps',
  'minSlashRewardMultiple',
  'rewardChangeCooldown',
  'exitDelay',
  'maxExitsPerDay',
  'maxOpenBlocks',
  'baseMinStake',
  'baseMinCapacity',
  'targetBacklog',
  'perfBonusFastBps',
  'perfBonusBps',
  'stabilizationBonusBps',
  'congestionBacklog',
  'minAvailableProvers',
  'batchingBacklog',
  'batchDivisor',
  'maxBatchSize',
  'minGasPerBlock',
  'configDelay',
] as const

/** One `Config` field's name. */
export type PoolConfigKey = (typeof poolConfigKeys)[number]
