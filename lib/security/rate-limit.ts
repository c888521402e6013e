/**
 * A sliding-window rate limit per key (an address, a client): at most `limit` events in any
 * `windowMs`. Memory is bounded: at most `maxKeys` keys are remembered (the least recently used go
 * first), so a flood of new keys cannot grow the map without end.
 */
export type RateLimitParameters = {
  limit: number
  windowMs: number
  /** Keys remembered at most (default 10,000). */
  maxKeys?: number | undefined
  now?: (() => number) | undefined
}

export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterMs: number; lastAt: number }

export type RateLimiter = {
  /** Counts one event for `key` if it is within the limit; otherwise says when the next one may come. */
  take(key: string): RateLimitVerdict
  /** Whether `take` would succeed now, without counting anything. */
  check(key: string): RateLimitVerdict
}

export function createRateLimiter({
  limit,
  windowMs,
  maxKeys = 10_000,
  now = Date.now,
}: RateLimitParameters): RateLimiter {
  const events = new Map<string, number[]>()

  function recent(key: string, at: number): number[] {
    const times = (events.get(key) ?? []).filter((t) => at - t < windowMs)
    // Re-inserted: the map's order is least recently used first.
    events.delete(key)
    if (times.length > 0) events.set(key, times)
    return times
  }

  function verdict(times: number[], at: number): RateLimitVerdict {
    if (times.length < limit) return { ok: true }
    const oldest = times[0] ?? at
    return { ok: false, retryAfterMs: Math.max(0, oldest + windowMs - at), lastAt: times.at(-1) ?? at }
  }

  return {
    check(key) {
      const at = now()
      return verdict(recent(key, at), at)
    },
    take(key) {
      const at = now()
      const times = recent(key, at)
      const result = verdict(times, at)
      if (!result.ok) return result
      times.push(at)
      events.set(key, times)
      while (events.size > maxKeys) {
        const first = events.keys().next().value
        if (first === undefined) break
        events.delete(first)
      }
      return result
    },
  }
}
