// Server only: reads INDEXER_URL (the browser reaches the indexer through app/api/history).

import { parseHistory } from './parse'
import { indexerPath } from './requests'
import type { HistoryResult } from './types'
import type { HistoryView } from './views'

/**
 * Server-side reads of the indexer (INDEXER_URL, default http://127.0.0.1:42069): one bounded request
 * per view after Ponder's `/status` (how far it has indexed), each with a short timeout so a page whose
 * indexer is slow or down still renders the live pool at once. The last block the indexer was seen at
 * is kept, so a page can say how far behind the history is while the indexer is down.
 */
export const DEFAULT_INDEXER_URL = 'http://127.0.0.1:42069'
/** A page waits at most this long for the history. */
export const HISTORY_TIMEOUT_MS = 1_500

export function indexerUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.INDEXER_URL || DEFAULT_INDEXER_URL).replace(/\/+$/, '')
}

let lastIndexedBlock: bigint | null = null

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(HISTORY_TIMEOUT_MS), cache: 'no-store' })
  if (!response.ok) throw new Error(`the indexer answered ${response.status}`)
  return response.json()
}

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
    const data = parseHistory(view, await getJson(`${base}${indexerPath(view, params)}`))
    lastIndexedBlock = block
    return { status: 'ok', data, indexedBlock: block }
  } catch (error) {
    return unavailable(error)
  }
}
