import type { Address } from 'viem'

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
  BlockProtocolGasUsedOutOfRange: readonly [gasUsed: bigint, max: bigint]
  BlockProtocolTooManyOpenBlocks: readonly [openBlocks: bigint, maxOpenBlocks: bigint]
  BlockProtocolEmptyBatch: readonly []
  BlockProtocolBatchTooLarge: readonly [length: bigint, max: bigint]
  BlockProtocolProofRejected: readonly []
  BlockProtocolUnknownBlock: readonly [blockId: bigint, nextBlockId: bigint]
  BlockProtocolAlreadyProven: readonly [blockId: bigint]
  BlockProtocolNotAssignedProver: readonly [blockId: bigint, assigned: Address, deadline: bigint]
  BlockProtocolNothingToClaim: readonly []
  ProverPoolConfigInvalid: readonly [field: string]
  /** OpenZeppelin `Ownable` (updateConfig by anyone but the owner). */
  OwnableUnauthorizedAccount: readonly [account: Address]
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
  BlockProtocolGasUsedOutOfRange: (gas, max) => `Gas used ${gas} must be between 1 and ${max}.`,
  BlockProtocolTooManyOpenBlocks: (n, max) => `${n} open blocks are unproven (at most ${max}).`,
  BlockProtocolEmptyBatch: () => 'No blocks to prove.',
  BlockProtocolBatchTooLarge: (n, max) => `${n} blocks in one proof; at most ${max} now.`,
  BlockProtocolProofRejected: () => 'The verifier rejected the proof.',
  BlockProtocolUnknownBlock: (id, next) => `Block ${id} does not exist (next id ${next}).`,
  BlockProtocolAlreadyProven: (id) => `Block ${id} is already proven.`,
  BlockProtocolNotAssignedProver: (id, assigned, deadline) =>
    `Block ${id} is assigned to ${assigned} until ${deadline}.`,
  BlockProtocolNothingToClaim: () => 'No rewards to claim.',
  ProverPoolConfigInvalid: (field) => `The config field ${field} is out of bounds.`,
  OwnableUnauthorizedAccount: (account) => `${account} is not the owner.`,
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
