import type { Address, Hex } from 'viem'
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
  /** Assigned to it and not yet proven: its current capacity is `max(0, maxCapacity - outstandingBlocks)`. */
  outstandingBlocks: bigint
  deposited: bigint
  slashed: bigint
  exitAmount: bigint
  exitUnlocksAt: bigint
  /** Claimable rewards (paid by the treasury). */
  rewards: bigint
  /** Rewards the treasury could not pay yet (paid first once it is refilled). */
  owedRewards: bigint
  lastRewardChangeAt: bigint
  lastCapacityChangeAt: bigint
}

/** Mirrors `struct BlockInfo` (`getBlock`). */
export type BlockInfo = {
  blockId: bigint
  assignedProver: Address
  proposedAt: bigint
  gasUsed: bigint
  /** `R'` snapshot (F at proposal for an open block). */
  rewardPerGas: bigint
  /** Seconds, from the snapshot and the block's config version. */
  proofWindow: bigint
  /** Average proof delay at proposal, milliseconds. */
  avgProofDelayMs: bigint
  /** The config version whose rates the block keeps. */
  configVersion: bigint
  /** The commitment handed to the verifier with the block id. */
  commitment: Hex
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
  outstandingBlocks: bigint
  weight: bigint
  healthBps: bigint
  deposited: bigint
  slashed: bigint
  exitAmount: bigint
  exitUnlocksAt: bigint
  unclaimedRewards: bigint
  owedRewards: bigint
  lastRewardChangeAt: bigint
  lastCapacityChangeAt: bigint
}

/**
 * Mirrors `struct PoolView` (`ProverPoolLens.getPool`): the pool in one read, bounded whatever the number
 * of stakers ever seen (the active provers only; `getStakers` pages through everyone).
 */
export type PoolView = {
  config: PoolConfig
  configVersion: bigint
  /** The scheduled config (all zero when nothing is scheduled). */
  pendingConfig: PoolConfig
  /** When the scheduled config may apply; 0 when nothing is scheduled. */
  pendingConfigAt: bigint
  owner: Address
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
  totalQueued: bigint
  treasury: bigint
  totalOwed: bigint
  exitsToday: bigint
  /** Every address that ever staked. */
  stakerCount: bigint
  /** The active provers, in slot order. */
  provers: readonly ProverView[]
}
