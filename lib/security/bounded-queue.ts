/**
 * At most `concurrency` tasks at a time and at most `maxWaiting` waiting for a turn; one more is
 * refused at once (`QueueFullError`) instead of piling up. Server side: the RPC route's upstream
 * requests, the faucet's mints.
 */
export class QueueFullError extends Error {
  override name = 'QueueFullError'
  readonly waiting: number
  constructor(waiting: number) {
    super(`${waiting} requests are already waiting.`)
    this.waiting = waiting
  }
}

export type BoundedQueueParameters = { concurrency: number; maxWaiting: number }

export type BoundedQueue = {
  /** Runs `task` when a slot is free; throws `QueueFullError` if too many are already waiting. */
  run<T>(task: () => Promise<T>): Promise<T>
  readonly active: number
  readonly waiting: number
}

export function createBoundedQueue({ concurrency, maxWaiting }: BoundedQueueParameters): BoundedQueue {
  let active = 0
  const waiting: (() => void)[] = []
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < concurrency) {
        active += 1
      } else {
        if (waiting.length >= maxWaiting) throw new QueueFullError(waiting.length)
        // The finishing task hands its slot over (`active` stays the same).
        await new Promise<void>((resolve) => waiting.push(resolve))
      }
      try {
        return await task()
      } finally {
        const next = waiting.shift()
        if (next) next()
        else active -= 1
      }
    },
    get active() {
      return active
    },
    get waiting() {
      return waiting.length
    },
  }
}
