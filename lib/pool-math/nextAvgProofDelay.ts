import { defaultConfig, type PoolConfig } from './config'

export type NextAvgProofDelayParameters = {
  /** Current average proof delay (the pool keeps it in milliseconds). */
  avgProofDelay: bigint
  /** This proof's delay in the same unit (the pool passes `(now - proposedAt) * 1000`, milliseconds). */
  delay: bigint
}
export type NextAvgProofDelayReturnType = bigint

/**
 * `(avg*(delaySmoothing-1) + delay) / delaySmoothing`, rounded down. Applied only when the assigned prover
 * proves inside its window. Unit-agnostic: the pool applies it to milliseconds (`avgProofDelayMs`,
 * `delay * 1000`), so a proof faster than the average moves it by a fraction of a second instead of a whole one.
 * Mirrors `PoolMath.nextAvgProofDelay` in contracts/PoolMath.sol.
 */
export function nextAvgProofDelay(
  { avgProofDelay, delay }: NextAvgProofDelayParameters,
  config: PoolConfig = defaultConfig,
): NextAvgProofDelayReturnType {
  return (avgProofDelay * (config.delaySmoothing - 1n) + delay) / config.delaySmoothing
}
