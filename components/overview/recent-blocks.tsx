'use client'

import { useMemo } from 'react'
import { BlocksTable } from '@/components/blocks/blocks-table'
import { StaleNotice } from '@/components/layout/stale-notice'
import { type BlockRecord, foldBlocks } from '@/lib/chain/history/blocks'
import { useNewPoolEvents, usePool } from '@/lib/chain/hooks'
import type { Pool } from '@/lib/chain/types'
import { RECENT_BLOCKS } from './constants'
import { RecentBlocksCards } from './recent-blocks-cards'

/** The newest blocks, live: the server's records plus the events of every new block. */
export function RecentBlocks({ initialPool, records }: { initialPool: Pool; records: BlockRecord[] }) {
  const { pool } = usePool(initialPool)
  const live = useNewPoolEvents(initialPool.blockNumber)
  const rows = useMemo(
    () => foldBlocks(records, live.events, { keep: RECENT_BLOCKS }).slice(0, RECENT_BLOCKS),
    [records, live.events],
  )
  return (
    <>
      <StaleNotice source="history" what="the newest blocks" />
      {rows.length > 0 ? (
        <RecentBlocksCards records={rows} now={pool.timestamp} label="Recent blocks" className="md:hidden" />
      ) : null}
      <BlocksTable records={rows} now={pool.timestamp} caption="Recent blocks" className="hidden md:block" />
    </>
  )
}
