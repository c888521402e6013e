import type { Address } from 'viem'
import { constructorArgumentNames } from '../config'
import { poolConfigKeys } from '../config-keys'

/**
 * Every custom error a pool transition can revert with, by its Solidity name, with its arguments in ABI
 * order (as viem decodes `error.data.args`). docs/contracts.md, Rules as implemented.
 */
export type PoolErrorArgs = {
  ProverPoolZeroAmount: readonly []
  ProverPoolParametersDiffer: readonly [currentRewardPerGas: bigint, currentCapacity: bigint]
  ProverPoolRewardPerGasOutOfRange: readonly [rewardPerGas: bigint, min: bigint, max: bigint]
  ProverPoolCapacityOutOfRange: readonly [capacity: bigint, min: bigint, max: bigint]
  ProverPoolStakeTooLow: readonly [amount: bigint, minStake: bigint]
  ProverPoolStakeTooHigh: readonly [amount: bigint, max: bigint]
  ProverPoolWeightTooLow: readonly [weight: bigint, lowestWeight: bigint]
  ProverPoolNotActive: readonly [prover: Address]
  ProverPoolCooldownActive: readonly [availableAt: bigint, now: bigint]
  ProverPoolExitLimitReached: readonly [exitsToday: bigint, maxExitsPerDay: bigint, resetsAt: bigint]
  ProverPoolNothingToWithdraw: readonly []
  ProverPoolExitLocked: readonly [unlocksAt: bigint, now: bigint]
  BlockProtocolGasUsedOutOfRange: readonly [gasUsed: bigint, min: bigint, max: bigint]
  BlockProtocolEmptyCommitment: readonly []
  BlockProtocolTooManyOpenBlocks: readonly [openBlocks: bigint, maxOpenBlocks: bigint]
  BlockProtocolEmptyBatch: readonly []
  BlockProtocolBatchTooLarge: readonly [length: bigint, max: bigint]
  BlockProtocolProofRejected: readonly [blockId: bigint]
  BlockProtocolUnknownBlock: readonly [blockId: bigint, nextBlockId: bigint]
  BlockProtocolAlreadyProven: readonly [blockId: bigint]
  BlockProtocolNotAssignedProver: readonly [blockId: bigint, assigned: Address, deadline: bigint]
  BlockProtocolNothingToClaim: readonly []
  BlockProtocolOwedUnfunded: readonly [owed: bigint, treasury: bigint]
  BlockProtocolNoConfigScheduled: readonly []
  BlockProtocolConfigNotDue: readonly [activatesAt: bigint, now: bigint]
  /** `field` is the index in `struct Config` (30… the constructor's arguments, `constructorArgumentNames`). */
  ProverPoolConfigInvalid: readonly [field: bigint, value: bigint, min: bigint, max: bigint]
  /** OpenZeppelin `Ownable` / `Ownable2Step` (config and ownership calls by anyone but the owner). */
  OwnableUnauthorizedAccount: readonly [account: Address]
  /** OpenZeppelin `Ownable`: a new owner of address(0). */
  OwnableInvalidOwner: readonly [owner: Address]
}
export type PoolErrorName = keyof PoolErrorArgs

/** A decoded custom error: `{ name, args }`, narrowed by `name`. */
export type PoolError = { [name in PoolErrorName]: { name: name; args: PoolErrorArgs[name] } }[PoolErrorName]

