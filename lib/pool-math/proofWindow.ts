import { defaultConfig, type PoolConfig } from './config'
import { clamp } from './internal/clamp'

export type ProofWindowParameters = {
  /** Average proof delay at proposal, in milliseconds. */
  avgProofDelayMs: bigint
}
export type ProofWindowReturnType = bigint

/**
 * `clamp(avgMs*proofWindowMultiplier/1000, minProofWindow, maxProofWindow)` in seconds (the division by
 * 1000 rounds down; the average is kept in milliseconds).
 * Fixed for a block at its proposal. Mirrors `PoolMath.proofWindow` in contracts/PoolMath.sol.
 */
export function proofWindow(
  { avgProofDelayMs }: ProofWindowParameters,
  config: PoolConfig = defaultConfig,
): ProofWindowReturnType {
  return clamp(
    (avgProofDelayMs * config.proofWindowMultiplier) / 1000n,
    config.minProofWindow,
    config.maxProofWindow,
  )
}
