import { formatDecimal, formatInteger } from '@/lib/format/decimal'
import { type DecimalMark, parseDecimalInput } from '@/lib/format/decimal-input'
import { formatPerGas, PER_GAS_DECIMALS } from '@/lib/format/per-gas'
import { parsePerGas } from '@/lib/format/per-gas-input'
import { MAX_CAPACITY, MAX_STAKE, STAKE_UNIT } from '@/lib/pool-math/constants'
import { minStakeUnits } from '@/lib/pool-math/minStakeUnits'
import { quantiseStake } from '@/lib/pool-math/quantiseStake'
import { stakeUnits } from '@/lib/pool-math/stakeUnits'

/**
 * The stake page's input checks, run before anything is signed. Each failure says what is wrong and
 * the allowed range. Units: stake amounts in TKO (18 decimals); reward per gas `R` in gwei of TKO per
 * gas, as everywhere the app shows it (up to 9 decimals: every wei per gas, no rounding; a comma
 * decimal where the reader's locale writes one); capacity in whole blocks.
 */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: string }

export const TKO_DECIMALS = 18

const DECIMAL = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value })
const fail = <T>(error: string): FieldResult<T> => ({ ok: false, error })

/** TKO wei for display in messages: '1,234.5 TKO'. */
export function tkoText(wei: bigint): string {
  return `${formatDecimal(wei, TKO_DECIMALS, 4)} TKO`
}

/**
 * Parses a TKO amount as typed ("2500", "2,500.25", ".5"; "2.500,25" where the comma is the decimal
 * mark: lib/format/decimal-input); says why when it is not one.
 */
export function parseTkoAmount(
  text: string,
  what = 'The amount',
  mark: DecimalMark = '.',
): FieldResult<bigint> {
  const value = text.trim()
  const parsed = parseDecimalInput(value, TKO_DECIMALS, mark)
  if (parsed.ok) return ok(parsed.value)
  if (parsed.reason === 'empty') return fail(`${what} is empty: enter TKO, e.g. 2500.`)
  if (parsed.reason === 'too-many-decimals')
    return fail(`TKO has ${TKO_DECIMALS} decimals: "${value}" has ${parsed.decimals} digits after the point.`)
  return fail(
    `"${value}" is not a number: enter TKO as digits with an optional decimal mark, e.g. 2500${mark}5.`,
  )
}

export type StakeAmountLimits = {
  /** Current dynamic minimum (wei; compared with the whole-TKO part of the stake). */
  minStake: bigint
  /** The connected account's TKO balance; `undefined` when unknown (not connected yet). */
  balance: bigint | undefined
}

/** The amount of a new stake: a number, ≤ 18 decimals, > 0, ≤ balance, whole TKO ≥ minimum. */
export function validateStakeAmount(
  text: string,
  { minStake, balance }: StakeAmountLimits,
  mark: DecimalMark = '.',
): FieldResult<bigint> {
  const parsed = parseTkoAmount(text, 'The stake amount', mark)
  if (!parsed.ok) return parsed
  const amount = parsed.value
  const min = minStakeUnits({ minStake })
  const range =
    balance === undefined
      ? `at least ${formatInteger(min)} TKO`
      : balance >= min * STAKE_UNIT
        ? `${formatInteger(min)} to ${tkoText(balance)}`
        : `at least ${formatInteger(min)} TKO, and you have ${tkoText(balance)}`
  if (amount === 0n) return fail(`The stake must be more than 0 TKO: allowed ${range}.`)
  if (balance !== undefined && amount > balance) {
    return fail(`${tkoText(amount)} is more than your balance of ${tkoText(balance)}: allowed ${range}.`)
  }
  if (quantiseStake({ stake: amount }) < minStake) {
    return fail(
      `The minimum stake now is ${formatInteger(min)} TKO, and only whole TKO count (this counts as ${formatInteger(stakeUnits({ stake: amount }))} TKO): allowed ${range}.`,
    )
  }
  if (amount > MAX_STAKE) return fail(`At most ${tkoText(MAX_STAKE)} per prover.`)
  return ok(amount)
}

