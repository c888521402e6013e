import { defaultConfig, type PoolConfig } from './config'
import { clamp } from './internal/clamp'

export type ProofWindowParameters = {
  /** Average proof delay (seconds) at proposal. */
  avgProofDelay: bigint
}
export type ProofWindowReturnType = bigint

/**
 * `clamp(avg*proofWindowMultiplier, minProofWindow, maxProofWindow)` in seconds, exact (no division).
 * Fixed for a block at its proposal. Mirrors `PoolMath.proofWindow` in contracts/PoolMath.sol.
 */
export function proofWindow(
  { avgProofDelay }: ProofWindowParameters,
  config: PoolConfig = defaultConfig,
): ProofWindowReturnType {
  return clamp(avgProofDelay * config.proofWindowMultiplier, config.minProofWindow, config.maxProofWindow)
}
