'use client'

import { useConnection } from '@/lib/chain/hooks'
import { formatBlockNumber } from '@/lib/format/time'
import { formatAge, staleSources } from '@/lib/freshness/freshness'
import { useFreshness, useNow } from '@/lib/freshness/hooks'

const labels = {
  connecting: 'Connecting…',
  live: 'Live',
  stale: 'Stale data',
  lost: 'Connection lost',
  unconfigured: 'Not deployed',
} as const

const dots = {
  connecting: 'bg-slate-400',
  live: 'bg-emerald-600',
  stale: 'bg-amber-500',
  lost: 'bg-red-600',
  unconfigured: 'bg-amber-500',
} as const

/**
 * Chain, latest block and RPC connection state, in the header of every page. The block number
 * comes from the shared block-number query (one poll for the whole page). "Live" only while every
 * data source of the page reads fine: when one fails (lib/freshness), the header says "Stale data"
 * and how old the oldest shown data is, until the source reads again.
 */
export function NetworkStatus({ chainName, chainId }: { chainName: string; chainId: number }) {
  const { status: connection, blockNumber } = useConnection()
  const stale = staleSources(useFreshness())
  const status = connection === 'live' && stale.length > 0 ? 'stale' : connection
  const oldest = stale[0]?.[1]
  const now = useNow(1_000, status === 'stale')
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
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${dots[status]}`} />
        <span className="font-medium text-slate-900" aria-live="polite">
          {labels[status]}
        </span>
        {status === 'stale' && oldest ? (
          <span className="text-slate-600">(data {formatAge(oldest.dataAt, now)} old)</span>
        ) : null}
      </span>
    </div>
  )
}
