/**
 * `npm run bench`, section "visitors": how many requests reach the node per new block when 1 and when
 * 50 browsers watch the pool, with the browsers reading through the app's routes (/api/rpc for the head,
 * /api/pool for the pool at a block), which share one proxy that coalesces identical requests per
 * block (lib/rpc-proxy).
 *
 * A real measurement: a fresh anvil with the contracts deployed and a few provers, the production
 * build served by `next start` with RPC_URL pointing at a counting proxy in front of anvil, and N
 * simulated browsers polling like the overview page does after its first paint (lib/chain/browser-reads:
 * the block number every BLOCK_POLL_INTERVAL, each new block's pool). Blocks are mined every `blockTimeMs`; the count covers `blocks` new blocks
 * after a warm-up block.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { createPublicClient, http } from 'viem'
import { fetchBlockNumber, fetchPool } from '../../lib/chain/browser-reads'
import type { Deployment } from '../../lib/chain/deployment'
import { serializeDeployment } from '../../lib/chain/deployment'
import { BLOCK_POLL_INTERVAL } from '../../lib/chain/hooks'
import type { ChainSettings } from '../../lib/chain/types'
import { binDir, Supervisor, stopProcess, waitForHttp } from '../lib/process'

export type VisitorRow = {
  visitors: number
  blocks: number
  upstreamRequests: number
  perBlock: number
  byMethod: Record<string, number>
  /** Requests the browsers sent to the app per block (what would reach the node without its routes). */
  browserRequestsPerBlock: number
}

type Counting = { url: string; server: Server; take(): Record<string, number>; reset(): void }

/** A JSON-RPC proxy in front of anvil that counts every request reaching the node, by method. */
async function countingProxy(upstream: string, port: number): Promise<Counting> {
  const counts: Record<string, number> = {}
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (c: Buffer) => chunks.push(c))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      try {
        const parsed = JSON.parse(body.toString('utf8')) as { method?: string } | { method?: string }[]
        for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
          const method = item.method ?? '?'
          counts[method] = (counts[method] ?? 0) + 1
        }
      } catch {
        counts['(not JSON)'] = (counts['(not JSON)'] ?? 0) + 1
      }
      fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        .then(async (answer) => {
          response.writeHead(answer.status, { 'content-type': 'application/json' })
          response.end(Buffer.from(await answer.arrayBuffer()))
        })
        .catch(() => {
          response.writeHead(502)
          response.end()
        })
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    take() {
      const out = { ...counts }
      for (const key of Object.keys(counts)) delete counts[key]
      return out
    },
    reset() {
      for (const key of Object.keys(counts)) delete counts[key]
    },
  }
}

/** One simulated browser on the overview page: the block poll, then the pool per new block. */
function startVisitor(appUrl: string, appRpcUrl: string, counter: { sent: number }) {
  let stopped = false
  let seen: bigint | undefined
  // What the page does (lib/chain/hooks): eth_blockNumber from /api/rpc, then /api/pool at a new block.
  const tick = async () => {
    counter.sent += 1
    const block = await fetchBlockNumber(appRpcUrl)
    if (seen !== undefined && block <= seen) return
    seen = block
    // History is read from the indexer (through /api/history), not the node: only the pool per block.
    counter.sent += 1
    await fetchPool(block, appUrl)
  }
  const loop = async () => {
    // Browsers open the page at different moments: start anywhere in the poll interval.
    await new Promise((r) => setTimeout(r, Math.random() * BLOCK_POLL_INTERVAL))
    while (!stopped) {
      const started = Date.now()
      await tick().catch(() => undefined)
      await new Promise((r) => setTimeout(r, Math.max(0, BLOCK_POLL_INTERVAL - (Date.now() - started))))
    }
  }
  const done = loop()
  return {
    stop: async () => {
      stopped = true
      await done
    },
  }
}

export async function measureVisitors({
  root,
  distDir,
  anvilRpcUrl,
  deployment,
  freePort,
  visitorCounts = [1, 50],
  blocks = 8,
  blockTimeMs = 4_000,
}: {
  root: string
  distDir: string
  anvilRpcUrl: string
  deployment: Deployment
  freePort: () => Promise<number>
  visitorCounts?: number[]
  blocks?: number
  blockTimeMs?: number
}): Promise<{ rows: VisitorRow[]; setup: string }> {
  const supervisor = new Supervisor()
  const proxy = await countingProxy(anvilRpcUrl, await freePort())
  const dir = path.join(root, '.cache', 'bench')
  mkdirSync(dir, { recursive: true })
  const deploymentsFile = path.join(dir, `deployments-visitors-${process.pid}.json`)
  writeFileSync(deploymentsFile, serializeDeployment(deployment))
  const appPort = await freePort()
  const appUrl = `http://127.0.0.1:${appPort}`
  const app = supervisor.spawn({
    name: 'next start',
    command: path.join(binDir, 'next'),
    args: ['start', '-H', '127.0.0.1', '-p', String(appPort)],
    cwd: root,
    output: 'capture',
    env: {
      ...process.env,
      NEXT_DIST_DIR: path.relative(root, distDir),
      RPC_URL: proxy.url,
      CHAIN_ID: String(deployment.chainId),
      DEPLOYMENTS_FILE: deploymentsFile,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  })
  const miner = createPublicClient({ transport: http(anvilRpcUrl) })
  const mine = () => miner.request({ method: 'evm_mine' as never, params: [] as never })
  const settings: ChainSettings = {
    chainId: deployment.chainId,
    rpcUrl: `${appUrl}/api/rpc`,
    explorerUrl: null,
    faucet: false,
    addresses: deployment.addresses,
    deployBlock: deployment.deployBlock.toString(),
  }
  try {
    await waitForHttp(`${appUrl}/api/rpc`, { supervised: app, timeoutMs: 60_000 })
    const rows: VisitorRow[] = []
    for (const count of visitorCounts) {
      const counter = { sent: 0 }
      const visitors = Array.from({ length: count }, () => startVisitor(appUrl, settings.rpcUrl, counter))
      // Warm-up: every visitor has seen the head and read it once.
      await mine()
      await new Promise((r) => setTimeout(r, blockTimeMs))
      proxy.reset()
      counter.sent = 0
      for (let i = 0; i < blocks; i++) {
        await mine()
        await new Promise((r) => setTimeout(r, blockTimeMs))
      }
      const byMethod = proxy.take()
      const sent = counter.sent
      await Promise.all(visitors.map((v) => v.stop()))
      const upstreamRequests = Object.values(byMethod).reduce((a, b) => a + b, 0)
      rows.push({
        visitors: count,
        blocks,
        upstreamRequests,
        perBlock: upstreamRequests / blocks,
        byMethod,
        browserRequestsPerBlock: sent / blocks,
      })
    }
    return {
      rows,
      setup: `next start of ${path.relative(root, distDir)}/, a block every ${blockTimeMs / 1000} s, ${blocks} blocks counted, browsers polling every ${BLOCK_POLL_INTERVAL / 1000} s`,
    }
  } finally {
    await stopProcess(app)
    await supervisor.shutdown()
    await new Promise<void>((resolve) => proxy.server.close(() => resolve()))
    rmSync(deploymentsFile, { force: true })
  }
}
