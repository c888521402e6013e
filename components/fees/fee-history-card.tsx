import { Card } from '@/components/ui/card'
import { Notice } from '@/components/ui/notice'
import { feeHistoryFromEvents } from '@/lib/chain/history/fees'
import { getServerHistory } from '@/lib/chain/server'
import type { Pool } from '@/lib/chain/types'
import { FeeHistoryChart } from './fee-history-chart'
import { type FeeRange, selectFeePoints } from './fee-history-data'
import { FeeRangeSwitch } from './fee-range-switch'

/** "Fee per gas history": the range switch and the live chart, first paint from the server's event cache. */
export async function FeeHistoryCard({ pool, range, path }: { pool: Pool; range: FeeRange; path: string }) {
  const result = await getServerHistory()
  return (
    <Card
      id="fee-history"
      title="Fee per gas history"
      description="F after every proof inside its window, in gwei of TKO per gas."
      actions={<FeeRangeSwitch current={range} path={path} />}
    >
      {result.status === 'error' ? (
        <Notice tone="warning" title="The fee history could not be read">
          <p>{result.error.message}</p>
        </Notice>
      ) : (
        <FeeHistoryChart
          initialPool={pool}
          points={selectFeePoints(feeHistoryFromEvents(result.history.events), {
            range,
            now: pool.timestamp,
          })}
          range={range}
        />
      )}
    </Card>
  )
}
