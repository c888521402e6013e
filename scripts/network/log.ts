/**
 * Terminal output of `npm start`: steps with progress and elapsed time, and one line per notable
 * network event. On a TTY a running step redraws its line; elsewhere (CI, pipes) it prints a line
 * now and then, so logs stay readable.
 */

const tty = process.stdout.isTTY === true && process.env.NO_COLOR === undefined

const paint = (code: string) => (text: string) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text)
export const bold = paint('1')
export const dim = paint('2')
export const red = paint('31')
export const green = paint('32')
export const yellow = paint('33')
export const cyan = paint('36')

function clock(): string {
  return new Date().toTimeString().slice(0, 8)
}

let activeLine = false

function clearActive(): void {
  if (activeLine && tty) process.stdout.write('\r\u001b[2K')
  activeLine = false
}

/** One line of output (clears a running step's line first). */
export function say(line: string): void {
  clearActive()
  process.stdout.write(`${line}\n`)
}

/** One network event: `hh:mm:ss  tag  message`. */
export function event(tag: string, message: string): void {
  say(`${dim(clock())} ${tag.padEnd(9)} ${message}`)
}

export function warn(message: string): void {
  clearActive()
  process.stderr.write(`${yellow('warning')} ${message}\n`)
}

export function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`
}

export type Step = {
  /** Updates the step's progress text (e.g. "12/40"). */
  progress(text: string): void
  done(summary?: string): void
  fail(): void
}

/**
 * Starts a step: prints "› label…", then, on a TTY, redraws "› label… progress (elapsed)" every
 * second and on every progress update; without a TTY, prints a line at most every 2 s on progress and
 * every 10 s otherwise.
 */
export function step(label: string): Step {
  const started = Date.now()
  let detail = ''
  let lastPrinted = started
  const render = (quietMs: number) => {
    const elapsed = Date.now() - started
    const text = `${cyan('›')} ${label}… ${detail}${elapsed > 1_500 ? dim(` (${formatSeconds(elapsed)})`) : ''}`
    if (tty) {
      process.stdout.write(`\r\u001b[2K${text}`)
      activeLine = true
    } else if (Date.now() - lastPrinted >= quietMs) {
      lastPrinted = Date.now()
      process.stdout.write(`${text}\n`)
    }
  }
  if (tty) render(0)
  else process.stdout.write(`${cyan('›')} ${label}…\n`)
  const timer = setInterval(() => render(10_000), 1_000)
  timer.unref()
  let finished = false
  const finish = (mark: string, summary?: string) => {
    if (finished) return
    finished = true
    clearInterval(timer)
    say(`${mark} ${summary ?? label} ${dim(`(${formatSeconds(Date.now() - started)})`)}`)
  }
  return {
    progress(text) {
      detail = text
      render(2_000)
    },
    done: (summary) => finish(green('✓'), summary),
    fail: () => finish(red('✗'), `${label} failed`),
  }
}

/** Runs `fn` as a step: done on success, fail (and rethrow) on error. */
export async function withStep<T>(label: string, fn: (s: Step) => Promise<T>, summary?: string): Promise<T> {
  const s = step(label)
  try {
    const result = await fn(s)
    s.done(summary)
    return result
  } catch (error) {
    s.fail()
    throw error
  }
}
