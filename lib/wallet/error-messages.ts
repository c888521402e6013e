import type { Address } from 'viem'
import { shortAddress } from '@/lib/format/address'
import { formatInteger } from '@/lib/format/decimal'
import { formatPerGas, PER_GAS_DECIMALS } from '@/lib/format/per-gas'
import { formatClock, formatDuration } from '@/lib/format/time'
import { formatTko } from '@/lib/format/units'
import { configFieldName, type PoolErrorArgs, type PoolErrorName } from '@/lib/pool-math/model/errors'

/**
 * A custom error of the core or the token, by name and arguments, in the words the page shows
 * ("Your weight 1.2e21 is below the lowest active weight 3.4e21: …"). No ABI and no viem here: the
 * stake form's preview (PoolModel's errors) uses it before any wallet code has loaded;
 * lib/wallet/errors.ts decodes a revert and hands its name and arguments here.
 */

export type DescribeContext = {
  /** Chain time (unix seconds) to say "in 2 min" against; default: the error's own `now` or the wall clock. */
  now?: bigint | undefined
}

/** A weight (or any large integer) for reading: 1_234_000_000_000_000_000_000n → '1.2e21'. */
export function formatScientific(value: bigint): string {
  if (value < 1_000_000n && value > -1_000_000n) return formatInteger(value)
  return Number(value).toExponential(1).replace('e+', 'e')
}

/** A reward per gas in the unit the app uses everywhere (gwei per gas, every digit): '0.95 gwei'. */
export function formatWeiPerGas(value: bigint): string {
  return formatPerGas(value, { maxFractionDigits: PER_GAS_DECIMALS })
}

function inTime(at: bigint, now: bigint): string {
  const left = at > now ? at - now : 0n
  return `in ${formatDuration(left)} (at ${formatClock(at)} UTC)`
}

function wallClock(): bigint {
  return BigInt(Math.floor(Date.now() / 1000))
}

const tko = (wei: bigint) => formatTko(wei, { maxFractionDigits: 4 })

