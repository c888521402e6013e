import { BlockDeadline } from '@/components/blocks/block-deadline'
import { AddressText, ProverLink } from '@/components/ui/address-link'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { table } from '@/components/ui/table'
import { type BlockRecord, blockStatus } from '@/lib/chain/history/blocks'
import { formatInteger } from '@/lib/format/decimal'
import { formatTko } from '@/lib/format/units'
import { proposalFee } from '@/lib/pool-math/proposalFee'
import { blockStatusTone } from './block-status-tone'

/**
 * L2 blocks with their proposer, assigned prover ("open" when none), gas, fee paid
 * (`proposalFee` of lib/pool-math), status, proof deadline and the reward paid for the proof.
 */
export function BlocksTable({
  records,
  now,
  caption,
  showProvenBy = false,
  className = '',
}: {
  records: readonly BlockRecord[]
  /** Chain time (unix seconds) deadlines are compared with. */
  now: bigint
  caption: string
  showProvenBy?: boolean
  /** Extra classes of the scrolling wrapper (e.g. `hidden md:block` beside cards). */
  className?: string
}) {
  if (records.length === 0) {
    return (
      <EmptyState title="No blocks yet">Blocks appear here as soon as a proposer submits one.</EmptyState>
    )
  }
  return (
    <div className={`${table.wrapper} ${className}`}>
      <table className={table.table}>
        <caption className={table.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.thNumeric}>
              Block
            </th>
            <th scope="col" className={table.th}>
              Proposer
            </th>
            <th scope="col" className={table.th}>
              Assigned prover
            </th>
            {showProvenBy ? (
              <th scope="col" className={table.th}>
                Proven by
              </th>
            ) : null}
            <th scope="col" className={table.thNumeric}>
              Gas used
            </th>
            <th scope="col" className={table.thNumeric}>
              Fee
            </th>
            <th scope="col" className={table.th}>
              Status
            </th>
            <th scope="col" className={table.th}>
              Deadline
            </th>
            <th scope="col" className={table.thNumeric}>
              Reward
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => {
            const status = blockStatus(r, now)
            return (
              <tr key={r.blockId.toString()} className={table.tr}>
                <td className={`${table.tdNumeric} font-medium`}>{r.blockId.toString()}</td>
                <td className={table.td}>
                  <AddressText address={r.proposer} />
                </td>
                <td className={table.td}>
                  {r.assignedProver ? (
                    <ProverLink address={r.assignedProver} />
                  ) : (
                    <span className="italic">open</span>
                  )}
                </td>
                {showProvenBy ? (
                  <td className={table.td}>{r.proof ? <ProverLink address={r.proof.prover} /> : '—'}</td>
                ) : null}
                <td className={table.tdNumeric}>{formatInteger(r.gasUsed)}</td>
                <td className={table.tdNumeric}>
                  {formatTko(proposalFee({ feePerGas: r.feePerGas, gasUsed: r.gasUsed }), {
                    maxFractionDigits: 6,
                  })}
                </td>
                <td className={table.td}>
                  <Badge tone={blockStatusTone[status]}>{status}</Badge>
                  {r.slashed !== null ? <span className="ml-1 text-xs text-red-800">slashed</span> : null}
                </td>
                <td className={table.td}>
                  <BlockDeadline deadline={r.proofDeadline} proven={r.proof !== null} now={now} />
                </td>
                <td className={table.tdNumeric}>
                  {r.proof ? formatTko(r.proof.reward, { maxFractionDigits: 6 }) : '—'}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
