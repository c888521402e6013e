'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useRef } from 'react'
import { BLOCK_POLL_INTERVAL, useConnection } from '@/lib/chain/hooks'
import { formatBlockNumber } from '@/lib/format/time'

/**
 * "Connection lost — showing data from <time>" while the node does not answer; the pages keep
 * their last data and the poll keeps trying, so it disappears by itself when the node is back.
 * Also notices a chain that went backwards (local node restarted) and re-renders from the server.
 */
export function ConnectionNotice() {
  const { status, blockNumber, lastSeenAt } = useConnection()
  const router = useRouter()
  const highest = useRef<bigint | undefined>(undefined)
  useEffect(() => {
    if (blockNumber === undefined) return
    if (highest.current !== undefined && blockNumber < highest.current) router.refresh()
    highest.current = blockNumber
  }, [blockNumber, router])

  // Only over data that was shown: a page that never read the chain explains that itself.
  if (status !== 'lost' || blockNumber === undefined) return null
  const since = lastSeenAt > 0 ? new Date(lastSeenAt).toLocaleTimeString() : 'the first page load'
  return (
    <div role="alert" className="mb-4 rounded-lg border border-red-400 bg-red-50 px-4 py-3 text-red-950">
      <p className="font-semibold">
        Connection lost — showing data from {since}
        {blockNumber !== undefined ? ` (block ${formatBlockNumber(blockNumber)})` : ''}
      </p>
      <p className="mt-1 text-sm">
        The node does not answer. Retrying every {BLOCK_POLL_INTERVAL / 1000} seconds; the page updates by
        itself when it is back.
      </p>
    </div>
  )
}
