import { defaultConfig, type PoolConfig } from './config'

export type NextAvgProofDelayParameters = {
  /** Current average proof delay (seconds). */
  avgProofDelay: bigint
  /** This proof's delay, `now - proposedAt` (seconds). */
  delay: bigint
}
export type NextAvgProofDelayReturnType = bigint

/**
 * `(avg*(delaySmoothing-1) + delay) / delaySmoothing`, rounded down. Applied only when the assigned prover
 * proves inside its window. Mirrors `PoolMath.nextAvgProofDelay` in contracts/PoolMath.sol.
 */
export function nextAvgProofDelay(
  { avgProofDelay, delay }: NextAvgProofDelayParameters,
  config: PoolConfig = defaultConfig,
): NextAvgProofDelayReturnType {
  return (avgProofDelay * (config.delaySmoothing - 1n) + delay) / config.delaySmoothing
}
