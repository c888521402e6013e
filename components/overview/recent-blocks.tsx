'use client'

import { BlocksTable } from '@/components/blocks/blocks-table'
import { HistoryUnavailable } from '@/components/layout/history-unavailable'
import { StaleNotice } from '@/components/layout/stale-notice'
import { usePool } from '@/lib/chain/hooks'
import { useHistory } from '@/lib/history/hooks'
import type { HistoryResult, RecentBlocksView } from '@/lib/history/types'
import { blocksView } from '@/lib/history/views'
import type { PoolView } from '@/lib/pool-math/types'
import { RECENT_BLOCKS } from './constants'
import { RecentBlocksCards } from './recent-blocks-cards'

/** The newest blocks, live: read again from the indexer on every new block. */
export function RecentBlocks({
  initialPool,
  initial,
}: {
  initialPool: PoolView
  initial: HistoryResult<RecentBlocksView>
}) {
  const { pool } = usePool(initialPool)
  const { data, result } = useHistory(blocksView, { limit: RECENT_BLOCKS }, initial)
  return (
    <>
      <StaleNotice source="history" what="the newest blocks" />
      {data ? (
        <>
          {data.blocks.length > 0 ? (
            <RecentBlocksCards
              records={data.blocks}
              now={pool.chainTimestamp}
              label="Recent blocks"
              className="md:hidden"
            />
          ) : null}
          <BlocksTable
            records={data.blocks}
            now={pool.chainTimestamp}
            caption="Recent blocks"
            className="hidden md:block"
          />
        </>
      ) : (
        <HistoryUnavailable result={result} what="The recent blocks" />
      )}
    </>
  )
}
