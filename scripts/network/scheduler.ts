/**
 * A small scheduler for the bots: each job is a loop that sleeps, runs, and never dies. An error is
 * logged (the same message at most once a minute per job) and the job simply runs again next time.
 */
import { warn } from './log'

export type Job = {
  name: string
  /**
   * Milliseconds from the start of one run to the start of the next (read again every time, so
   * scenarios can change it). A run that takes longer is followed by the next one at once.
   */
  periodMs: () => number
  run: () => Promise<void>
  /** Wait before the first run; defaults to one period. */
  initialDelayMs?: number
}

export class Scheduler {
  readonly #abort = new AbortController()
  readonly #loops: Promise<void>[] = []
  readonly #lastWarning = new Map<string, { message: string; at: number; repeats: number }>()

  get stopped(): boolean {
    return this.#abort.signal.aborted
  }

  add(job: Job): void {
    this.#loops.push(this.#loop(job))
  }

  /** Stops every job and waits for the runs in progress to finish. */
  async stop(): Promise<void> {
    this.#abort.abort()
    await Promise.allSettled(this.#loops)
  }

  /** Resolves after `ms`, or early when the scheduler stops. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.#abort.signal
      if (signal.aborted) return resolve()
      const done = () => {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      signal.addEventListener('abort', done, { once: true })
    })
  }

  /** Logs a job's error, once a minute at most for the same message. */
  report(name: string, error: unknown): void {
    if (this.stopped) return
    const message = describeError(error)
    const last = this.#lastWarning.get(name)
    const now = Date.now()
    if (last && last.message === message && now - last.at < 60_000) {
      last.repeats += 1
      return
    }
    const repeats = last && last.message === message && last.repeats > 0 ? ` (×${last.repeats + 1})` : ''
    this.#lastWarning.set(name, { message, at: now, repeats: 0 })
    warn(`${name}: ${message}${repeats} — will retry`)
  }

  async #loop(job: Job): Promise<void> {
    await this.sleep(job.initialDelayMs ?? job.periodMs())
    while (!this.stopped) {
      const started = Date.now()
      try {
        await job.run()
      } catch (error) {
        this.report(job.name, error)
      }
      await this.sleep(Math.max(0, job.periodMs() - (Date.now() - started)))
    }
  }
}

/** The shortest useful description of an error: a decoded contract error, else the first line. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { shortMessage?: unknown; message?: unknown }
    const text = typeof e.shortMessage === 'string' ? e.shortMessage : String(e.message ?? error)
    return text.split('\n')[0] ?? text
  }
  return String(error)
}
