import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearReads, type ReadOptions, readHandle, refreshRead } from './read-store'

/** A read that answers 1, 2, 3… and counts its calls; `failures` makes the next calls fail. */
function counter() {
  const c = { calls: 0, failures: 0 }
  const read = async () => {
    c.calls += 1
    if (c.failures > 0) {
      c.failures -= 1
      throw new Error('node down')
    }
    return c.calls
  }
  return { c, read }
}

function watch<T>(key: string, read: () => Promise<T>, options: ReadOptions<T> = {}, initial?: T) {
  const handle = readHandle(key, read, options, initial)
  const unsubscribe = handle.subscribe(() => {})
  return { state: () => handle.getState(), unsubscribe }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  clearReads()
  vi.useRealTimers()
})

describe('live reads', () => {
  it('reads a key once however many components ask for it', async () => {
    const { c, read } = counter()
    const readers = Array.from({ length: 5 }, () => watch('pool:7', read))
    await vi.runAllTimersAsync()
    expect(c.calls).toBe(1)
    for (const r of readers) expect(r.state()).toMatchObject({ status: 'success', data: 1, fetching: false })
  })

  it('starts from initial data without reading, and reads again on refresh', async () => {
    const { c, read } = counter()
    const r = watch('pool:8', read, {}, 41)
    expect(r.state()).toMatchObject({ status: 'success', data: 41 })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(c.calls).toBe(0)
    refreshRead('pool:8')
    await vi.advanceTimersByTimeAsync(0)
    expect(r.state().data).toBe(1)
  })

  it('retries a failed read, then reports the failure and keeps the last data', async () => {
    const { c, read } = counter()
    const r = watch('head', read, { retry: 1, refetchInterval: () => 2_000 })
    await vi.advanceTimersByTimeAsync(0)
    expect(r.state()).toMatchObject({ status: 'success', data: 1 })
    c.failures = 1
    await vi.advanceTimersByTimeAsync(2_000)
    expect(r.state().fetching).toBe(true)
    await vi.advanceTimersByTimeAsync(1_000)
    // The retry succeeded: no failure was ever shown.
    expect(r.state()).toMatchObject({ status: 'success', data: 3 })
    c.failures = 2
    await vi.advanceTimersByTimeAsync(3_000)
    expect(r.state()).toMatchObject({ status: 'error', data: 3, fetching: false })
    expect((r.state().error as Error).message).toBe('node down')
    // The interval keeps asking; the next success clears the error.
    await vi.advanceTimersByTimeAsync(2_000)
    expect(r.state()).toMatchObject({ status: 'success', error: undefined })
  })

  it('chooses the next read from the last outcome, and stops when nobody looks', async () => {
    const { c, read } = counter()
    const r = watch('history', read, {
      refetchInterval: (state) => (state.status === 'error' ? 5_000 : false),
    })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(c.calls).toBe(1)
    const polled = watch('polled', read, { refetchInterval: () => 1_000 })
    await vi.advanceTimersByTimeAsync(3_000)
    const afterThree = c.calls
    polled.unsubscribe()
    r.unsubscribe()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(c.calls).toBe(afterThree)
  })

  it('drops an entry a while after its last reader leaves', async () => {
    const { c, read } = counter()
    const first = watch('staker', read, { gcTime: 30_000 })
    await vi.advanceTimersByTimeAsync(0)
    first.unsubscribe()
    await vi.advanceTimersByTimeAsync(10_000)
    // Back within the grace period: the cached read is used.
    const again = watch('staker', read, { gcTime: 30_000 })
    expect(again.state().data).toBe(1)
    again.unsubscribe()
    await vi.advanceTimersByTimeAsync(30_000)
    watch('staker', read, { gcTime: 30_000 })
    await vi.advanceTimersByTimeAsync(0)
    expect(c.calls).toBe(2)
  })
})
