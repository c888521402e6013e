import type { PoolConfigKey } from './config-keys'
import { STAKE_UNIT } from './constants'

// The configurations only. The field names are config-keys.ts and the units and storage bounds
// constants.ts: a page that needs a unit or the field names loads no configuration.
export type { PoolConfigKey }

/** The mechanism's parameters: `struct Config` field by field, every one a `uint256`. */
export type PoolConfig = { [K in PoolConfigKey]: bigint }

/** Names `ProverPoolConfigInvalid(field, …)` uses past the `Config` fields: the constructor's arguments. */
export const constructorArgumentNames = [
  'token',
  'initialFeePerGas',
  'initialAvgProofDelayMs',
  'verifier',
] as const

const TKO = STAKE_UNIT
const MINUTE = 60n
const HOUR = 60n * MINUTE
const DAY = 24n * HOUR

/** The spec's defaults (SPEC.md, Parameters), with production timing. Deployment-chosen values are ours. */
export const defaultConfig: PoolConfig = {
  maxActiveProvers: 32n,
  rewardFloorBps: 9_500n,
  rewardCapBps: 10_500n,
  rewardRangeMinBps: 5_000n,
  rewardRangeMaxBps: 20_000n,
  openRewardBps: 15_000n,
  feeSmoothing: 1_024n,
  delaySmoothing: 1_024n,
  proofWindowMultiplier: 3n,
  minProofWindow: 10n * MINUTE,
  maxProofWindow: 90n * MINUTE,
  slashBps: 100n,
  minSlashRewardMultiple: 4n,
  rewardChangeCooldown: DAY,
  exitDelay: 7n * DAY,
  maxExitsPerDay: 8n,
  maxOpenBlocks: 64n,
  baseMinStake: 10_000n * TKO,
  baseMinCapacity: 4n,
  targetBacklog: 64n,
  perfBonusFastBps: 1_000n,
  perfBonusBps: 500n,
  stabilizationBonusBps: 500n,
  congestionBacklog: 256n,
  minAvailableProvers: 4n,
  batchingBacklog: 128n,
  batchDivisor: 16n,
  maxBatchSize: 16n,
  minGasPerBlock: 1_000_000n,
  configDelay: 7n * DAY,
}

/** Starting fee per gas and average proof delay (milliseconds) for a production-like deployment. */
export const defaultInitialState = {
  feePerGas: 1_000_000_000n, // 1 gwei of TKO per gas
  avgProofDelayMs: 20n * MINUTE * 1000n, // 20 min in ms
} as const

/**
 * The local demo: the same mechanism with timing in seconds, so evictions, slashes, exits and
 * emergency mode all happen within minutes (DEVELOPERS.md, issue 4). Used by `npm start` and the e2e tests.
 */
export const demoConfig: PoolConfig = {
  ...defaultConfig,
  minProofWindow: 20n,
  maxProofWindow: 180n,
  rewardChangeCooldown: 120n,
  exitDelay: 300n,
  maxOpenBlocks: 24n,
  baseMinStake: 1_000n * TKO,
  baseMinCapacity: 2n,
  targetBacklog: 8n,
  congestionBacklog: 32n,
  minAvailableProvers: 3n,
  batchingBacklog: 16n,
  batchDivisor: 4n,
  maxBatchSize: 8n,
  minGasPerBlock: 100_000n,
  configDelay: 120n,
}

export const demoInitialState = {
  feePerGas: 1_000_000_000n,
  avgProofDelayMs: 12_000n, // 12 s
} as const
