import { Card } from '@/components/ui/card'
import { readHistory } from '@/lib/history/server'
import { blocksView } from '@/lib/history/views'
import type { PoolView } from '@/lib/pool-math/types'
import { RECENT_BLOCKS } from './constants'
import { RecentBlocks } from './recent-blocks'

/** "Recent blocks": one page of the newest blocks from the indexer, then kept live in the browser. */
export async function RecentBlocksCard({ pool }: { pool: PoolView }) {
  const initial = await readHistory(blocksView, { limit: RECENT_BLOCKS })
  return (
    <Card
      id="recent-blocks"
      title="Recent blocks"
      description="Proving: inside the window · proven: proven in time · late: the assigned prover missed its window · open: anyone may prove."
    >
      <RecentBlocks initialPool={pool} initial={initial} />
    </Card>
  )
}
