import { BlockDeadline } from '@/components/blocks/block-deadline'
import { blockStatusTone } from '@/components/blocks/block-status-tone'
import { AddressText, ProverLink } from '@/components/ui/address-link'
import { Badge } from '@/components/ui/badge'
import { type BlockRecord, blockStatus } from '@/lib/chain/history/blocks'
import { formatInteger } from '@/lib/format/decimal'
import { formatTko } from '@/lib/format/units'
import { proposalFee } from '@/lib/pool-math/proposalFee'

/**
 * Recent blocks below `md`: one card per block (id, status, assigned prover, gas, fee, deadline,
 * reward) instead of the table that scrolls sideways. The same records as the table, newest first.
 */
export function RecentBlocksCards({
  records,
  now,
  label,
  className = '',
}: {
  records: readonly BlockRecord[]
  /** Chain time (unix seconds) deadlines are compared with. */
  now: bigint
  label: string
  className?: string
}) {
  return (
    <ul aria-label={label} className={`space-y-2 ${className}`}>
      {records.map((r) => {
        const status = blockStatus(r, now)
        return (
          <li key={r.blockId.toString()} className="rounded-md border border-slate-200 bg-white p-3">
            <div className="flex items-center justify-between gap-2">
              <h3 className="font-semibold tabular">Block #{r.blockId.toString()}</h3>
              <span>
                <Badge tone={blockStatusTone[status]}>{status}</Badge>
                {r.slashed !== null ? <span className="ml-1 text-xs text-red-800">slashed</span> : null}
              </span>
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              <div>
                <dt className="text-xs text-slate-600">Assigned prover</dt>
                <dd>
                  {r.assignedProver ? (
                    <ProverLink address={r.assignedProver} />
                  ) : (
                    <span className="italic">open</span>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">Proposer</dt>
                <dd>
                  <AddressText address={r.proposer} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">Gas used</dt>
                <dd className="tabular">{formatInteger(r.gasUsed)}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">Fee</dt>
                <dd className="tabular">
                  {formatTko(proposalFee({ feePerGas: r.feePerGas, gasUsed: r.gasUsed }), {
                    maxFractionDigits: 6,
                  })}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">Deadline</dt>
                <dd className="tabular">
                  <BlockDeadline deadline={r.proofDeadline} proven={r.proof !== null} now={now} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">Reward</dt>
                <dd className="tabular">
                  {r.proof ? formatTko(r.proof.reward, { maxFractionDigits: 6 }) : '—'}
                </dd>
              </div>
            </dl>
          </li>
        )
      })}
    </ul>
  )
}
