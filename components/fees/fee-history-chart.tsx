'use client'

import dynamic from 'next/dynamic'
import { useMemo } from 'react'
import { StaleNotice } from '@/components/layout/stale-notice'
import { ChartPlaceholder, WhenVisible } from '@/components/ui/when-visible'
import type { FeePoint } from '@/lib/chain/history/fees'
import { foldFeeHistory } from '@/lib/chain/history/fees'
import { useNewPoolEvents, usePool } from '@/lib/chain/hooks'
import type { Pool } from '@/lib/chain/types'
import { formatPerGas } from '@/lib/format/units'
import { describeFeeHistory, type FeeRange, prepareFeeHistory } from './fee-history-data'

const CHART_HEIGHT = 260

// recharts draws in the browser only (its server render is an empty box), so its code is fetched
// when the chart scrolls into view (WhenVisible), not during hydration; the box keeps its height.
const FeeHistoryPlot = dynamic(() => import('./fee-history-plot').then((m) => m.FeeHistoryPlot), {
  ssr: false,
  loading: () => <ChartPlaceholder height={CHART_HEIGHT} />,
})

/**
 * The live fee history: the server's points for the range, plus every `FeePerGasChanged` of the
 * blocks that arrive while the page is open (only new blocks are read), up to the current F.
 */
export function FeeHistoryChart({
  initialPool,
  points,
  range,
}: {
  initialPool: Pool
  /** The server's points of the range (already thinned), up to `initialPool.blockNumber`. */
  points: FeePoint[]
  range: FeeRange
}) {
  const { pool } = usePool(initialPool)
  const live = useNewPoolEvents(initialPool.blockNumber)
  const data = useMemo(
    () =>
      prepareFeeHistory(foldFeeHistory(points, live.events), {
        range,
        now: pool.timestamp,
        current: pool.feePerGas,
      }),
    [points, live.events, range, pool.timestamp, pool.feePerGas],
  )
  const proofs = points.length + live.events.length
  const summary =
    proofs === 0
      ? `No proof inside its window yet: the fee per gas is still ${formatPerGas(pool.feePerGas)}.`
      : describeFeeHistory(data)
  return (
    <figure aria-label="Fee per gas history">
      <StaleNotice source="history" what="the newest fee changes" />
      <WhenVisible height={CHART_HEIGHT}>
        <FeeHistoryPlot data={data} height={CHART_HEIGHT} />
      </WhenVisible>
      <figcaption className="mt-2 text-sm text-slate-600">{summary}</figcaption>
    </figure>
  )
}
