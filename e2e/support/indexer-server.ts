/**
 * The e2e indexer, as a Playwright web server (beside the chain server, before the app):
 *
 *   1. waits for the chain server's readiness (it writes the deployments file), then runs the indexer (indexer/, Ponder on a fresh PGlite folder) against the e2e anvil and the
 *      deployments file the chain server wrote, on E2E_INDEXER_PORT (the app's INDEXER_URL);
 *   2. answers `GET http://127.0.0.1:<E2E_INDEXER_CONTROL_PORT>/` with 200 once the indexer has caught
 *      up with the chain (Playwright's readiness check);
 *   3. `POST /indexer/stop` stops the indexer and `POST /indexer/start` starts it again on the same
 *      folder (it resumes where it stopped): specs check what pages show while the history is down;
 *   4. stays up until SIGTERM/SIGINT, when it stops the indexer and removes its folder.
 *
 * The chain's snapshots and reverts (every spec isolates its state so) are reorgs to Ponder: it
 * rolls the history back and follows the new blocks.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import {
  E2E_CHAIN_ID,
  E2E_CHAIN_READY_URL,
  E2E_DEPLOYMENTS_FILE,
  E2E_INDEXER_CONTROL_PORT,
  E2E_INDEXER_PORT,
  E2E_INDEXER_URL,
  E2E_RPC_PORT,
  E2E_RPC_URL,
  repoRoot,
} from './env'

const HOST = '127.0.0.1'
const dataDir = path.join(repoRoot, '.cache', 'e2e', `indexer-${E2E_RPC_PORT}`)

function log(message: string): void {
  process.stdout.write(`[e2e indexer] ${message}\n`)
}

async function main(): Promise<void> {
  const { assertPortFree, signalGroup, waitUntil } = await import('../../scripts/lib/process')
  const { indexerCommand, indexedBlock } = await import('../../scripts/lib/indexer')
  await assertPortFree('e2e indexer', HOST, E2E_INDEXER_PORT)
  await assertPortFree('e2e indexer control', HOST, E2E_INDEXER_CONTROL_PORT)
  rmSync(dataDir, { recursive: true, force: true })
  // Playwright may start the web servers together: the deployments file exists once the chain is ready.
  for (const deadline = Date.now() + 170_000; ; ) {
    const ready = await fetch(E2E_CHAIN_READY_URL, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false)
    if (ready) break
    if (Date.now() > deadline) throw new Error(`the e2e chain (${E2E_CHAIN_READY_URL}) did not get ready`)
    await new Promise((r) => setTimeout(r, 250))
  }
  const command = indexerCommand({
    port: E2E_INDEXER_PORT,
    rpcUrl: E2E_RPC_URL,
    chainId: E2E_CHAIN_ID,
    deploymentsFile: E2E_DEPLOYMENTS_FILE,
    dataDir,
    schema: 'e2e',
    pollingMs: 200,
  })

  let child: ChildProcess | undefined
  let output = ''
  /**
   * Ponder takes the next port when its own is in use ("Port in use"), where the app would never find
   * it: a new indexer starts only once the last one has let go of E2E_INDEXER_PORT.
   */
  const start = async () => {
    await waitUntil(
      `port ${E2E_INDEXER_PORT} free for the e2e indexer`,
      () => assertPortFree('e2e indexer', HOST, E2E_INDEXER_PORT).then(() => true),
      { timeoutMs: 20_000 },
    )
    const c = spawn(command.command, command.args, { cwd: command.cwd, env: command.env, detached: true })
    const keep = (chunk: Buffer) => {
      const text = chunk.toString()
      if (/Port in use/i.test(text)) log(`the indexer found port ${E2E_INDEXER_PORT} in use: ${text.trim()}`)
      output = (output + text).slice(-4_000)
    }
    c.stdout?.on('data', keep)
    c.stderr?.on('data', keep)
    c.on('exit', (code, signal) => {
      if (child === c) {
        child = undefined
        log(`indexer exited (${signal ?? `code ${code}`})\n${output}`)
      }
    })
    child = c
  }
  /** SIGTERM to its group, SIGKILL after 10 s; resolves once it has exited (and freed its port). */
  const stop = async () => {
    const c = child
    if (!c?.pid) return
    child = undefined
    if (c.exitCode !== null || c.signalCode !== null) return
    const exited = new Promise((resolve) => c.once('exit', resolve))
    if (!signalGroup(c.pid, 'SIGTERM')) return
    const timer = setTimeout(() => {
      log('the indexer did not stop within 10 s of SIGTERM: SIGKILL')
      signalGroup(c.pid, 'SIGKILL')
    }, 10_000)
    await exited
    clearTimeout(timer)
  }

  const chainHead = () =>
    fetch(E2E_RPC_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
    })
      .then((r) => r.json() as Promise<{ result: string }>)
      .then((r) => BigInt(r.result))
      .catch(() => null)
  /**
   * Caught up: the indexer is at the chain's head — not past it. After an evm_revert the chain is
   * shorter than what was indexed, and the indexer has followed only once it has rolled back too
   * (Ponder does on its next poll; after a reorg deeper than its finality it never does).
   */
  const caughtUp = async () => {
    const head = await chainHead()
    const indexed = await indexedBlock(E2E_INDEXER_URL)
    if (head === null || indexed === null) return false
    if (indexed === head) return true
    // The chain may have moved between the two reads.
    const later = await chainHead()
    return later !== null && indexed > head && indexed <= later
  }

  const waitCaughtUp = async (ms: number) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
      if (await caughtUp()) return true
      await new Promise((r) => setTimeout(r, 250))
    }
    return false
  }
  /**
   * Before each test (e2e/support/fixtures.ts): the indexer has caught up with the chain. Each test ends
   * with an evm_revert, a reorg for the indexer; one deeper than Ponder's finality (30 blocks on chain
   * 31337, a test that mines many blocks) leaves it unable to follow ("unrecoverable reorg"), so then it
   * starts over from an empty database, as an operator would after such a reorg.
   */
  const follow = async () => {
    if (!child) await start()
    if (await waitCaughtUp(8_000)) return true
    for (let attempt = 1; attempt <= 2; attempt++) {
      log('the indexer does not follow the chain (a reorg deeper than its finality?): starting it over')
      const started = Date.now()
      await stop()
      rmSync(dataDir, { recursive: true, force: true })
      await start()
      // Worst case 8 + 2 × (10 + 20 + 60) = 188 s: within the fixture's 200 s wait (e2e/support/fixtures.ts).
      if (await waitCaughtUp(60_000)) {
        log(
          `the indexer follows the chain again, ${((Date.now() - started) / 1000).toFixed(1)} s after the restart`,
        )
        return true
      }
    }
    log(`the indexer does not follow the chain after two restarts; its last output:\n${output}`)
    return false
  }

  const server = createServer((request, response) => {
    const reply = (status: number, body: string) => {
      response.writeHead(status, { 'content-type': 'text/plain' })
      response.end(body)
    }
    if (request.method === 'POST' && request.url === '/indexer/stop') {
      void stop().then(() => reply(200, 'stopped'))
      return
    }
    if (request.method === 'POST' && request.url === '/indexer/start') {
      void (child ? Promise.resolve() : start()).then(
        () => reply(200, 'started'),
        (error: unknown) => reply(500, String(error)),
      )
      return
    }
    if (request.method === 'POST' && request.url === '/indexer/follow') {
      void follow().then(
        (ok) => reply(ok ? 200 : 503, ok ? 'following the chain' : 'not following'),
        (error: unknown) =>
          reply(503, `not following: ${error instanceof Error ? error.message : String(error)}`),
      )
      return
    }
    if (request.method === 'GET' && request.url === '/') {
      void caughtUp().then((ok) => reply(ok ? 200 : 503, ok ? 'e2e indexer ready' : 'indexing'))
      return
    }
    reply(404, 'not found')
  })

  const shutdown = (code: number) => {
    server.close()
    void stop().finally(() => {
      rmSync(dataDir, { recursive: true, force: true })
      process.exit(code)
    })
  }
  process.once('SIGTERM', () => shutdown(0))
  process.once('SIGINT', () => shutdown(130))

  const started = Date.now()
  await start()
  await new Promise<void>((resolve) => server.listen(E2E_INDEXER_CONTROL_PORT, HOST, resolve))
  while (!(await caughtUp())) {
    if (!child) throw new Error(`the indexer exited before catching up:\n${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  log(`e2e indexer ready in ${((Date.now() - started) / 1000).toFixed(1)} s on ${E2E_INDEXER_URL}`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[e2e indexer] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
