import { StakerStatus } from '@/lib/pool-math/types'

/**
 * The chain's enums in words, for display, URLs (the leaderboard's `?status=`) and CSV. The pool itself
 * keeps the numbers the lens returns (`PoolView`); this is the only place they become words.
 */

/** A staker's status as a word, indexed by `enum StakerStatus` (contracts/PoolTypes.sol). */
export const proverStatuses = ['none', 'active', 'exiting', 'evicted'] as const
export type ProverStatus = (typeof proverStatuses)[number]

/** The word for a status number; 'none' for a number the contracts do not define. */
export function proverStatusWord(status: number): ProverStatus {
  return proverStatuses[status] ?? 'none'
}

/** A status for a badge: 'not staked' for `None` (never staked, or withdrew everything). */
export function proverStatusLabel(status: number): string {
  const word = proverStatusWord(status)
  return word === 'none' ? 'not staked' : word
}

/** The status number of a word (the inverse of `proverStatusWord`). */
export const proverStatusCode = {
  none: StakerStatus.None,
  active: StakerStatus.Active,
  exiting: StakerStatus.Exiting,
  evicted: StakerStatus.Evicted,
} as const satisfies Record<ProverStatus, StakerStatus>

/** An emergency reason in words, indexed by `enum EmergencyReason`; `None` means emergency mode is off. */
export const emergencyReasonWords = ['none', 'congestion', 'prover failure'] as const
export type EmergencyReasonWord = (typeof emergencyReasonWords)[number]

/** The words for an emergency reason number; 'none' for a number the contracts do not define. */
export function emergencyReasonWord(reason: number): EmergencyReasonWord {
  return emergencyReasonWords[reason] ?? 'none'
}