/** A top-up: a number, ≤ 18 decimals, > 0, ≤ balance (a top-up has no minimum). */
export function validateTopUpAmount(
  text: string,
  { balance }: { balance: bigint | undefined },
  mark: DecimalMark = '.',
): FieldResult<bigint> {
  const parsed = parseTkoAmount(text, 'The top-up amount', mark)
  if (!parsed.ok) return parsed
  const range = balance === undefined ? 'more than 0 TKO' : `more than 0 TKO, up to ${tkoText(balance)}`
  if (parsed.value === 0n) return fail(`The top-up must be more than 0 TKO: allowed ${range}.`)
  if (balance !== undefined && parsed.value > balance) {
    return fail(
      `${tkoText(parsed.value)} is more than your balance of ${tkoText(balance)}: allowed ${range}.`,
    )
  }
  return ok(parsed.value)
}

function parseWhole(text: string): FieldResult<bigint> & { decimals?: boolean } {
  const value = text.trim()
  const match = DECIMAL.exec(value)
  if (!match) return { ok: false, error: '' }
  const fraction = match[2] ?? match[3] ?? ''
  if (fraction.replace(/0+$/, '') !== '') return { ok: false, error: '', decimals: true }
  return ok(BigInt(match[1] ?? '0'))
}

export type RewardPerGasLimits = { min: bigint; max: bigint; feePerGas: bigint }

const gwei = (weiPerGas: bigint) => formatPerGas(weiPerGas, { maxFractionDigits: PER_GAS_DECIMALS })

/** R typed in gwei per gas ("0.95", or "0,95" where the comma is the decimal mark), inside F/2 … 2F. */
export function validateRewardPerGas(
  text: string,
  { min, max, feePerGas }: RewardPerGasLimits,
  mark: DecimalMark = '.',
): FieldResult<bigint> {
  const range = `between ${gwei(min)} and ${gwei(max)} per gas (F/2 to 2F; F is ${gwei(feePerGas)} now)`
  const value = text.trim()
  const parsed = parsePerGas(value, mark)
  if (!parsed.ok) {
    if (parsed.reason === 'empty') return fail(`The reward per gas is empty: enter gwei per gas ${range}.`)
    return fail(
      parsed.reason === 'too-many-decimals'
        ? `Reward per gas has at most 9 decimals in gwei (1 wei per gas is 0.000000001 gwei). Allowed: ${range}.`
        : `"${value}" is not a number: enter gwei per gas ${range}.`,
    )
  }
  if (parsed.value === 0n) return fail(`The reward per gas must be more than 0: allowed ${range}.`)
  if (parsed.value < min || parsed.value > max) {
    return fail(`${gwei(parsed.value)} per gas is outside the allowed range: it must be ${range}.`)
  }
  return ok(parsed.value)
}

/**
 * Capacity in whole blocks, in `[minCapacity(backlog), 255]`; with `allowZero` (a change of an active
 * prover's capacity) also 0, which stops new assignments at once (SPEC Revision 2.7).
 */
export function validateCapacity(
  text: string,
  { min, allowZero = false }: { min: bigint; allowZero?: boolean },
): FieldResult<bigint> {
  const range = `${allowZero ? '0, or ' : ''}between ${min} and ${MAX_CAPACITY} blocks (the minimum follows the backlog)`
  const value = text.trim()
  if (value === '')
    return fail(`The capacity is empty: enter how many unproven blocks you can hold, ${range}.`)
  const parsed = parseWhole(value)
  if (!parsed.ok) {
    return fail(
      parsed.decimals
        ? `Capacity is a whole number of blocks: no decimals. Allowed: ${range}.`
        : `"${value}" is not a number: enter a whole number of blocks ${range}.`,
    )
  }
  if (parsed.value === 0n) {
    if (allowZero) return ok(0n)
    return fail(`The capacity must be more than 0: allowed ${range}.`)
  }
  if (parsed.value < min)
    return fail(`Capacity ${parsed.value} is below the minimum ${min}: allowed ${range}.`)
  if (parsed.value > MAX_CAPACITY)
    return fail(`Capacity ${parsed.value} is above ${MAX_CAPACITY}: allowed ${range}.`)
  return ok(parsed.value)
}
