'use client'

import { useConnection } from '@/lib/chain/hooks'
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
  const { status } = useConnection()
  const stale = report?.failing === true && status !== 'lost'
  const now = useNow(1_000, stale)
  if (!report || !stale) return null
  return (
    <div className="mb-4 rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 text-amber-950">
      <p role="alert" className="font-semibold">
        Stale data: {what} could not be read. Retrying by itself.
      </p>
      <p className="mt-1 text-sm">
        Showing what was read at {new Date(report.dataAt).toLocaleTimeString()}
        {report.dataBlock !== undefined ? ` (block ${formatBlockNumber(report.dataBlock)})` : ''}:{' '}
        <span data-testid={`${source}-data-age`}>{formatAge(report.dataAt, now)} old</span>.
      </p>
    </div>
  )
}
