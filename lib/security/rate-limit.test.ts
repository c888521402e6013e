import { describe, expect, it } from 'vitest'
import { createBoundedQueue, QueueFullError } from './bounded-queue'
import { createRateLimiter } from './rate-limit'

describe('createRateLimiter', () => {
  it('allows `limit` events per sliding window and says when the next one may come', () => {
    let now = 0
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => now })
    expect(limiter.take('a')).toEqual({ ok: true })
    now = 10_000
    expect(limiter.take('a')).toEqual({ ok: true })
    now = 20_000
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterMs: 40_000, lastAt: 10_000 })
    expect(limiter.take('b')).toEqual({ ok: true })
    now = 60_000
    expect(limiter.check('a')).toEqual({ ok: true })
    expect(limiter.take('a')).toEqual({ ok: true })
  })

  it('remembers a bounded number of keys', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 3, now: () => 0 })
    for (const key of ['a', 'b', 'c', 'd']) limiter.take(key)
    // 'a' was the least recently used and is forgotten; 'd' is remembered.
    expect(limiter.check('a')).toEqual({ ok: true })
    expect(limiter.check('d')).toMatchObject({ ok: false })
  })
})

describe('createBoundedQueue', () => {
  it('runs tasks one at a time and refuses once the waiting room is full', async () => {
    const queue = createBoundedQueue({ concurrency: 1, maxWaiting: 1 })
    const order: number[] = []
    let release: () => void = () => undefined
    const first = queue.run(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            order.push(1)
            resolve()
          }
        }),
    )
    const second = queue.run(async () => {
      order.push(2)
    })
    await expect(queue.run(async () => undefined)).rejects.toBeInstanceOf(QueueFullError)
    expect(queue.waiting).toBe(1)
    release()
    await Promise.all([first, second])
    expect(order).toEqual([1, 2])
    expect(queue.active).toBe(0)
  })
})