const poolMessages: {
  [name in PoolErrorName]: (args: PoolErrorArgs[name], context: Required<DescribeContext>) => string
} = {
  ProverPoolZeroAmount: () => 'The amount is zero: enter more than 0 TKO.',
  ProverPoolParametersDiffer: ([r, c]) =>
    `You are already staking: a top-up keeps your reward per gas (${formatWeiPerGas(r)}) and capacity (${c}). Change those with "Update reward per gas" or "Update capacity".`,
  ProverPoolRewardPerGasOutOfRange: ([r, min, max]) =>
    `Reward per gas ${formatWeiPerGas(r)} is outside the allowed range ${formatWeiPerGas(min)} – ${formatWeiPerGas(max)} (F/2 to 2F at the current fee).`,
  ProverPoolCapacityOutOfRange: ([c, min, max]) =>
    `Capacity ${c} is outside the allowed range ${min}–${max} blocks.`,
  ProverPoolStakeTooLow: ([amount, min]) =>
    `Your stake ${tko(amount)} is below the minimum stake ${tko(min)} (only whole TKO count).`,
  ProverPoolStakeTooHigh: ([amount, max]) =>
    `Your stake ${tko(amount)} is above the largest stake ${tko(max)}.`,
  ProverPoolWeightTooLow: ([weight, lowest]) =>
    `Your weight ${formatScientific(weight)} ${weight < lowest ? 'is below' : 'only equals'} the lowest active weight ${formatScientific(lowest)}: stake more or ask less reward (short by ${formatScientific(lowest - weight + 1n)}).`,
  ProverPoolNotActive: ([prover]) =>
    `${shortAddress(prover)} is not an active prover: stake first (after an exit or an eviction, stake again).`,
  ProverPoolCooldownActive: ([at, now]) =>
    `You changed this recently: it can change again ${inTime(at, now)}.`,
  ProverPoolExitLimitReached: ([n, max, resetsAt], { now }) =>
    `The daily exit limit is reached (${n} of ${max} exits today): it resets ${inTime(resetsAt, now)}.`,
  ProverPoolNothingToWithdraw: () => 'Nothing is queued for withdrawal.',
  ProverPoolExitLocked: ([at, now]) => `Your exit is still locked: it unlocks ${inTime(at, now)}.`,
  BlockProtocolGasUsedOutOfRange: ([gas, min, max]) =>
    `Gas used ${formatInteger(gas)} is out of range: ${formatInteger(min)} to ${formatInteger(max)}.`,
  BlockProtocolEmptyCommitment: () => 'A block needs a non-zero commitment.',
  BlockProtocolTooManyOpenBlocks: ([n, max]) => `${n} open blocks are waiting for a proof (at most ${max}).`,
  BlockProtocolEmptyBatch: () => 'No blocks to prove.',
  BlockProtocolBatchTooLarge: ([n, max]) => `${n} blocks in one proof; at most ${max} now.`,
  BlockProtocolProofRejected: ([id]) => `The verifier rejected the proof of block ${id}.`,
  BlockProtocolUnknownBlock: ([id, next]) => `Block ${id} does not exist (the next block id is ${next}).`,
  BlockProtocolAlreadyProven: ([id]) => `Block ${id} is already proven.`,
  BlockProtocolNotAssignedProver: ([id, assigned, deadline], { now }) =>
    `Block ${id} is assigned to ${shortAddress(assigned)}; others may prove it after its deadline, ${inTime(deadline, now)}.`,
  BlockProtocolNothingToClaim: () => 'You have no rewards to claim.',
  BlockProtocolOwedUnfunded: ([owed]) =>
    `You are owed ${tko(owed)} of rewards, but the treasury is empty right now: they are paid first once fees or slashes refill it — claim again later.`,
  BlockProtocolNoConfigScheduled: () => 'No config change is scheduled.',
  BlockProtocolConfigNotDue: ([at, now]) => `The scheduled config can be applied ${inTime(at, now)}.`,
  ProverPoolConfigInvalid: ([field, value, min, max]) =>
    `The config field ${configFieldName(field)} is ${formatInteger(value)}, outside its bounds ${formatInteger(min)}–${formatInteger(max)}.`,
  OwnableUnauthorizedAccount: ([account]) => `${shortAddress(account)} is not the owner of the contract.`,
  OwnableInvalidOwner: ([owner]) => `${shortAddress(owner)} cannot become the owner.`,
}

const tokenMessages: Record<
  string,
  (args: readonly unknown[], context: Required<DescribeContext>) => string
> = {
  ERC20InsufficientBalance: ([, balance, needed]) =>
    `Your TKO balance ${tko(balance as bigint)} is less than the ${tko(needed as bigint)} needed.`,
  ERC20InsufficientAllowance: ([, allowance, needed]) =>
    `The pool may spend only ${tko(allowance as bigint)} of your TKO, ${tko(needed as bigint)} needed: sign the permit or approve again.`,
  ERC2612ExpiredSignature: ([deadline]) =>
    `The permit signature expired at ${formatClock(deadline as bigint)} UTC: try again.`,
  ERC2612InvalidSigner: ([signer, owner]) =>
    `The permit was signed by ${shortAddress(signer as Address)}, not by the owner ${shortAddress(owner as Address)}.`,
  InvalidAccountNonce: () => 'The permit was already used: try again (a new one is signed).',
}

/** The sentence for a decoded custom error (pool, protocol or token). */
export function describeContractError(
  errorName: string,
  args: readonly unknown[] = [],
  { now }: DescribeContext = {},
): string {
  const context = { now: now ?? wallClock() }
  const pool = poolMessages[errorName as PoolErrorName] as
    | ((args: readonly unknown[], context: Required<DescribeContext>) => string)
    | undefined
  const sentence = pool ?? tokenMessages[errorName]
  if (sentence) return sentence(args, context)
  return `The contract refused: ${errorName}(${args.map(String).join(', ')}).`
}
