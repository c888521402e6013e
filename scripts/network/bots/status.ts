/**
 * Status: every half minute, one line with the pool's vital signs and the run's counters.
 */
import { formatDurationMs } from '../../../lib/format/time'
import { bots } from '../config'
import { bold, dim, event } from '../log'
import { gwei, type Network } from '../network'

export function startStatus(network: Network): void {
  const startFee = network.hasPool ? network.pool.feePerGas : 0n
  network.scheduler.add({
    name: 'status',
    periodMs: () => bots.statusEveryMs,
    run: async () => {
      if (!network.hasPool) return
      const p = network.pool
      const s = network.stats
      const drift =
        startFee > 0n ? (Number(((p.feePerGas - startFee) * 1_000_000n) / startFee) / 10_000).toFixed(3) : '0'
      event(
        dim('status'),
        [
          `${bold(network.phase)}`,
          `chain block ${p.chainBlockNumber}`,
          `blocks ${s.proposed} proposed / ${s.proven} proven (${s.late} late, ${s.open} open)`,
          `backlog ${p.backlog} (open ${p.openBlocks})`,
          `F ${gwei(p.feePerGas)} (${Number(drift) >= 0 ? '+' : ''}${drift} %)`,
          `avg delay ${formatDurationMs(p.avgProofDelayMs)}, window ${p.proofWindow} s`,
          `active ${p.activeProvers}/${p.config.maxActiveProvers}`,
          `emergency ${p.emergency ? 'ON' : 'off'}, batch ${p.batchSize}`,
          `slashes ${s.slashes}, evictions ${s.evictions}, batches ${s.batches}, claims ${s.claims}`,
        ].join(' · '),
      )
    },
  })
}
