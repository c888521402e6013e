'use client'

import { useRef, useState } from 'react'
import { useBlockNumber } from '@/lib/chain/hooks'
import { useReportFreshness } from '@/lib/freshness/hooks'
import { useRead } from '@/lib/live/use-read'
import { fromWire } from '@/lib/wire'
import { HISTORY_LAG_TOLERANCE, type HistoryResult } from './types'
import type { HistoryView } from './views'

/** After a failed read, how often it is tried again even without a new block (ms). */
const RETRY_INTERVAL = 5_000
/** While the indexer is behind the block the page shows, how often the view is read again (ms). */
const CATCH_UP_INTERVAL = 1_000

/** The view through the app's route, parsed there (wire JSON): no parsing code in the browser. */
async function fetchView<P, T>(view: HistoryView<P, T>, params: P): Promise<HistoryResult<T>> {
  const response = await fetch(`/api/history/${view.name}?${view.toSearch(params)}`, { cache: 'no-store' })
  if (!response.ok) throw new Error(`history route answered ${response.status}`)
  return fromWire<HistoryResult<T>>(await response.text())
}

/**
 * A history view, live: the server's first read, then read again (through /api/history) on every new
 * chain block, the last data kept while the indexer is behind or down. Reports source 'history' to
 * lib/freshness with the block the indexer had reached, so `StaleNotice source="history"` says how many
 * blocks behind the history is; it recovers by itself when the indexer catches up.
 */
export function useHistory<P, T>(
  view: HistoryView<P, T>,
  params: P,
  initial: HistoryResult<T>,
  /** false: no read (and nothing reported), e.g. while there is no address to read for. */
  enabled = true,
): { data: T | null; result: HistoryResult<T> } {
  const head = useBlockNumber().data
  const search = view.toSearch(params).toString()
  const key = enabled && head !== undefined ? `history:${view.name}:${search}:${head}` : null
  // The first key is what the server read for this render (same view, same block): its answer is the
  // key's data, not read again right after hydration.
  const [mountKey] = useState(key)
  const query = useRead(
    key,
    () => fetchView(view, params),
    {
      gcTime: 30_000,
      // Again after a failure, and while the indexer is behind this block (it catches up without new blocks).
      refetchInterval: (state) => {
        const d = state.data
        if (state.status === 'error' || d?.status !== 'ok') return RETRY_INTERVAL
        return head !== undefined && d.indexedBlock < head ? CATCH_UP_INTERVAL : false
      },
    },
    key === mountKey && initial.status === 'ok' ? initial : undefined,
  )
  const result = query.data ?? initial
  const [mountedAt] = useState(() => Date.now())
  // The newest data read successfully (the server's, or a later one) and when: shown while a later read fails.
  const lastGood = useRef<{ data: T | null; at: number }>({
    data: initial.status === 'ok' ? initial.data : null,
    at: mountedAt,
  })
  if (result.status === 'ok' && result !== initial && lastGood.current.data !== result.data)
    lastGood.current = { data: result.data, at: query.dataUpdatedAt || Date.now() }
  const behind =
    head !== undefined && result.indexedBlock !== null && head > result.indexedBlock
      ? head - result.indexedBlock
      : 0n
  const down = query.isError || result.status !== 'ok'
  const failing = down || behind > HISTORY_LAG_TOLERANCE
  useReportFreshness('history', {
    settled: enabled && (!query.isFetching || query.isError),
    failing,
    dataAt: lastGood.current.at,
    dataBlock: result.indexedBlock ?? undefined,
    behind: failing && !down,
    error: failing
      ? result.status === 'unavailable'
        ? result.message
        : query.isError
          ? 'the history could not be read'
          : 'the indexer is catching up'
      : undefined,
  })
  return { data: lastGood.current.data, result }
}
