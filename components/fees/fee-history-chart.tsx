'use client'

import { useMemo } from 'react'
import { HistoryUnavailable } from '@/components/layout/history-unavailable'
import { StaleNotice } from '@/components/layout/stale-notice'
import { usePool } from '@/lib/chain/hooks'
import { formatPerGas } from '@/lib/format/units'
import { useHistory } from '@/lib/history/hooks'
import type { FeeHistoryView, HistoryResult } from '@/lib/history/types'
import { feesView } from '@/lib/history/views'
import type { PoolView } from '@/lib/pool-math/types'
import { describeFeeHistory, type FeeRange, prepareFeeHistory, rangeStart } from './fee-history-data'
import { FeeHistoryPlot } from './fee-history-plot'

const CHART_HEIGHT = 260

/**
 * The live fee history: the range's points from the indexer (at most two per time bucket), read again
 * on every new block, up to the current F of the live pool.
 */
export function FeeHistoryChart({
  initialPool,
  initial,
  range,
}: {
  initialPool: PoolView
  /** The server's read of the range, up to `initialPool.timestamp`. */
  initial: HistoryResult<FeeHistoryView>
  range: FeeRange
}) {
  const { pool } = usePool(initialPool)
  const history = useHistory(
    feesView,
    { from: rangeStart(range, pool.chainTimestamp), to: pool.chainTimestamp },
    initial,
  )
  const points = history.data?.points
  const data = useMemo(
    () =>
      prepareFeeHistory(points ?? [], {
        range,
        now: pool.chainTimestamp,
        current: pool.feePerGas,
      }),
    [points, range, pool.chainTimestamp, pool.feePerGas],
  )
  if (!points) return <HistoryUnavailable result={history.result} what="The fee history" />
  const summary =
    points.length === 0
      ? `No proof inside its window yet: the fee per gas is still ${formatPerGas(pool.feePerGas)}.`
      : describeFeeHistory(data)
  return (
    <figure aria-label="Fee per gas history">
      <StaleNotice source="history" what="the newest fee changes" />
      <FeeHistoryPlot data={data} height={CHART_HEIGHT} />
      <figcaption className="mt-2 text-sm text-slate-600">{summary}</figcaption>
    </figure>
  )
}
