import { Card } from '@/components/ui/card'
import type { Pool } from '@/lib/chain/types'
import { readHistory } from '@/lib/history/server'
import { feesView } from '@/lib/history/views'
import { FeeHistoryChart } from './fee-history-chart'
import { type FeeRange, rangeStart } from './fee-history-data'
import { FeeRangeSwitch } from './fee-range-switch'

/** "Fee per gas history": the range switch and the live chart, first paint from the indexer (downsampled in SQL). */
export async function FeeHistoryCard({ pool, range, path }: { pool: Pool; range: FeeRange; path: string }) {
  const initial = await readHistory(feesView, { from: rangeStart(range, pool.timestamp), to: pool.timestamp })
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
