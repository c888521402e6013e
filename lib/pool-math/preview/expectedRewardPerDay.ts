import { defaultConfig, type PoolConfig } from '../config'
import { effectiveRewardPerGas } from '../effectiveRewardPerGas'
import { proofReward } from '../proofReward'
import { expectedBlocksPerDay } from './expectedBlocksPerDay'

export type ExpectedRewardPerDayParameters = {
  probability: number
  blocksPerDay: number
  /** The prover's stated R. */
  rewardPerGas: bigint
  /** Current F. */
  feePerGas: bigint
  /** Typical gas of a block. */
  gasUsed: bigint
  /** Typical proof delay (seconds) and average delay (milliseconds); with both, the performance bonus is included. */
  delay?: bigint
  avgProofDelayMs?: bigint
}

/**
 * Expected reward per day in wei for in-window proofs: `proofReward(inWindow, R' = effectiveRewardPerGas(R, F))`
 * times `expectedBlocksPerDay`. No stabilization bonus, no treasury cap. An estimate for display: the float
 * expectation is scaled by 1e9 and the product rounds down.
 */
export function expectedRewardPerDay(
  {
    probability,
    blocksPerDay,
    rewardPerGas,
    feePerGas,
    gasUsed,
    delay,
    avgProofDelayMs,
  }: ExpectedRewardPerDayParameters,
  config: PoolConfig = defaultConfig,
): bigint {
  const withBonus = delay !== undefined && avgProofDelayMs !== undefined
  const { total } = proofReward(
    {
      kind: 'inWindow',
      rewardPerGas: effectiveRewardPerGas({ rewardPerGas, feePerGas }, config),
      gasUsed,
      delay: withBonus ? delay : 1n,
      avgProofDelayMs: withBonus ? avgProofDelayMs : 0n,
      stabilized: false,
    },
    config,
  )
  const scale = 1_000_000_000n
  const blocks = BigInt(Math.round(expectedBlocksPerDay({ probability, blocksPerDay }) * 1e9))
  return (total * blocks) / scale
}
