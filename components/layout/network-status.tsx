'use client'

import { useConnection } from '@/lib/chain/hooks'
import { formatBlockNumber } from '@/lib/format/time'

const labels = {
  connecting: 'Connecting…',
  live: 'Live',
  lost: 'Connection lost',
  unconfigured: 'Not deployed',
} as const

const dots = {
  connecting: 'bg-slate-400',
  live: 'bg-emerald-600',
  lost: 'bg-red-600',
  unconfigured: 'bg-amber-500',
} as const

/**
 * Chain, latest block and RPC connection state, in the header of every page. The block number
 * comes from the shared block-number query (one poll for the whole page).
 */
export function NetworkStatus({ chainName, chainId }: { chainName: string; chainId: number }) {
  const { status, blockNumber } = useConnection()
  return (
    // One status region for the header (chain, block, connection). Not announced on every block:
    // only the connection state is a polite live region.
    <div
      role="status"
      aria-live="off"
      aria-label="Network status"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm"
    >
      <span>
        <span className="text-slate-600">Chain </span>
        <span className="font-medium text-slate-900">
          {chainName} <span className="text-slate-600">({chainId})</span>
        </span>
      </span>
      <span>
        <span className="text-slate-600">Block </span>
        <span className="font-medium text-slate-900 tabular" data-testid="latest-block">
          {blockNumber !== undefined ? formatBlockNumber(blockNumber) : '—'}
        </span>
      </span>
      <span className="inline-flex items-center gap-1.5" aria-live="polite">
        <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${dots[status]}`} />
        <span className="font-medium text-slate-900">{labels[status]}</span>
      </span>
    </div>
  )
}
