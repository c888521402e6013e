import { Card } from '@/components/ui/card'
import { readHistory } from '@/lib/history/server'
import { feesView } from '@/lib/history/views'
import type { PoolView } from '@/lib/pool-math/types'
import { FeeHistoryChart } from './fee-history-chart'
import { type FeeRange, rangeStart } from './fee-history-data'
import { FeeRangeSwitch } from './fee-range-switch'

/** "Fee per gas history": the range switch and the live chart, first paint from the indexer (downsampled in SQL). */
export async function FeeHistoryCard({
  pool,
  range,
  path,
}: {
  pool: PoolView
  range: FeeRange
  path: string
}) {
  const initial = await readHistory(feesView, {
    from: rangeStart(range, pool.chainTimestamp),
    to: pool.chainTimestamp,
  })
  return (
    <Card
      id="fee-history"
      title="Fee per gas history"
      description="F after every proof inside its window, in gwei of TKO per gas."
      actions={<FeeRangeSwitch current={range} path={path} />}
    >
      <FeeHistoryChart initialPool={pool} initial={initial} range={range} />
    </Card>
  )
}
