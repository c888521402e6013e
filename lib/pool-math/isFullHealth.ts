import { BPS } from './constants'

/**
 * Whether a health (`healthBps`) is whole: nothing was ever slashed. `healthBps` floors, yet any slash
 * of at least one wei brings it below `BPS` (`(d - s) * BPS / d < BPS` ⇔ `s > 0`), so this is exactly
 * "never slashed"; the dashboard marks every other health.
 */
export function isFullHealth(healthBps: bigint): boolean {
  return healthBps >= BPS
}
