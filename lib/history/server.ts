// Server only: reads INDEXER_URL (the browser reaches the indexer through app/api/history).

import { createIndexerFetch, IndexerBusyError } from './indexer-fetch'
import { parseHistory } from './parse'
import { indexerPath } from './requests'
import type { HistoryResult } from './types'
import type { HistoryView } from './views'

/**
 * Server-side reads of the indexer (INDEXER_URL, default http://127.0.0.1:42069): one bounded request
 * per view after Ponder's `/status` (how far it has indexed), each with a short timeout so a page whose
 * indexer is slow or down still renders the live pool at once. The last block the indexer was seen at
 * is kept, so a page can say how far behind the history is while the indexer is down.
 *
 * Shared by every visitor (lib/history/indexer-fetch.ts): `/status` is asked at most once a second,
 * a view once per second and per block the indexer reported, and at most 16 requests reach the
 * indexer at once, however many pages load or browsers follow the chain.
 */
export const DEFAULT_INDEXER_URL = 'http://127.0.0.1:42069'
/** A page waits at most this long for the history. */
export const HISTORY_TIMEOUT_MS = 1_500

export function indexerUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.INDEXER_URL || DEFAULT_INDEXER_URL).replace(/\/+$/, '')
}

let lastIndexedBlock: bigint | null = null

/** How long an identical read shares an answer (ms). */
export const HISTORY_SHARE_MS = 1_000
/** Indexer requests in flight at once, and waiting for a turn, before a read is answered "busy". */
export const INDEXER_CONCURRENCY = 16
export const INDEXER_MAX_WAITING = 256

const getJson = createIndexerFetch({
  shareMs: HISTORY_SHARE_MS,
  maxEntries: 1_000,
  concurrency: INDEXER_CONCURRENCY,
  maxWaiting: INDEXER_MAX_WAITING,
  timeoutMs: HISTORY_TIMEOUT_MS,
})

/** The chain block Ponder has indexed (`/status`: `{ <chain>: { block: { number } } }`). */
async function indexedBlock(base: string): Promise<bigint> {
  const status = (await getJson(`${base}/status`)) as Record<string, { block?: { number?: number } }>
  const chain = Object.values(status)[0]
  if (chain?.block?.number === undefined) throw new Error('the indexer has not started indexing yet')
  return BigInt(chain.block.number)
}

function unavailable(error: unknown): {
  status: 'unavailable'
  message: string
  indexedBlock: bigint | null
} {
  const timeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
  const refused = error instanceof TypeError // fetch failed: nothing listens
  const message = timeout
    ? 'The indexer did not answer in time.'
    : error instanceof IndexerBusyError
      ? 'The app is busy reading other history. Try again in a moment.'
      : refused
        ? 'The indexer does not answer.'
        : error instanceof Error
          ? `The history could not be read: ${error.message}.`
          : 'The history could not be read.'
  return { status: 'unavailable', message, indexedBlock: lastIndexedBlock }
}

/** One history view (server components, and the app's /api/history route for the browser). Never throws. */
export async function readHistory<P, T>(view: HistoryView<P, T>, params: P): Promise<HistoryResult<T>> {
  const base = indexerUrl()
  try {
    // Status first, then the view: the view is then at least as new as the block it is reported at
    // (read together, the view could be read just before the indexer stored the block it reports).
    const block = await indexedBlock(base)
    // Shared per block the indexer reported: a read that saw a newer block never gets an older view.
    const url = `${base}${indexerPath(view, params)}`
    const data = parseHistory(view, await getJson(url, `${block}|${url}`))
    lastIndexedBlock = block
    return { status: 'ok', data, indexedBlock: block }
  } catch (error) {
    return unavailable(error)
  }
}
