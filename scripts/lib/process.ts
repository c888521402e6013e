/**
 * Child-process supervision for the local network: every process `npm start` launches is spawned
 * through one `Supervisor`, which stops them all (process group first, then SIGKILL) on Ctrl‑C, on
 * SIGTERM, when a step fails midway and, as a last resort, synchronously when Node exits.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { connect, createServer } from 'node:net'
import path from 'node:path'

/** Where the project's own CLIs (tsx, next, …) live. */
export const binDir = path.resolve(import.meta.dirname, '../../node_modules/.bin')

/** One failure of this module; `shortMessage` is what the user reads. */
export class ProcessError extends Error {
  readonly shortMessage: string
  readonly details?: string
  constructor(shortMessage: string, details?: string) {
    super(details ? `${shortMessage}\n${details}` : shortMessage)
    this.name = 'ProcessError'
    this.shortMessage = shortMessage
    this.details = details
  }
}

/** A TCP port this run needs is already taken by another process. */
export class PortInUseError extends ProcessError {
  constructor(what: string, host: string, port: number) {
    super(
      `Port ${port} on ${host} (${what}) is already in use.`,
      `Stop whatever listens there (e.g. \`lsof -i :${port}\`) or choose another port (see --help).`,
    )
    this.name = 'PortInUseError'
  }
}

/** A supervised command exited with a non-zero status. */
export class CommandFailedError extends ProcessError {
  constructor(name: string, code: number | null, signal: NodeJS.Signals | null, outputTail: string) {
    super(
      `${name} failed (${signal ? `signal ${signal}` : `exit code ${code}`}).`,
      outputTail ? `Last output:\n${outputTail}` : undefined,
    )
    this.name = 'CommandFailedError'
  }
}

export type OutputMode =
  /** Pass stdout/stderr straight through. */
  | 'inherit'
  /** Print each line with a `name │ ` prefix. */
  | 'prefix'
  /** Keep the output (its last lines are shown if the command fails). */
  | 'capture'

export type SpawnParameters = {
  /** Short label used in messages and prefixes ("anvil", "app", "next build"). */
  name: string
  command: string
  args?: readonly string[]
  cwd?: string
  env?: NodeJS.ProcessEnv
  output?: OutputMode
}

export type Supervised = {
  name: string
  child: ChildProcess
  /** Resolves when the process has exited (never rejects). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** The last lines it printed (kept in every output mode except `inherit`). */
  outputTail: () => string
  /** What best explains a failure: from its first error line on (else the tail), at most 40 lines. */
  outputExcerpt: () => string
}

