import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { HISTORY_SHARE_MS, INDEXER_CONCURRENCY, INDEXER_MAX_WAITING, readHistory } from './server'
import { blocksView, NON_ACTIVE, stakersView } from './views'

/**
 * A Ponder stand-in on a real socket: counts every request by path, reports `block` as indexed, and
 * answers each view after `delayMs` (a database query's time), so that requests can pile up.
 */
function startIndexer() {
  const indexer = {
    block: 100,
    delayMs: 0,
    counts: {} as Record<string, number>,
    inFlight: 0,
    maxInFlight: 0,
    url: '',
  }
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://indexer').pathname
    indexer.counts[path] = (indexer.counts[path] ?? 0) + 1
    indexer.inFlight += 1
    indexer.maxInFlight = Math.max(indexer.maxInFlight, indexer.inFlight)
    const body =
      path === '/status'
        ? { anvil: { block: { number: indexer.block } } }
        : path === '/history/stakers'
          ? { rows: [], total: 0 }
          : { rows: [], nextBefore: null }
    setTimeout(
      () => {
        indexer.inFlight -= 1
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify(body))
      },
      path === '/status' ? 0 : indexer.delayMs,
    )
  })
  return new Promise<typeof indexer & { server: Server }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      indexer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      resolve(Object.assign(indexer, { server }))
    })
  })
}

const address = (i: number) => `0x${i.toString(16).padStart(40, '0')}` as const

describe('readHistory: the indexer behind the pages and /api/history', () => {
  let indexer: Awaited<ReturnType<typeof startIndexer>>
  const saved = process.env.INDEXER_URL

  beforeAll(async () => {
    indexer = await startIndexer()
    process.env.INDEXER_URL = indexer.url
  })
  afterEach(() => {
    vi.useRealTimers()
    indexer.counts = {}
    indexer.maxInFlight = 0
    indexer.delayMs = 0
  })
  afterAll(() => {
    indexer.server.close()
    process.env.INDEXER_URL = saved
  })

  it('attack: 200 visitors reading the same view in one block are one /status and one view request', async () => {
    const reads = await Promise.all(
      Array.from({ length: 200 }, () => readHistory(stakersView, { status: NON_ACTIVE })),
    )
    expect(reads.every((r) => r.status === 'ok' && r.indexedBlock === 100n)).toBe(true)
    expect(indexer.counts).toEqual({ '/status': 1, '/history/stakers': 1 })
  })

  it('reads the view again once the indexer reports a newer block, never an older view for it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 10 * HISTORY_SHARE_MS) // past what the test before shared
    await readHistory(stakersView, { status: NON_ACTIVE })
    indexer.block = 101
    // Within the second, /status is still the shared one: block 100, and its view.
    const same = await readHistory(stakersView, { status: NON_ACTIVE })
    expect(same.indexedBlock).toBe(100n)
    vi.setSystemTime(Date.now() + HISTORY_SHARE_MS)
    const next = await readHistory(stakersView, { status: NON_ACTIVE })
    expect(next.indexedBlock).toBe(101n)
    expect(indexer.counts).toEqual({ '/status': 2, '/history/stakers': 2 })
  })

  it('attack: 400 different reads at once reach the indexer 16 at a time; past the waiting room they are "busy" at once', async () => {
    indexer.block = 200 // a fresh /status after the shared one
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 100 * HISTORY_SHARE_MS)
    indexer.delayMs = 50
    const reads = await Promise.all(
      Array.from({ length: 400 }, (_, i) => readHistory(blocksView, { limit: 5, prover: address(i + 1) })),
    )
    const busy = reads.filter((r) => r.status === 'unavailable')
    // /status took one turn; the views queued behind it.
    expect(indexer.maxInFlight).toBeLessThanOrEqual(INDEXER_CONCURRENCY)
    expect(indexer.counts['/history/blocks']).toBe(INDEXER_CONCURRENCY + INDEXER_MAX_WAITING)
    expect(busy).toHaveLength(400 - INDEXER_CONCURRENCY - INDEXER_MAX_WAITING)
    expect(busy[0]).toMatchObject({
      message: 'The app is busy reading other history. Try again in a moment.',
    })
  })
})
