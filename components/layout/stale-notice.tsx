'use client'

import { useConnection } from '@/lib/chain/hooks'
import { formatInteger } from '@/lib/format/decimal'
import { formatBlockNumber } from '@/lib/format/time'
import { formatAge } from '@/lib/freshness/freshness'
import { useNow, useSourceFreshness } from '@/lib/freshness/hooks'

/**
 * Says, over a panel, that its data is stale: the last read of `source` failed, so what is shown is
 * from an earlier block, this old. Disappears by itself when a read succeeds again. When the node
 * does not answer at all, the page-wide "Connection lost" notice says it instead.
 *
 * Generic: any data source that reports to lib/freshness (`useReportFreshness`) can have one.
 */
export function StaleNotice({ source, what }: { source: string; what: string }) {
  const report = useSourceFreshness(source)
  const { status, blockNumber } = useConnection()
  const stale = report?.failing === true && status !== 'lost'
  const now = useNow(1_000, stale)
  if (!report || !stale) return null
  // The indexer's history also says how far behind the chain it is (in blocks).
  const behind =
    source === 'history' &&
    report.dataBlock !== undefined &&
    blockNumber !== undefined &&
    blockNumber > report.dataBlock
      ? blockNumber - report.dataBlock
      : undefined
  return (
    <div className="mb-4 rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 text-amber-950">
      <p role="alert" className="font-semibold">
        {report.behind
          ? 'Behind the chain: the indexer is catching up. Updating by itself.'
          : `Stale data: ${what} could not be read. Retrying by itself.`}
      </p>
      {behind !== undefined ? (
        <p className="mt-1 text-sm" data-testid={`${source}-blocks-behind`}>
          {`The history is ${formatBlockCount(behind)} behind the chain`}
          {report.error ? ` (${report.error}).` : '.'}
        </p>
      ) : null}
      <p className="mt-1 text-sm">
        Showing what was read at {new Date(report.dataAt).toLocaleTimeString()}
        {report.dataBlock !== undefined ? ` (block ${formatBlockNumber(report.dataBlock)})` : ''}:{' '}
        <span data-testid={`${source}-data-age`}>{formatAge(report.dataAt, now)} old</span>.
      </p>
    </div>
  )
}

function formatBlockCount(n: bigint): string {
  return n === 1n ? '1 block' : `${formatInteger(n)} blocks`
}
