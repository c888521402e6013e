/**
 * Starts a local anvil (from node_modules/.bin) and waits until it answers JSON-RPC.
 * Reused by scripts/deploy, scripts/gas, the contract tests and the local network.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { signalGroup } from './process'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const anvilBin = path.join(root, 'node_modules', '.bin', 'anvil')

export type StartAnvilParameters = {
  port: number
  /** Seconds between mined blocks; omit for automine (a block per transaction). */
  blockTime?: number
  /** Do not forward anvil's output (default true). */
  silent?: boolean
  /** How long to wait for the RPC to answer, in ms (default 20 000). */
  timeoutMs?: number
  /** Extra command-line arguments for anvil. */
  args?: string[]
}

export type StartAnvilReturnType = {
  rpcUrl: string
  stop: () => Promise<void>
}

const running = new Set<ChildProcess>()
let exitHookInstalled = false

/**
 * `.bin/anvil` is a Node wrapper that spawns the real binary, so anvil runs in its own process group and
 * is stopped by signalling the whole group (wrapper and binary).
 */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  signalGroup(child.pid, signal)
}

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL')
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of running) killGroup(child, 'SIGKILL')
      process.exit(130)
    })
  }
}

async function chainIdAnswers(rpcUrl: string): Promise<boolean> {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    })
    if (!response.ok) return false
    const body = (await response.json()) as { result?: string }
    return typeof body.result === 'string'
  } catch {
    return false
  }
}

/** Spawns `anvil --host 127.0.0.1 --port <port>` and resolves once `eth_chainId` answers. */
export async function startAnvil({
  port,
  blockTime,
  silent = true,
  timeoutMs = 20_000,
  args = [],
}: StartAnvilParameters): Promise<StartAnvilReturnType> {
  const rpcUrl = `http://127.0.0.1:${port}`
  if (await chainIdAnswers(rpcUrl)) throw new Error(`port ${port} is already serving JSON-RPC (${rpcUrl})`)
  const anvilArgs = ['--host', '127.0.0.1', '--port', String(port), ...args]
  if (blockTime !== undefined) anvilArgs.push('--block-time', String(blockTime))
  const child = spawn(anvilBin, anvilArgs, { stdio: silent ? 'ignore' : 'inherit', detached: true })
  installExitHook()
  running.add(child)

  let exited = false
  child.once('exit', () => {
    exited = true
    running.delete(child)
  })

  const stop = async (): Promise<void> => {
    if (exited) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      killGroup(child, 'SIGTERM')
      setTimeout(() => {
        if (!exited) killGroup(child, 'SIGKILL')
      }, 2_000).unref()
    })
  }

  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited) throw new Error(`anvil exited before answering on ${rpcUrl}`)
    if (await chainIdAnswers(rpcUrl)) return { rpcUrl, stop }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stop()
  throw new Error(`anvil did not answer on ${rpcUrl} within ${timeoutMs} ms`)
}
