'use client'

import dynamic from 'next/dynamic'
import { usePool } from '@/lib/chain/hooks'
import type { PoolView } from '@/lib/pool-math/types'

const ModeNotices = dynamic(() => import('./mode-notices'))

/**
 * Explains emergency mode and batching while they are on: what changes for provers and proposers,
 * and when it ends. Nothing is shown in normal operation.
 */
export function ModeBanner({ initialPool }: { initialPool: PoolView }) {
  const { pool } = usePool(initialPool)
  if (!pool.emergency && pool.batchSize <= 1n) return null
  return <ModeNotices pool={pool} />
}
