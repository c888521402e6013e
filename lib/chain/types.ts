import type { Address } from 'viem'
import type { PoolConfig } from '@/lib/pool-math/config'

/**
 * What the server hands to the browser about the chain it reads (serialisable: no bigint, so it can
 * also travel through cookies, URLs and JSON). Built once per request from RPC_URL, CHAIN_ID and the
 * deployments file (lib/chain/settings.ts).
 */
export type ChainSettings = {
  chainId: number
  /**
   * JSON-RPC endpoint the browser talks to: the app's own route (`/api/rpc`) unless the operator set
   * PUBLIC_RPC_URL. Never the server's RPC_URL (it may carry a provider's API key).
   */
  rpcUrl: string
  /** Block explorer base URL for transaction links, `null` when the chain has none. */
  explorerUrl: string | null
  /** Whether the test-token faucet is on (local chain and enabled by the operator). */
  faucet: boolean
  addresses: { token: Address; protocol: Address; lens: Address; verifier: Address }
  /** Block of the deployment, as a decimal string; event history starts here. */
  deployBlock: string
}

/** Mirrors `StakerStatus` in contracts/PoolTypes.sol (as a word, for display and URLs). */
export type ProverStatus = 'none' | 'active' | 'exiting' | 'evicted'
export const proverStatuses = [
  'none',
  'active',
  'exiting',
  'evicted',
] as const satisfies readonly ProverStatus[]

/** Mirrors `EmergencyReason` in contracts/PoolTypes.sol. */
export type EmergencyReason = 'none' | 'congestion' | 'prover-failure'
export const emergencyReasons = [
  'none',
  'congestion',
  'prover-failure',
] as const satisfies readonly EmergencyReason[]

/** One prover of the lens (`ProverView`), amounts in wei, times in unix seconds. */
export type ProverEntry = {
  address: Address
  status: ProverStatus
  /** 1-based active slot, 0 when not active. */
  slot: number
  stake: bigint
  rewardPerGas: bigint
  currentCapacity: bigint
  maxCapacity: bigint
  /** Assigned to it and not yet proven. */
  outstandingBlocks: bigint
  /** Exact selection weight at the current F and backlog (0 if not active or not eligible). */
  weight: bigint
  healthBps: bigint
  deposited: bigint
  slashed: bigint
  exitAmount: bigint
  exitUnlocksAt: bigint
  unclaimedRewards: bigint
  /** Rewards the treasury could not pay yet (paid first once it is refilled). */
  owedRewards: bigint
  lastRewardChangeAt: bigint
  lastCapacityChangeAt: bigint
}

/** The whole pool at one block (`PoolView` of `ProverPoolLens.getPool`). */
export type Pool = {
  config: PoolConfig
  configVersion: bigint
  /** The config the owner scheduled, and from when anyone may apply it; null when none is scheduled. */
  pendingConfig: { config: PoolConfig; activatesAt: bigint } | null
  owner: Address
  token: Address
  blockNumber: bigint
  /** Chain time of `blockNumber` (unix seconds): the dashboard's "now". */
  timestamp: bigint
  feePerGas: bigint
  avgProofDelayMs: bigint
  /** Window a block proposed now would get (seconds). */
  proofWindow: bigint
  backlog: bigint
  openBlocks: bigint
  nextBlockId: bigint
  emergency: boolean
  emergencyReason: EmergencyReason
  /** `currentBatchSize()`: batching is on when > 1. */
  batchSize: bigint
  minStake: bigint
  minCapacity: bigint
  activeProvers: bigint
  totalStaked: bigint
  totalQueued: bigint
  treasury: bigint
  /** Σ rewards owed to provers that the treasury could not pay yet. */
  totalOwed: bigint
  exitsToday: bigint
  /** Every address that ever staked. */
  stakerCount: bigint
  /** The active provers, in slot order (the lens is bounded: exiting and evicted ones come from history). */
  provers: ProverEntry[]
}
