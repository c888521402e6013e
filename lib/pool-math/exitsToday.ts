import { SECONDS_PER_DAY } from './constants'

export type ExitsTodayParameters = {
  /** The UTC day (`timestamp / 86400`) the count was taken on. */
  exitDay: bigint
  /** Voluntary exits counted on `exitDay`. */
  exitsToday: bigint
  /** Chain time (unix seconds) to read the count at. */
  now: bigint
}
export type ExitsTodayReturnType = bigint

/**
 * Voluntary exits already used on the UTC day of `now`: the count, or 0 once the day rolled (the daily
 * limit resets at 00:00 UTC). Mirrors `ProverPool.exitsToday` and the check in `requestExit`. A lens read
 * is already adjusted to its own block: pass `exitDay: exitDayOf(chainTimestamp)` with its `exitsToday`.
 */
export function exitsToday({ exitDay, exitsToday, now }: ExitsTodayParameters): ExitsTodayReturnType {
  return exitDayOf(now) === exitDay ? exitsToday : 0n
}

/** The UTC day a timestamp falls on (`block.timestamp / DAY` in contracts/ProverPool.sol). */
export function exitDayOf(timestamp: bigint): bigint {
  return timestamp / SECONDS_PER_DAY
}

/**
 * When the daily exit limit next resets: 00:00 UTC after `now` (the `resetsAt` of
 * `ProverPoolExitLimitReached`).
 */
export function exitLimitResetsAt(now: bigint): bigint {
  return (exitDayOf(now) + 1n) * SECONDS_PER_DAY
}
