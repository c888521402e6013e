'use client'

import { lazy, Suspense } from 'react'
import { usePool } from '@/lib/chain/hooks'
import type { PoolView } from '@/lib/pool-math/types'

// Its own chunk, fetched only when there is something to say (React.lazy: rendered by the server too,
// and lighter than next/dynamic's loader in the page's first load).
const ModeNotices = lazy(() => import('./mode-notices'))

/**
 * Explains emergency mode and batching while they are on: what changes for provers and proposers,
 * and when it ends. Nothing is shown in normal operation.
 */
export function ModeBanner({ initialPool }: { initialPool: PoolView }) {
  const { pool } = usePool(initialPool)
  if (!pool.emergency && pool.batchSize <= 1n) return null
  return (
    <Suspense fallback={null}>
      <ModeNotices pool={pool} />
    </Suspense>
  )
}