/** Lines of output kept per process, and lines shown from them. */
const KEPT_LINES = 2_000
const SHOWN_LINES = 40
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI colour codes
const ANSI = /\u001b\[[0-9;]*m/g

/**
 * Owns every child process and cleanup step of a run. Children are spawned in their own process
 * group (`detached`) so that stopping one stops everything it started (`next build` workers, …).
 */
export class Supervisor {
  readonly #children = new Set<Supervised>()
  readonly #cleanups: { name: string; fn: () => Promise<void> | void }[] = []
  #stopping: Promise<void> | undefined

  get stopping(): boolean {
    return this.#stopping !== undefined
  }

  /** Starts a command under supervision. */
  spawn({ name, command, args = [], cwd, env, output = 'prefix' }: SpawnParameters): Supervised {
    if (this.#stopping) throw new ProcessError(`Not starting ${name}: shutting down.`)
    const child = spawn(command, args, {
      cwd,
      env: env ?? process.env,
      detached: true,
      stdio: output === 'inherit' ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    })
    const kept: string[] = []
    const onLine = (line: string) => {
      kept.push(line.replace(ANSI, ''))
      if (kept.length > KEPT_LINES) kept.shift()
      if (output === 'prefix' && line.trim() !== '') process.stdout.write(`${name} │ ${line}\n`)
    }
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue
      let buffered = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => {
        buffered += chunk
        const lines = buffered.split(/\r?\n/)
        buffered = lines.pop() ?? ''
        for (const line of lines) onLine(line)
      })
      stream.on('end', () => {
        if (buffered) onLine(buffered)
        buffered = ''
      })
    }
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('error', (error) => {
        onLine(`${error.message}`)
        resolve({ code: null, signal: null })
      })
      child.once('exit', (code, signal) => resolve({ code, signal }))
    })
    const outputTail = () => kept.slice(-SHOWN_LINES).join('\n')
    const outputExcerpt = () => {
      const first = kept.findIndex((line) => /\b(error|failed|cannot|unable)\b/i.test(line))
      return first === -1 ? outputTail() : kept.slice(first, first + SHOWN_LINES).join('\n')
    }
    const supervised: Supervised = { name, child, exited, outputTail, outputExcerpt }
    this.#children.add(supervised)
    void exited.then(() => this.#children.delete(supervised))
    return supervised
  }

  /** Runs a command to completion; rejects with `CommandFailedError` on a non-zero exit. */
  async run(parameters: SpawnParameters): Promise<Supervised> {
    const supervised = this.spawn({ output: 'capture', ...parameters })
    const { code, signal } = await supervised.exited
    if (code !== 0) {
      throw new CommandFailedError(parameters.name, code, signal, supervised.outputExcerpt())
    }
    return supervised
  }

  /** Registers a cleanup step; steps run in reverse order of registration on shutdown. */
  onShutdown(name: string, fn: () => Promise<void> | void): void {
    this.#cleanups.push({ name, fn })
  }

  /** Stops everything: cleanups (newest first), then any child still running. Idempotent. */
  shutdown(): Promise<void> {
    this.#stopping ??= (async () => {
      for (const { name, fn } of this.#cleanups.reverse()) {
        try {
          await withTimeout(Promise.resolve(fn()), 10_000, `${name} did not stop in 10 s`)
        } catch (error) {
          process.stderr.write(`warning: stopping ${name}: ${(error as Error).message}\n`)
        }
      }
      await Promise.all([...this.#children].map((c) => stopProcess(c)))
    })()
    return this.#stopping
  }

  /** Kills every remaining child at once, synchronously (for `process.on('exit')`). */
  killAllNow(): void {
    for (const { child } of this.#children) killGroup(child, 'SIGKILL')
  }

  /**
   * Stops everything on SIGINT/SIGTERM (second signal: kill at once) and on Node's exit, then exits
   * with 130/143. `onSignal` runs first (e.g. to print "stopping…").
   */
  installSignalHandlers(onSignal?: (signal: NodeJS.Signals) => void): void {
    let received = 0
    const handle = (signal: NodeJS.Signals) => {
      received += 1
      if (received > 1) {
        this.killAllNow()
        process.exit(signal === 'SIGINT' ? 130 : 143)
      }
      onSignal?.(signal)
      void this.shutdown().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
    }
    process.on('SIGINT', handle)
    process.on('SIGTERM', handle)
    process.on('SIGHUP', handle)
    process.on('exit', () => this.killAllNow())
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS's pick). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Sends `signal` to the process group `pid` leads (spawned `detached`); false if it is gone. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals = 'SIGTERM'): boolean {
  if (pid === undefined) return false
  try {
    process.kill(-pid, signal)
    return true
  } catch {
    return false
  }
}

/** Sends `signal` to the child's process group (falls back to the child alone). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  if (!signalGroup(child.pid, signal)) {
    try {
      child.kill(signal)
    } catch {
      // already gone
    }
  }
}

/** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the process has exited. */
export async function stopProcess(supervised: Supervised, graceMs = 5_000): Promise<void> {
  const { child, exited } = supervised
  if (child.exitCode !== null || child.signalCode !== null) return
  killGroup(child, 'SIGTERM')
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
  // The leader is gone; make sure nothing it started lingers in its group.
  killGroup(child, 'SIGKILL')
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // group empty
    }
  }
}

/** Throws `PortInUseError` when `port` on `host` cannot be bound. */
export async function assertPortFree(what: string, host: string, port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)))
  })
  if (!free) throw new PortInUseError(what, host, port)
}

/**
 * Polls `ready` every 250 ms until it resolves true; rejects when the supervised process exits first
 * (with its last output) or after `timeoutMs`.
 */
export async function waitUntil(
  what: string,
  ready: () => Promise<boolean>,
  { supervised, timeoutMs = 120_000 }: { supervised?: Supervised; timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (supervised && (supervised.child.exitCode !== null || supervised.child.signalCode !== null)) {
      throw new CommandFailedError(
        supervised.name,
        supervised.child.exitCode,
        supervised.child.signalCode,
        supervised.outputExcerpt(),
      )
    }
    if (await ready().catch(() => false)) return
    if (Date.now() > deadline) throw new ProcessError(`${what} was not ready within ${timeoutMs / 1000} s.`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Waits until `url` answers any HTTP status (see `waitUntil`). */
export function waitForHttp(
  url: string,
  options: { supervised?: Supervised; timeoutMs?: number } = {},
): Promise<void> {
  return waitUntil(
    url,
    async () => {
      await fetch(url, { signal: AbortSignal.timeout(5_000) })
      return true
    },
    options,
  )
}

/** Waits until something accepts TCP connections on `host:port` (see `waitUntil`). */
export function waitForPort(
  host: string,
  port: number,
  options: { supervised?: Supervised; timeoutMs?: number } = {},
): Promise<void> {
  return waitUntil(
    `${host}:${port}`,
    () =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port })
        socket.once('connect', () => {
          socket.destroy()
          resolve(true)
        })
        socket.once('error', () => resolve(false))
      }),
    options,
  )
}

/** Waits until a JSON-RPC node at `url` answers `eth_chainId` (see `waitUntil`). */
export function waitForJsonRpc(
  url: string,
  options: { supervised?: Supervised; timeoutMs?: number } = {},
): Promise<void> {
  return waitUntil(
    `JSON-RPC at ${url}`,
    async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
        signal: AbortSignal.timeout(2_000),
      })
      const body = (await response.json()) as { result?: unknown }
      return typeof body.result === 'string'
    },
    options,
  )
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms)
    }),
  ])
}
