// Server only: the one way the app's server asks the indexer for JSON (lib/history/server.ts).

import { createBoundedQueue, QueueFullError } from '@/lib/security/bounded-queue'

/**
 * Makes the indexer's load independent of the number of visitors, as the RPC proxy does for the node
 * (lib/rpc-proxy/coalescer.ts). Every page view and every browser's live history read used to be its
 * own `/status` and view request to Ponder (and its database): a crowd, or one script reloading `/`,
 * reached the indexer one-for-one.
 *
 * - Identical requests share one answer: while it is in flight, and for `shareMs` after it settled
 *   (a failure too, so an indexer that is down is not asked again by every visitor).
 * - At most `concurrency` requests reach the indexer at once and `maxWaiting` wait; one more is
 *   answered at once with `IndexerBusyError` (the page says the history is unavailable a moment).
 * - The timeout starts when the read is asked for, not when its turn comes: a page still waits at
 *   most `timeoutMs` for the history, however long the queue.
 */
export type IndexerFetchParameters = {
  shareMs: number
  maxEntries: number
  concurrency: number
  maxWaiting: number
  timeoutMs: number
  fetchFn?: typeof fetch | undefined
  now?: (() => number) | undefined
}

/** `shareKey`: what makes two reads the same (default: the URL). */
export type IndexerFetch = (url: string, shareKey?: string) => Promise<unknown>

export class IndexerBusyError extends Error {
  override name = 'IndexerBusyError'
  constructor() {
    super('the app is busy reading other history from the indexer')
  }
}

export function createIndexerFetch({
  shareMs,
  maxEntries,
  concurrency,
  maxWaiting,
  timeoutMs,
  fetchFn = fetch,
  now = () => Date.now(),
}: IndexerFetchParameters): IndexerFetch {
  const queue = createBoundedQueue({ concurrency, maxWaiting })
  /** Per share key: the answer, and when it settled (`null` while in flight). */
  const answers = new Map<string, { answer: Promise<unknown>; settledAt: number | null }>()

  async function getJson(url: string): Promise<unknown> {
    const signal = AbortSignal.timeout(timeoutMs)
    try {
      return await queue.run(async () => {
        // An already-aborted signal rejects at once: the turn came after the page stopped waiting.
        const response = await fetchFn(url, { signal, cache: 'no-store' })
        if (!response.ok) throw new Error(`the indexer answered ${response.status}`)
        return response.json()
      })
    } catch (error) {
      throw error instanceof QueueFullError ? new IndexerBusyError() : error
    }
  }

  return (url, shareKey = url) => {
    const kept = answers.get(shareKey)
    if (kept && (kept.settledAt === null || now() - kept.settledAt < shareMs)) return kept.answer
    const entry: { answer: Promise<unknown>; settledAt: number | null } = {
      answer: getJson(url),
      settledAt: null,
    }
    const settle = () => {
      entry.settledAt = now()
    }
    entry.answer.then(settle, settle)
    // Newest last, so the oldest are dropped first when there are too many.
    answers.delete(shareKey)
    answers.set(shareKey, entry)
    for (const [oldest] of answers) {
      if (answers.size <= maxEntries) break
      answers.delete(oldest)
    }
    return entry.answer
  }
}
