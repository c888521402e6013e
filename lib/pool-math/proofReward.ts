import { defaultConfig, type PoolConfig } from './config'
import { BPS } from './constants'

/** `inWindow`: the assigned prover inside its window. `open`: an open block. `late`: anyone after the window. */
export type ProofKind = 'inWindow' | 'open' | 'late'

export type ProofRewardParameters = {
  kind: ProofKind
  /** The block's `R'` snapshot (`F` at proposal for an open block). */
  rewardPerGas: bigint
  gasUsed: bigint
  /** `now - proposedAt` (seconds). Only read for `inWindow`. */
  delay: bigint
  /** The block's average-delay snapshot at proposal, in milliseconds. Only read for `inWindow`. */
  avgProofDelayMs: bigint
  /** Emergency mode at proof time, or a batch of two or more blocks. */
  stabilized: boolean
}
export type ProofRewardReturnType = {
  base: bigint
  performanceBonus: bigint
  stabilizationBonus: bigint
  /** `base + performanceBonus + stabilizationBonus`, before the treasury cap (`paid = min(total, treasury)`). */
  total: bigint
}

/**
 * The tiered reward for one proven block, in wei; each term rounds down on its own.
 * - `inWindow`: `base = R'*gasUsed`; bonus `base*perfBonusFastBps/BPS` if `2*delay*1000 <= avgMs`, else
 *   `base*perfBonusBps/BPS` if `delay*1000 <= avgMs`, else `0` (delay in seconds, avgMs in milliseconds).
 * - `open` / `late`: `base = R'*gasUsed*openRewardBps/BPS` (one division, after both products), no bonus.
 * - `stabilizationBonus = base*stabilizationBonusBps/BPS` when `stabilized`.
 * Mirrors `PoolMath.proofReward` in contracts/PoolMath.sol. The treasury cap is applied by the caller.
 */
export function proofReward(
  { kind, rewardPerGas, gasUsed, delay, avgProofDelayMs, stabilized }: ProofRewardParameters,
  config: PoolConfig = defaultConfig,
): ProofRewardReturnType {
  const inWindow = kind === 'inWindow'
  const base = inWindow ? rewardPerGas * gasUsed : (rewardPerGas * gasUsed * config.openRewardBps) / BPS
  let performanceBonus = 0n
  if (inWindow) {
    const delayMs = delay * 1000n
    if (2n * delayMs <= avgProofDelayMs) performanceBonus = (base * config.perfBonusFastBps) / BPS
    else if (delayMs <= avgProofDelayMs) performanceBonus = (base * config.perfBonusBps) / BPS
  }
  const stabilizationBonus = stabilized ? (base * config.stabilizationBonusBps) / BPS : 0n
  return { base, performanceBonus, stabilizationBonus, total: base + performanceBonus + stabilizationBonus }
}
