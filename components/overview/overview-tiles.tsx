'use client'

import { StaleNotice } from '@/components/layout/stale-notice'
import { PerGas } from '@/components/ui/per-gas'
import { Stat, StatGrid } from '@/components/ui/stat'
import { usePool } from '@/lib/chain/hooks'
import { formatInteger } from '@/lib/format/decimal'
import { emergencyReasonWord } from '@/lib/format/status'
import { formatDuration, formatDurationMs } from '@/lib/format/time'
import { formatTko } from '@/lib/format/units'
import { batchSize } from '@/lib/pool-math/batchSize'
import { isCongested } from '@/lib/pool-math/isCongested'
import type { PoolView } from '@/lib/pool-math/types'

/** The pool at a glance, live (one lens read per block, shared with the rest of the page). */
export function OverviewTiles({ initialPool }: { initialPool: PoolView }) {
  const { pool } = usePool(initialPool)
  const { config } = pool
  const batching = pool.batchSize > 1n
  return (
    <>
      <StaleNotice source="pool" what="the pool" />
      <StatGrid label="Pool state">
        <Stat
          label="Fee per gas"
          value={<PerGas value={pool.feePerGas} />}
          detail="TKO per gas, paid by proposers"
        />
        <Stat
          label="Average proof delay"
          value={formatDurationMs(pool.avgProofDelayMs)}
          detail={`moving average over ${formatInteger(config.delaySmoothing)} proofs`}
        />
        <Stat
          label="Proof window"
          value={formatDuration(pool.proofWindow)}
          detail={`${config.proofWindowMultiplier} × average, within ${formatDuration(config.minProofWindow)}–${formatDuration(config.maxProofWindow)}`}
        />
        <Stat
          label="Backlog"
          value={formatInteger(pool.backlog)}
          detail="proposed blocks not yet proven"
          tone={
            isCongested(pool, config)
              ? 'danger'
              : batchSize(pool, config) > 1n // batching by the backlog alone, not by emergency mode
                ? 'warning'
                : 'default'
          }
        />
        <Stat
          label="Open blocks"
          value={`${formatInteger(pool.openBlocks)} / ${formatInteger(config.maxOpenBlocks)}`}
          detail={`unproven open blocks, cap ${formatInteger(config.maxOpenBlocks)}`}
          tone={pool.openBlocks >= config.maxOpenBlocks ? 'danger' : 'default'}
        />
        <Stat
          label="Emergency mode"
          value={pool.emergency ? 'On' : 'Off'}
          detail={pool.emergency ? `reason: ${emergencyReasonWord(pool.emergencyReason)}` : 'reason: none'}
          tone={pool.emergency ? 'danger' : 'default'}
        />
        <Stat
          label="Batch size"
          value={formatInteger(pool.batchSize)}
          detail={
            batching
              ? `batching on: up to ${pool.batchSize} blocks per proof`
              : 'batching off: one block per proof'
          }
          tone={batching ? 'warning' : 'default'}
        />
        <Stat
          label="Minimum stake"
          value={formatTko(pool.minStake, { maxFractionDigits: 0 })}
          detail="to join now"
        />
        <Stat
          label="Minimum capacity"
          value={formatInteger(pool.minCapacity)}
          detail="unproven blocks a prover must hold"
        />
        <Stat
          label="Active provers"
          value={`${formatInteger(pool.activeProvers)} of ${formatInteger(config.maxActiveProvers)}`}
          detail="slots taken"
        />
        <Stat
          label="Total staked"
          value={formatTko(pool.totalStaked, { maxFractionDigits: 0 })}
          detail="by active provers"
        />
      </StatGrid>
    </>
  )
}
