/**
 * Picks a free port in 8600–8699 for one test file's anvil.
 *
 * Parallel vitest workers (and other vitest runs in the same tree) must never share a node: a port is
 * claimed with an exclusive lock file (`O_EXCL`, holding our pid; stale locks of dead pids are
 * reclaimed) and then probed with a bind. The search starts at an offset derived from the worker id so
 * that workers rarely contend for the same port at all.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const PORT_RANGE = { first: 8600, last: 8699 } as const

const lockDir = path.join(tmpdir(), 'prover-pool-test-ports')

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function tryLock(port: number): boolean {
  const file = path.join(lockDir, `${port}.lock`)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10)
      if (Number.isFinite(owner) && (owner === process.pid || isAlive(owner))) return false
      rmSync(file, { force: true }) // stale: its process is gone
    }
  }
  return false
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => server.close(() => resolve(true)))
  })
}

/** A claimed port; `release()` removes the lock (call it after the node has stopped). */
export type PortClaim = { port: number; release: () => void }

/** Claims the next free port after `skip` (ports already tried by this caller are passed in `skip`). */
export async function claimPort(skip: ReadonlySet<number> = new Set()): Promise<PortClaim> {
  mkdirSync(lockDir, { recursive: true })
  const size = PORT_RANGE.last - PORT_RANGE.first + 1
  const worker = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 0)
  const start = (worker * 17 + (process.pid % size)) % size
  for (let i = 0; i < size; i++) {
    const port = PORT_RANGE.first + ((start + i) % size)
    if (skip.has(port) || !tryLock(port)) continue
    const release = () => rmSync(path.join(lockDir, `${port}.lock`), { force: true })
    if (await canBind(port)) return { port, release }
    release()
  }
  throw new Error(`No free port in ${PORT_RANGE.first}–${PORT_RANGE.last} for anvil.`)
}
