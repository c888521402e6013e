import { Notice } from '@/components/ui/notice'
import { formatInteger } from '@/lib/format/decimal'
import { formatBps } from '@/lib/format/percent'
import { emergencyReasonWord } from '@/lib/format/status'
import { emergencyExitBacklog } from '@/lib/pool-math/emergencyExitBacklog'
import { EmergencyReason, type PoolView } from '@/lib/pool-math/types'

/** What `ModeBanner` shows while emergency mode or batching is on (its own chunk: loaded only then). */
export default function ModeNotices({ pool }: { pool: PoolView }) {
  const { config } = pool
  const batching = pool.batchSize > 1n
  const bonus = formatBps(config.stabilizationBonusBps, 0)
  const openReward = `${formatBps(config.openRewardBps, 0)} of the base reward`
  return (
    <div className="space-y-3">
      {pool.emergency ? (
        <Notice
          tone="danger"
          live="status"
          title={`Emergency mode is on (${emergencyReasonWord(pool.emergencyReason)})`}
        >
          <p>
            {pool.emergencyReason === EmergencyReason.Congestion
              ? `The backlog reached ${formatInteger(config.congestionBacklog)} unproven blocks.`
              : 'An assigned prover missed its window while too few provers were available or the backlog was high.'}{' '}
            It ends when the backlog is at most {formatInteger(emergencyExitBacklog(config))} and at least{' '}
            {formatInteger(config.minAvailableProvers)} provers have capacity left.
          </p>
          <p>
            <strong>Provers:</strong> new blocks are not assigned; they are open and any prover may race to
            prove them, earning {openReward} plus a {bonus} stabilization bonus. Blocks already assigned keep
            their windows.
          </p>
          <p>
            <strong>Proposers:</strong> every new block is open. Proposals revert once{' '}
            {formatInteger(config.maxOpenBlocks)} open blocks are unproven (now{' '}
            {formatInteger(pool.openBlocks)}).
          </p>
        </Notice>
      ) : null}
      {batching ? (
        <Notice
          tone="warning"
          live="status"
          title={`Batching is on: up to ${pool.batchSize} blocks per proof`}
        >
          <p>
            {pool.emergency
              ? 'Emergency mode turns batching on.'
              : `The backlog (${formatInteger(pool.backlog)}) is at or above ${formatInteger(config.batchingBacklog)} blocks.`}{' '}
            <strong>Provers</strong> may prove several blocks in one transaction (proveBlocks), and a batch of
            two or more earns a {bonus} stabilization bonus on each block. <strong>Proposers</strong> are not
            affected: fees stay the same, and the backlog drains faster.
          </p>
        </Notice>
      ) : null}
    </div>
  )
}
