import type { Address, Hex } from 'viem'
import type { PoolConfig } from '../config'
import type { EmergencyReason } from '../types'

/**
 * The events a transition emits, in emission order, with arguments in ABI order (docs/contracts.md and
 * SPEC.md, Events). Slots are 1-based as in the views.
 */
export type PoolEventArgs = {
  Staked: readonly [
    prover: Address,
    amount: bigint,
    totalStake: bigint,
    rewardPerGas: bigint,
    capacity: bigint,
    slot: bigint,
  ]
  RewardPerGasChanged: readonly [prover: Address, oldRewardPerGas: bigint, newRewardPerGas: bigint]
  CapacityChanged: readonly [prover: Address, oldCapacity: bigint, newCapacity: bigint]
  Evicted: readonly [prover: Address, by: Address, amount: bigint, unlocksAt: bigint]
  ExitRequested: readonly [prover: Address, amount: bigint, unlocksAt: bigint]
  Withdrawn: readonly [prover: Address, amount: bigint]
  Slashed: readonly [prover: Address, blockId: bigint, amount: bigint, remaining: bigint]
  BlockProposed: readonly [
    blockId: bigint,
    proposer: Address,
    assignedProver: Address,
    gasUsed: bigint,
    feePerGas: bigint,
    rewardPerGas: bigint,
    proofDeadline: bigint,
    commitment: Hex,
  ]
  BlockProven: readonly [
    blockId: bigint,
    prover: Address,
    reward: bigint,
    delay: bigint,
    late: boolean,
    open: boolean,
    batched: boolean,
  ]
  FeePerGasChanged: readonly [blockId: bigint, oldFeePerGas: bigint, newFeePerGas: bigint, timestamp: bigint]
  AvgProofDelayChanged: readonly [blockId: bigint, oldAvgProofDelayMs: bigint, newAvgProofDelayMs: bigint]
  EmergencyModeChanged: readonly [active: boolean, reason: EmergencyReason]
  RewardsClaimed: readonly [prover: Address, amount: bigint]
  RewardOwed: readonly [prover: Address, blockId: bigint, amount: bigint]
  OwedRewardsPaid: readonly [prover: Address, amount: bigint]
  TreasuryFunded: readonly [from: Address, amount: bigint]
  ConfigUpdated: readonly [version: bigint, config: PoolConfig]
  ConfigScheduled: readonly [config: PoolConfig, activatesAt: bigint]
  ConfigCancelled: readonly [activatesAt: bigint]
  OwnershipTransferStarted: readonly [previousOwner: Address, newOwner: Address]
  OwnershipTransferred: readonly [previousOwner: Address, newOwner: Address]
}
export type PoolEventName = keyof PoolEventArgs
export type PoolEvent = {
  [name in PoolEventName]: { eventName: name; args: PoolEventArgs[name] }
}[PoolEventName]
