import { Card } from '@/components/ui/card'
import { Notice } from '@/components/ui/notice'
import { foldBlocks } from '@/lib/chain/history/blocks'
import { getServerHistory } from '@/lib/chain/server'
import type { Pool } from '@/lib/chain/types'
import { RECENT_BLOCKS } from './constants'
import { RecentBlocks } from './recent-blocks'

/** "Recent blocks": folded on the server from the cached events, then kept live in the browser. */
export async function RecentBlocksCard({ pool }: { pool: Pool }) {
  const result = await getServerHistory()
  return (
    <Card
      id="recent-blocks"
      title="Recent blocks"
      description="Proving: inside the window · proven: proven in time · late: the assigned prover missed its window · open: anyone may prove."
    >
      {result.status === 'error' ? (
        <Notice tone="warning" title="The recent blocks could not be read">
          <p>{result.error.message}</p>
        </Notice>
      ) : (
        <RecentBlocks
          initialPool={pool}
          records={foldBlocks([], result.history.events, { keep: RECENT_BLOCKS })}
        />
      )}
    </Card>
  )
}
