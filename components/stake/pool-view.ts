import type { Pool } from '@/lib/chain/types'
import { EmergencyReason, type PoolView, StakerStatus } from '@/lib/pool-math/types'

const statuses = {
  none: StakerStatus.None,
  active: StakerStatus.Active,
  exiting: StakerStatus.Exiting,
  evicted: StakerStatus.Evicted,
} as const

const reasons = {
  none: EmergencyReason.None,
  congestion: EmergencyReason.Congestion,
  'prover-failure': EmergencyReason.ProverFailure,
} as const

/**
 * The dashboard's `Pool` (lib/chain, words for enums) back in the lens's own shape (`PoolView`,
 * lib/pool-math), the input of `previewStake`, `previewChange` and `PoolModel.fromView`. No arithmetic.
 */
export function toPoolView(pool: Pool): PoolView {
  return {
    config: pool.config,
    token: pool.token,
    chainBlockNumber: pool.blockNumber,
    chainTimestamp: pool.timestamp,
    feePerGas: pool.feePerGas,
    avgProofDelayMs: pool.avgProofDelayMs,
    proofWindow: pool.proofWindow,
    backlog: pool.backlog,
    openBlocks: pool.openBlocks,
    nextBlockId: pool.nextBlockId,
    emergency: pool.emergency,
    emergencyReason: reasons[pool.emergencyReason],
    batchSize: pool.batchSize,
    minStake: pool.minStake,
    minCapacity: pool.minCapacity,
    activeProvers: pool.activeProvers,
    totalStaked: pool.totalStaked,
    treasury: pool.treasury,
    exitsToday: pool.exitsToday,
    provers: pool.provers.map((p) => ({
      prover: p.address,
      status: statuses[p.status],
      slot: BigInt(p.slot),
      stake: p.stake,
      rewardPerGas: p.rewardPerGas,
      currentCapacity: p.currentCapacity,
      maxCapacity: p.maxCapacity,
      weight: p.weight,
      healthBps: p.healthBps,
      deposited: p.deposited,
      slashed: p.slashed,
      exitAmount: p.exitAmount,
      exitUnlocksAt: p.exitUnlocksAt,
      unclaimedRewards: p.unclaimedRewards,
      lastRewardChangeAt: p.lastRewardChangeAt,
      lastCapacityChangeAt: p.lastCapacityChangeAt,
    })),
  }
}
