import type { Address, ContractFunctionReturnType, Hex } from 'viem'
// Type-only imports: the ABIs are the source of the read shapes, and no bytes of them ship with pool-math.
import type { blockProtocolAbi } from '../../contracts-abi/BlockProtocol'
import type { proverPoolLensAbi } from '../../contracts-abi/ProverPoolLens'

/** Mirrors `enum EmergencyReason` in contracts/PoolTypes.sol (`None` = emergency mode off). */
export const EmergencyReason = { None: 0, Congestion: 1, ProverFailure: 2 } as const
export type EmergencyReason = (typeof EmergencyReason)[keyof typeof EmergencyReason]

/** Mirrors `enum StakerStatus` in contracts/PoolTypes.sol. */
export const StakerStatus = { None: 0, Active: 1, Exiting: 2, Evicted: 3 } as const
export type StakerStatus = (typeof StakerStatus)[keyof typeof StakerStatus]

// The ABI types enums as `number`; these check a decoded number against the enum (no cast: an unknown
// number is a lens the model does not mirror, and says so).
const stakerStatuses = Object.values(StakerStatus)
const emergencyReasons = Object.values(EmergencyReason)

/** A decoded `StakerStatus`; throws on a number the contracts do not define. */
export function stakerStatusOf(status: number): StakerStatus {
  const known = stakerStatuses.find((s) => s === status)
  if (known === undefined) throw new RangeError(`Unknown StakerStatus ${status}`)
  return known
}

/** A decoded `EmergencyReason`; throws on a number the contracts do not define. */
export function emergencyReasonOf(reason: number): EmergencyReason {
  const known = emergencyReasons.find((r) => r === reason)
  if (known === undefined) throw new RangeError(`Unknown EmergencyReason ${reason}`)
  return known
}

/**
 * `getStaker(prover)` of the core (`struct StakerInfo`) exactly as viem decodes it from the ABI. `slot` is
 * 1-based, 0 when not active; `outstandingBlocks` are assigned and not yet proven (its current capacity
 * is `max(0, maxCapacity - outstandingBlocks)`); `rewards` are claimable, `owedRewards` what the treasury
 * could not pay yet (paid first once it is refilled). `status` is a `StakerStatus` number.
 */
export type StakerInfo = ContractFunctionReturnType<typeof blockProtocolAbi, 'view', 'getStaker'>

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

/**
 * `ProverPoolLens.getPool`'s result exactly as viem decodes it from the ABI (contracts-abi/, generated from
 * the contracts): the pool in one read, bounded whatever the number of stakers ever seen (the active
 * provers only, in slot order; `getStakers` pages through everyone). The dashboard, the previews and
 * `PoolModel.fromView` all take this one shape; enums stay numbers (`StakerStatus`, `EmergencyReason`)
 * and become words only where displayed (lib/format/status.ts). Nothing scheduled: `pendingConfigAt` is 0
 * and `pendingConfig` all zero.
 */
export type PoolView = ContractFunctionReturnType<typeof proverPoolLensAbi, 'view', 'getPool'>

/** One prover row of the lens (`struct ProverView`), from `getPool` or a `getStakers` page. */
export type ProverView = PoolView['provers'][number]