const describe: { [name in PoolErrorName]: (...args: PoolErrorArgs[name]) => string } = {
  ProverPoolZeroAmount: () => 'The amount must be more than zero.',
  ProverPoolParametersDiffer: (r, c) =>
    `A top-up must restate the current reward per gas (${r}) and capacity (${c}).`,
  ProverPoolRewardPerGasOutOfRange: (r, min, max) =>
    `Reward per gas ${r} is outside the allowed range ${min}–${max}.`,
  ProverPoolCapacityOutOfRange: (c, min, max) => `Capacity ${c} is outside the allowed range ${min}–${max}.`,
  ProverPoolStakeTooLow: (amount, min) =>
    `Stake ${amount} wei is below the minimum ${min} wei (whole TKO count).`,
  ProverPoolStakeTooHigh: (amount, max) => `Stake ${amount} wei is above the maximum ${max} wei.`,
  ProverPoolWeightTooLow: (w, lowest) =>
    `Weight ${w} does not beat the lowest active weight ${lowest} (short by ${lowest - w + 1n}).`,
  ProverPoolNotActive: (prover) => `${prover} is not an active prover.`,
  ProverPoolCooldownActive: (at, now) => `Changed recently: possible again at ${at} (now ${now}).`,
  ProverPoolExitLimitReached: (n, max, at) => `${n} of ${max} exits used today; the limit resets at ${at}.`,
  ProverPoolNothingToWithdraw: () => 'Nothing is queued for withdrawal.',
  ProverPoolExitLocked: (at, now) => `The exit unlocks at ${at} (now ${now}).`,
  BlockProtocolGasUsedOutOfRange: (gas, min, max) => `Gas used ${gas} must be between ${min} and ${max}.`,
  BlockProtocolEmptyCommitment: () => 'A block needs a non-zero commitment.',
  BlockProtocolTooManyOpenBlocks: (n, max) => `${n} open blocks are unproven (at most ${max}).`,
  BlockProtocolEmptyBatch: () => 'No blocks to prove.',
  BlockProtocolBatchTooLarge: (n, max) => `${n} blocks in one proof; at most ${max} now.`,
  BlockProtocolProofRejected: (id) => `The verifier rejected the proof of block ${id}.`,
  BlockProtocolUnknownBlock: (id, next) => `Block ${id} does not exist (next id ${next}).`,
  BlockProtocolAlreadyProven: (id) => `Block ${id} is already proven.`,
  BlockProtocolNotAssignedProver: (id, assigned, deadline) =>
    `Block ${id} is assigned to ${assigned} until ${deadline}.`,
  BlockProtocolNothingToClaim: () => 'No rewards to claim.',
  BlockProtocolOwedUnfunded: (owed, treasury) =>
    `You are owed ${owed} wei of rewards, but the treasury holds ${treasury} wei: claim again once it is refilled.`,
  BlockProtocolNoConfigScheduled: () => 'No config change is scheduled.',
  BlockProtocolConfigNotDue: (at, now) => `The scheduled config applies from ${at} (now ${now}).`,
  ProverPoolConfigInvalid: (field, value, min, max) =>
    `The config field ${configFieldName(field)} is ${value}, outside its bounds ${min}–${max}.`,
  OwnableUnauthorizedAccount: (account) => `${account} is not the owner.`,
  OwnableInvalidOwner: (owner) => `${owner} cannot be the owner.`,
}

/** The name of `ProverPoolConfigInvalid`'s field index: a `Config` field, else a constructor argument. */
export function configFieldName(field: bigint): string {
  const i = Number(field)
  return poolConfigKeys[i] ?? constructorArgumentNames[i - poolConfigKeys.length] ?? `#${field}`
}

/** Every custom error name the model can throw: the contracts' own and OpenZeppelin's `OwnableUnauthorizedAccount`. */
export const poolErrorNames = Object.keys(describe) as PoolErrorName[]

/** The user-facing sentence for a pool error (the same words whether it came from the model or the chain). */
export function describePoolError(error: PoolError): string {
  return (describe[error.name] as (...args: readonly unknown[]) => string)(...error.args)
}

/**
 * A transition the contracts would revert. `errorName` and `args` equal the Solidity custom error;
 * the model's state is left untouched.
 */
export class PoolModelError extends Error {
  override name = 'PoolModelError'
  readonly errorName: PoolErrorName
  readonly args: PoolError['args']
  readonly shortMessage: string
  readonly details: string

  constructor(error: PoolError) {
    const shortMessage = describePoolError(error)
    const details = `${error.name}(${error.args.map(String).join(', ')})`
    super(`${shortMessage}\n\nDetails: ${details}`)
    this.errorName = error.name
    this.args = error.args
    this.shortMessage = shortMessage
    this.details = details
  }

  /** The error as a narrowable `{ name, args }` union. */
  get error(): PoolError {
    return { name: this.errorName, args: this.args } as PoolError
  }
}
