import { BPS } from './constants'

export type HealthBpsParameters = {
  /** Total ever deposited (wei). */
  deposited: bigint
  /** Total ever slashed (wei), `<= deposited`. */
  slashed: bigint
}
export type HealthBpsReturnType = bigint

/**
 * `(deposited - slashed) * BPS / deposited`, rounded down; `BPS` when nothing was deposited.
 * Mirrors `PoolMath.healthBps` in contracts/PoolMath.sol.
 */
export function healthBps({ deposited, slashed }: HealthBpsParameters): HealthBpsReturnType {
  if (deposited === 0n) return BPS
  return ((deposited - slashed) * BPS) / deposited
}
