/**
 * The mechanism of SPEC.md in pure `bigint` TypeScript, mirroring the contracts to the wei
 * (docs/contracts.md, docs/pool-math.md). One function per file; this is the public surface.
 */

export { type BatchSizeParameters, type BatchSizeReturnType, batchSize } from './batchSize'
export {
  constructorArgumentNames,
  defaultConfig,
  defaultInitialState,
  demoConfig,
  demoInitialState,
  type PoolConfig,
} from './config'
export { type PoolConfigKey, poolConfigKeys } from './config-keys'
export { type ConfigBoundsReturnType, configBounds } from './configBounds'
export * from './constants'
export {
  type CurrentBatchSizeParameters,
  type CurrentBatchSizeReturnType,
  currentBatchSize,
} from './currentBatchSize'
export {
  type EffectiveRewardPerGasParameters,
  type EffectiveRewardPerGasReturnType,
  effectiveRewardPerGas,
} from './effectiveRewardPerGas'
export { emergencyExitBacklog } from './emergencyExitBacklog'
export {
  type ExitsTodayParameters,
  type ExitsTodayReturnType,
  exitDayOf,
  exitLimitResetsAt,
  exitsToday,
} from './exitsToday'
export { type HealthBpsParameters, type HealthBpsReturnType, healthBps } from './healthBps'
export { type IsCongestedParameters, isCongested } from './isCongested'
export {
  type EligibilityRequirements,
  eligibilityRequirements,
  type IsEligibleParameters,
  type IsEligibleReturnType,
  isEligible,
} from './isEligible'
export { isFullHealth } from './isFullHealth'
export { type MinCapacityParameters, type MinCapacityReturnType, minCapacity } from './minCapacity'
export { type MinStakeParameters, type MinStakeReturnType, minStake } from './minStake'
export {
  type MinStakeUnitsParameters,
  type MinStakeUnitsReturnType,
  minStakeUnits,
} from './minStakeUnits'
export {
  configFieldName,
  describePoolError,
  type PoolError,
  type PoolErrorArgs,
  type PoolErrorName,
  PoolModelError,
  poolErrorNames,
} from './model/errors'
export type { PoolEvent, PoolEventArgs, PoolEventName } from './model/events'
export * from './model/PoolModel'
export {
  type NextAvgProofDelayParameters,
  type NextAvgProofDelayReturnType,
  nextAvgProofDelay,
} from './nextAvgProofDelay'
export { type NextFeePerGasParameters, type NextFeePerGasReturnType, nextFeePerGas } from './nextFeePerGas'
export {
  type ExpectedBlocksPerDayParameters,
  expectedBlocksPerDay,
} from './preview/expectedBlocksPerDay'
export {
  type ExpectedRewardPerDayParameters,
  expectedRewardPerDay,
} from './preview/expectedRewardPerDay'
export {
  type PreviewChangeParameters,
  type PreviewChangeReturnType,
  type PreviewStanding,
  previewChange,
} from './preview/previewChange'
export {
  type PreviewStakeParameters,
  type PreviewStakeReturnType,
  previewStake,
} from './preview/previewStake'
export { compareRank, type RankedSlot, type RankOfParameters, rankOf, ranksAbove } from './preview/rankOf'
export { type SlotWeight, slotWeights } from './preview/slotWeights'
export {
  type ProofKind,
  type ProofRewardParameters,
  type ProofRewardReturnType,
  proofReward,
} from './proofReward'
export { type ProofWindowParameters, type ProofWindowReturnType, proofWindow } from './proofWindow'
export { type ProposalFeeParameters, type ProposalFeeReturnType, proposalFee } from './proposalFee'
export { type QuantiseStakeParameters, type QuantiseStakeReturnType, quantiseStake } from './quantiseStake'
export {
  type RewardPerGasBandParameters,
  type RewardPerGasBandReturnType,
  rewardPerGasBand,
} from './rewardPerGasBand'
export {
  type RewardPerGasRangeParameters,
  type RewardPerGasRangeReturnType,
  rewardPerGasRange,
} from './rewardPerGasRange'
export { type SeedWeightParameters, type SeedWeightReturnType, seedWeight } from './seedWeight'
export {
  type SelectionProbabilitiesParameters,
  type SelectionProbabilitiesReturnType,
  selectionProbabilities,
} from './selectionProbabilities'
export { type SelectionSeedParameters, type SelectionSeedReturnType, selectionSeed } from './selectionSeed'
export { type SelectProverParameters, type SelectProverReturnType, selectProver } from './selectProver'
export { type SlashAmountParameters, type SlashAmountReturnType, slashAmount } from './slashAmount'
export {
  type SlotWeightParameters,
  type SlotWeightReturnType,
  slotWeight,
  type WeightFormula,
} from './slotWeight'
export { type StakeUnitsParameters, type StakeUnitsReturnType, stakeUnits } from './stakeUnits'
export {
  type StandingWeightParameters,
  type StandingWeightReturnType,
  standingWeight,
} from './standingWeight'
export {
  type BlockInfo,
  EmergencyReason,
  emergencyReasonOf,
  type PoolView,
  type ProverView,
  type StakerInfo,
  StakerStatus,
  stakerStatusOf,
} from './types'
export { type ValidateConfigReturnType, validateConfig } from './validateConfig'
export { type WeightParameters, type WeightReturnType, weight } from './weight'
