// The contracts' fixed bounds and units, apart from the configurations (config.ts): the display
// pages need BPS or STAKE_UNIT, not the default and demo configurations beside them.

/** Basis points denominator. */
export const BPS = 10_000n
/** Active slots in contract storage. */
export const MAX_SLOTS = 32
/** Stake counts in whole TKO for weight and requirements (ProverPool packs `stakeUnits` as uint32). */
export const STAKE_UNIT = 10n ** 18n
/** Largest capacity a prover may state (uint8 in storage). */
export const MAX_CAPACITY = 255n
/** Largest reward per gas R, and so largest F (uint64; SPEC Revision 2.6). */
export const MAX_REWARD_PER_GAS = 2n ** 64n - 1n
/** Largest starting average proof delay (uint48 milliseconds). */
export const MAX_AVG_PROOF_DELAY_MS = 2n ** 48n - 1n
/** Largest stake in whole TKO (uint32 in storage). */
export const MAX_STAKE_UNITS = 2n ** 32n - 1n
/** Largest `gasUsed` of a proposal (uint32 argument). */
export const MAX_GAS_USED = 2n ** 32n - 1n
/**
 * Largest exact stake in wei, `(2^32) * 1e18 - 1` (`stake / 1e18 <= MAX_STAKE_UNITS`): the bound checked
 * and reported by `ProverPoolStakeTooHigh(stake, max)`.
 */
export const MAX_STAKE = (MAX_STAKE_UNITS + 1n) * STAKE_UNIT - 1n
/** Length of the exit-limit day (`day = timestamp / 86_400`, UTC days). */
export const SECONDS_PER_DAY = 86_400n
