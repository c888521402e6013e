import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { Notice } from '@/components/ui/notice'
import { feeHistoryFromEvents } from '@/lib/chain/history/fees'
import { getServerHistory } from '@/lib/chain/server'
import type { Pool } from '@/lib/chain/types'
import { formatPerGas } from '@/lib/format/units'
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
        <FeeHistoryBody pool={pool} range={range} points={feeHistoryFromEvents(result.history.events)} />
      )}
    </Card>
  )
}

function FeeHistoryBody({
  pool,
  range,
  points,
}: {
  pool: Pool
  range: FeeRange
  points: ReturnType<typeof feeHistoryFromEvents>
}) {
  if (points.length === 0) {
    return (
      <>
        <EmptyState title="No proofs yet">
          The fee per gas moves after each proof inside its window. It is still {formatPerGas(pool.feePerGas)}
          .
        </EmptyState>
        <FeeHistoryChart initialPool={pool} points={[]} range={range} />
      </>
    )
  }
  return (
    <FeeHistoryChart
      initialPool={pool}
      points={selectFeePoints(points, { range, now: pool.timestamp })}
      range={range}
    />
  )
}
