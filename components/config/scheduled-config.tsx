'use client'

import dynamic from 'next/dynamic'
import { usePool } from '@/lib/chain/hooks'
import type { PoolView } from '@/lib/pool-math/types'

const ScheduledConfigNotice = dynamic(() => import('./scheduled-config-notice'))

/**
 * A config change the owner scheduled (SPEC Revision 2.1): what changes, from what to what, and when it
 * may apply. Blocks proposed before it applies keep the rates they were proposed under. Renders nothing
 * when no change is scheduled, unless `quiet` is false (then it says how far ahead changes are announced).
 */
export function ScheduledConfig({ initialPool, quiet = true }: { initialPool: PoolView; quiet?: boolean }) {
  const { pool } = usePool(initialPool)
  if (pool.pendingConfigAt === 0n && quiet) return null
  return <ScheduledConfigNotice pool={pool} />
}
