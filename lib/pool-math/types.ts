import type { Address } from 'viem'
import type { PoolConfig } from './config'

/** Mirrors `enum EmergencyReason` in contracts/PoolTypes.sol (`None` = emergency mode off). */
export const EmergencyReason = { None: 0, Congestion: 1, ProverFailure: 2 } as const
export type EmergencyReason = (typeof EmergencyReason)[keyof typeof EmergencyReason]

/** Mirrors `enum StakerStatus` in contracts/PoolTypes.sol. */
export const StakerStatus = { None: 0, Active: 1, Exiting: 2, Evicted: 3 } as const
export type StakerStatus = (typeof StakerStatus)[keyof typeof StakerStatus]

/** Mirrors `struct StakerInfo` (`getStaker`). `slot` is 1-based, 0 when not active. */
export type StakerInfo = {
  prover: Address
  status: StakerStatus
  slot: bigint
  stake: bigint
  rewardPerGas: bigint
  currentCapacity: bigint
  maxCapacity: bigint
  deposited: bigint
  slashed: bigint
  exitAmount: bigint
  exitUnlocksAt: bigint
  rewards: bigint
  lastRewardChangeAt: bigint
  lastCapacityChangeAt: bigint
}

/** Mirrors `struct BlockInfo` (`getBlock`). */
export type BlockInfo = {
  blockId: bigint
  assignedProver: Address
  proposedAt: bigint
  gasUsed: bigint
  feePerGas: bigint
  rewardPerGas: bigint
  proofWindow: bigint
  /** Average proof delay at proposal, milliseconds. */
  avgProofDelayMs: bigint
  provenAt: bigint
  prover: Address
  open: boolean
  proven: boolean
  slashed: boolean
}

/** Mirrors `struct ProverView`: one prover row of the lens. */
export type ProverView = {
  prover: Address
  status: StakerStatus
  slot: bigint
  stake: bigint
  rewardPerGas: bigint
  currentCapacity: bigint
  maxCapacity: bigint
  weight: bigint
  healthBps: bigint
  deposited: bigint
  slashed: bigint
  exitAmount: bigint
  exitUnlocksAt: bigint
  unclaimedRewards: bigint
  lastRewardChangeAt: bigint
  lastCapacityChangeAt: bigint
}

/** Mirrors `struct PoolView` (`ProverPoolLens.getPool`): the whole pool in one read. */
export type PoolView = {
  config: PoolConfig
  token: Address
  chainBlockNumber: bigint
  chainTimestamp: bigint
  feePerGas: bigint
  /** Average proof delay, milliseconds. */
  avgProofDelayMs: bigint
  proofWindow: bigint
  backlog: bigint
  openBlocks: bigint
  nextBlockId: bigint
  emergency: boolean
  emergencyReason: EmergencyReason
  batchSize: bigint
  minStake: bigint
  minCapacity: bigint
  activeProvers: bigint
  totalStaked: bigint
  treasury: bigint
  exitsToday: bigint
  provers: readonly ProverView[]
}
