'use client'

import { lazy, Suspense } from 'react'
import { usePool } from '@/lib/chain/hooks'
import type { PoolView } from '@/lib/pool-math/types'

// Its own chunk, fetched only when there is something to say (React.lazy: rendered by the server too,
// and lighter than next/dynamic's loader in the page's first load).
const ScheduledConfigNotice = lazy(() => import('./scheduled-config-notice'))

/**
 * A config change the owner scheduled (SPEC Revision 2.1): what changes, from what to what, and when it
 * may apply. Blocks proposed before it applies keep the rates they were proposed under. Renders nothing
 * when no change is scheduled, unless `quiet` is false (then it says how far ahead changes are announced).
 */
export function ScheduledConfig({ initialPool, quiet = true }: { initialPool: PoolView; quiet?: boolean }) {
  const { pool } = usePool(initialPool)
  if (pool.pendingConfigAt === 0n && quiet) return null
  return (
    <Suspense fallback={null}>
      <ScheduledConfigNotice pool={pool} />
    </Suspense>
  )
}
