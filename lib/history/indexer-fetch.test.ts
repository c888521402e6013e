import { describe, expect, it } from 'vitest'
import { createIndexerFetch, IndexerBusyError, type IndexerFetchParameters } from './indexer-fetch'

/** A fake indexer: counts requests by URL, answers when `release()` is called (or at once). */
function fakeIndexer({ hold = false } = {}) {
  const calls: string[] = []
  let inFlight = 0
  let maxInFlight = 0
  let down = false
  const waiting: (() => void)[] = []
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input)
    // As fetch does: an aborted signal rejects before anything is sent.
    if (init?.signal?.aborted) throw init.signal.reason
    calls.push(url)
    inFlight += 1
    maxInFlight = Math.max(maxInFlight, inFlight)
    try {
      if (hold) await new Promise<void>((resolve) => waiting.push(resolve))
      if (down) throw new TypeError('fetch failed')
      return new Response(JSON.stringify({ url, n: calls.length }), { status: 200 })
    } finally {
      inFlight -= 1
    }
  }) as typeof fetch
  return {
    fetchFn,
    calls,
    get maxInFlight() {
      return maxInFlight
    },
    setDown(value: boolean) {
      down = value
    },
    releaseAll() {
      for (const release of waiting.splice(0)) release()
    },
  }
}

function setup(indexer: ReturnType<typeof fakeIndexer>, overrides: Partial<IndexerFetchParameters> = {}) {
  const clock = { t: 1_000 }
  const read = createIndexerFetch({
    shareMs: 1_000,
    maxEntries: 100,
    concurrency: 4,
    maxWaiting: 8,
    timeoutMs: 5_000,
    fetchFn: indexer.fetchFn,
    now: () => clock.t,
    ...overrides,
  })
  return { read, clock }
}

describe('createIndexerFetch', () => {
  it('answers identical reads once: in flight, and for shareMs after', async () => {
    const indexer = fakeIndexer()
    const { read, clock } = setup(indexer)
    const answers = await Promise.all(Array.from({ length: 50 }, () => read('http://ix/status')))
    expect(indexer.calls).toEqual(['http://ix/status'])
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    clock.t += 999
    await read('http://ix/status')
    expect(indexer.calls).toHaveLength(1)
    clock.t += 1
    await read('http://ix/status')
    expect(indexer.calls).toHaveLength(2)
  })

  it('keeps reads with another share key apart, even for the same URL', async () => {
    const indexer = fakeIndexer()
    const { read } = setup(indexer)
    await Promise.all([read('http://ix/view', '41|view'), read('http://ix/view', '42|view')])
    expect(indexer.calls).toHaveLength(2)
  })

  it('shares a failure for shareMs too: an indexer that is down is asked once, then again later', async () => {
    const indexer = fakeIndexer()
    indexer.setDown(true)
    const { read, clock } = setup(indexer)
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => read('http://ix/status')))
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true)
    expect(indexer.calls).toHaveLength(1)
    indexer.setDown(false)
    clock.t += 1_000
    await expect(read('http://ix/status')).resolves.toMatchObject({ n: 2 })
  })

  it('lets at most `concurrency` requests reach the indexer and answers "busy" past the waiting room', async () => {
    const indexer = fakeIndexer({ hold: true })
    const { read } = setup(indexer)
    // 4 run, 8 wait, 3 more are refused at once.
    const reads = Array.from({ length: 15 }, (_, i) => read(`http://ix/view?i=${i}`))
    const refused = await Promise.allSettled(reads.slice(12))
    expect(refused.map((r) => r.status === 'rejected' && r.reason instanceof IndexerBusyError)).toEqual([
      true,
      true,
      true,
    ])
    expect(indexer.calls).toHaveLength(4)
    // The waiting ones go in turn as slots free up, never more than 4 at once.
    while (indexer.calls.length < 12) {
      indexer.releaseAll()
      await new Promise((r) => setTimeout(r, 0))
    }
    indexer.releaseAll()
    await Promise.all(reads.slice(0, 12))
    expect(indexer.maxInFlight).toBe(4)
  })

  it('counts the timeout from the ask, not from the turn: a read that waited too long fails at its turn', async () => {
    const indexer = fakeIndexer({ hold: true })
    const { read } = setup(indexer, { concurrency: 1, timeoutMs: 30 })
    const first = read('http://ix/slow')
    const second = read('http://ix/queued')
    await new Promise((r) => setTimeout(r, 60))
    indexer.releaseAll()
    await first
    await expect(second).rejects.toMatchObject({ name: 'TimeoutError' })
    // The queued read never reached the indexer.
    expect(indexer.calls).toEqual(['http://ix/slow'])
  })

  it('keeps at most maxEntries answers, the oldest dropped first', async () => {
    const indexer = fakeIndexer()
    const { read } = setup(indexer, { maxEntries: 2 })
    await read('http://ix/a')
    await read('http://ix/b')
    await read('http://ix/c')
    await read('http://ix/b')
    expect(indexer.calls).toHaveLength(3)
    await read('http://ix/a')
    expect(indexer.calls).toHaveLength(4)
  })
})
