/**
 * The scale benchmark: the dashboard on a pool with a long history. For each N (default 1,000, 10,000
 * and 100,000 L2 blocks; SCALE_SIZES=1000,10000 to choose):
 *
 *   1. a fresh anvil (--prune-history), the contracts with the demo config, the 40 demo provers;
 *   2. N blocks proposed and proven by the history generator (scripts/network/history.ts): its rate;
 *   3. the indexer on a fresh PGlite from the deploy block: its sync rate (chain blocks and L2 blocks
 *      per second until it has indexed the head);
 *   4. the production build (`next start`) reading the chain through a counting proxy and its history
 *      from the indexer: for `/`, `/fees` and a prover page, a cold render (the first request to a fresh
 *      server) and a warm one (median of 3 later requests), the web server's RSS after them, and the
 *      JSON-RPC bytes and requests the cold request caused.
 *
 * Printed beside the issue's budgets: at 100,000 blocks each page's cold render ≤ 1.5× its time at
 * 1,000 and the web server's RSS within 30 MB of it. `npm run bench` runs it as its `scale` section
 * (report.scale in reports/bench.json); `npx tsx scripts/bench/scale.ts` runs it alone and merges
 * `scale` into the existing reports/bench.json.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { serializeDeployment } from '../../lib/chain/deployment'
import { demoConfig } from '../../lib/pool-math/config'
import { startAnvil } from '../lib/anvil'
import { indexedBlock, indexerCommand } from '../lib/indexer'
import { binDir, freePort, signalGroup, waitForHttp } from '../lib/process'
import { createClients } from '../network/chain'
import { deployDemoContracts } from '../network/deploy-demo'
import { generateHistory } from '../network/history'
import { stakePopulation } from '../network/population'

const root = path.resolve(import.meta.dirname, '..', '..')
const PAGES = ['/', '/fees', 'prover'] as const

export type ScalePage = {
  page: string
  /** Median of the cold runs. */
  coldMs: number
  coldRunsMs: number[]
  warmMs: number
  rssMb: number
  rpcRequests: number
  rpcBytes: number
}
export type ScaleRow = {
  blocks: number
  chainBlocks: number
  generator: { seconds: number; blocksPerSecond: number; late: number }
  /** `startupSeconds`: until Ponder answers /health; `seconds`: from then until it has indexed the head. */
  indexer: {
    startupSeconds: number
    seconds: number
    chainBlocksPerSecond: number
    l2BlocksPerSecond: number
  }
  pages: ScalePage[]
}
export type ScaleReport = {
  sizes: number[]
  rows: ScaleRow[]
  budget: {
    coldRatioMax: number
    rssDeltaMaxMb: number
    checks: { page: string; coldRatio: number; rssDeltaMb: number; within: boolean }[]
  } | null
}

/** A JSON-RPC proxy in front of anvil counting requests and response bytes. */
async function countingProxy(upstream: string) {
  let requests = 0
  let bytes = 0
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (c: Buffer) => chunks.push(c))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      try {
        const parsed = JSON.parse(body.toString('utf8')) as unknown
        requests += Array.isArray(parsed) ? parsed.length : 1
      } catch {
        requests += 1
      }
      fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        .then(async (answer) => {
          const out = Buffer.from(await answer.arrayBuffer())
          bytes += out.length
          response.writeHead(answer.status, { 'content-type': 'application/json' })
          response.end(out)
        })
        .catch(() => {
          response.writeHead(502)
          response.end()
        })
    })
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    take: () => {
      const taken = { requests, bytes }
      requests = 0
      bytes = 0
      return taken
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** RSS of a process group (the web server and any worker it started), in MB. */
function groupRssMb(pgid: number): number {
  const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pgid)], { encoding: 'utf8' })
  return (
    out
      .split('\n')
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0)
      .reduce((a, b) => a + b, 0) / 1024
  )
}

async function timed(url: string): Promise<number> {
  const t = performance.now()
  const response = await fetch(url)
  await response.text()
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  return performance.now() - t
}

async function measureSize(
  n: number,
  distDir: string,
  coldRuns: number,
  log: (line: string) => void,
): Promise<ScaleRow> {
  const dir = mkdtempSync(path.join(tmpdir(), `scale-${n}-`))
  const anvil = await startAnvil({ port: await freePort(), silent: true, args: ['--prune-history'] })
  let indexerPid: number | undefined
  try {
    const deployment = await deployDemoContracts(anvil.rpcUrl)
    const deploymentsFile = path.join(dir, 'deployment.json')
    writeFileSync(deploymentsFile, serializeDeployment(deployment))
    const clients = createClients(anvil.rpcUrl)
    const populated = await stakePopulation({ clients, addresses: deployment.addresses, config: demoConfig })
    const generated = await generateHistory({
      rpcUrl: anvil.rpcUrl,
      addresses: deployment.addresses,
      blocks: n,
      minGasPerBlock: demoConfig.minGasPerBlock,
    })
    const head = await clients.publicClient.getBlockNumber()
    log(
      `  ${n.toLocaleString('en-US')} blocks generated in ${(generated.ms / 1000).toFixed(1)} s; chain at block ${head}`,
    )

    // The indexer from scratch, timed until it has indexed the head.
    const indexerPort = await freePort()
    const indexerUrl = `http://127.0.0.1:${indexerPort}`
    const command = indexerCommand({
      port: indexerPort,
      rpcUrl: anvil.rpcUrl,
      chainId: deployment.chainId,
      deploymentsFile,
      dataDir: path.join(dir, 'pglite'),
      schema: 'scale',
    })
    const started = performance.now()
    const indexer = spawn(command.command, command.args, {
      cwd: command.cwd,
      env: command.env,
      detached: true,
      stdio: 'ignore',
    })
    indexerPid = indexer.pid
    for (;;) {
      const up = await fetch(`${indexerUrl}/health`, { signal: AbortSignal.timeout(1_000) })
        .then((r) => r.ok)
        .catch(() => false)
      if (up) break
      if (indexer.exitCode !== null) throw new Error('the indexer exited')
      await new Promise((r) => setTimeout(r, 100))
    }
    const startupSeconds = (performance.now() - started) / 1000
    for (;;) {
      const at = await indexedBlock(indexerUrl)
      if (at !== null && at >= head) break
      if (indexer.exitCode !== null) throw new Error('the indexer exited')
      await new Promise((r) => setTimeout(r, 250))
    }
    const syncSeconds = (performance.now() - started) / 1000 - startupSeconds
    const chainBlocks = Number(head - deployment.deployBlock)
    log(`  indexer up in ${startupSeconds.toFixed(1)} s, caught up ${syncSeconds.toFixed(1)} s later`)

    // The app, fresh for each page's cold render.
    const prover = populated.provers[0]!.actor.address
    const proxy = await countingProxy(anvil.rpcUrl)
    const pages: ScalePage[] = []
    try {
      for (const page of PAGES) {
        // A cold render is one request to a fresh server: noisy on a shared machine, so the median of
        // `coldRuns` fresh servers; warm renders and RSS from the last of them.
        const colds: { ms: number; requests: number; bytes: number }[] = []
        let last: Omit<ScalePage, 'page' | 'coldMs' | 'coldRunsMs' | 'rpcRequests' | 'rpcBytes'> | undefined
        for (let run = 0; run < coldRuns; run++) {
          const appPort = await freePort()
          const app = spawn(path.join(binDir, 'next'), ['start', '-H', '127.0.0.1', '-p', String(appPort)], {
            cwd: root,
            detached: true,
            stdio: 'ignore',
            env: {
              ...process.env,
              NEXT_DIST_DIR: path.relative(root, distDir),
              NEXT_TELEMETRY_DISABLED: '1',
              RPC_URL: proxy.url,
              CHAIN_ID: String(deployment.chainId),
              DEPLOYMENTS_FILE: deploymentsFile,
              INDEXER_URL: indexerUrl,
            },
          })
          try {
            const base = `http://127.0.0.1:${appPort}`
            await waitForHttp(`${base}/api/history/stakers?status=evicted`, { timeoutMs: 60_000 })
            proxy.take()
            const url = `${base}${page === 'prover' ? `/provers/${prover}` : page}`
            const ms = await timed(url)
            colds.push({ ms, ...proxy.take() })
            if (run === coldRuns - 1) {
              const warm: number[] = []
              for (let i = 0; i < 3; i++) warm.push(await timed(url))
              warm.sort((a, b) => a - b)
              last = { warmMs: warm[1]!, rssMb: groupRssMb(app.pid!) }
            }
          } finally {
            signalGroup(app.pid)
            await new Promise((r) => setTimeout(r, 500))
            signalGroup(app.pid, 'SIGKILL')
          }
        }
        const sorted = colds.map((c) => c.ms).sort((a, b) => a - b)
        pages.push({
          page,
          coldMs: sorted[Math.floor(sorted.length / 2)]!,
          coldRunsMs: colds.map((c) => Math.round(c.ms)),
          warmMs: last!.warmMs,
          rssMb: last!.rssMb,
          rpcRequests: colds[0]!.requests,
          rpcBytes: colds[0]!.bytes,
        })
      }
    } finally {
      await proxy.close()
    }
    return {
      blocks: n,
      chainBlocks,
      generator: {
        seconds: generated.ms / 1000,
        blocksPerSecond: (n * 1000) / generated.ms,
        late: generated.late,
      },
      indexer: {
        startupSeconds,
        seconds: syncSeconds,
        chainBlocksPerSecond: chainBlocks / syncSeconds,
        l2BlocksPerSecond: n / syncSeconds,
      },
      pages,
    }
  } finally {
    signalGroup(indexerPid)
    await new Promise((r) => setTimeout(r, 1_000))
    signalGroup(indexerPid, 'SIGKILL')
    await anvil.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

export const DEFAULT_SCALE_SIZES = [1_000, 10_000, 100_000]
export const COLD_RATIO_MAX = 1.5
export const RSS_DELTA_MAX_MB = 30

export async function measureScale({
  distDir,
  sizes = DEFAULT_SCALE_SIZES,
  coldRuns = Number(process.env.SCALE_COLD_RUNS ?? 3),
  log = (line: string) => console.log(line),
}: {
  distDir: string
  sizes?: number[]
  /** Fresh servers per page; the cold time is their median (SCALE_COLD_RUNS, default 3). */
  coldRuns?: number
  log?: (line: string) => void
}): Promise<ScaleReport> {
  const rows: ScaleRow[] = []
  for (const n of sizes) {
    log(`scale: ${n.toLocaleString('en-US')} blocks…`)
    const row = await measureSize(n, distDir, coldRuns, log)
    rows.push(row)
    // Each size's figures as soon as they are measured (a long run may be cut short).
    for (const p of row.pages)
      log(
        `  ${p.page}: cold ${p.coldMs.toFixed(0)} ms (runs ${p.coldRunsMs.join(', ')}), warm ${p.warmMs.toFixed(0)} ms, RSS ${p.rssMb.toFixed(0)} MB, RPC ${p.rpcRequests} req / ${(p.rpcBytes / 1024).toFixed(1)} KB`,
      )
  }
  const first = rows[0]
  const last = rows.at(-1)
  const budget =
    first && last && rows.length > 1
      ? {
          coldRatioMax: COLD_RATIO_MAX,
          rssDeltaMaxMb: RSS_DELTA_MAX_MB,
          checks: last.pages.map((p) => {
            const base = first.pages.find((q) => q.page === p.page)!
            const coldRatio = p.coldMs / base.coldMs
            const rssDeltaMb = p.rssMb - base.rssMb
            return {
              page: p.page,
              coldRatio,
              rssDeltaMb,
              within: coldRatio <= COLD_RATIO_MAX && rssDeltaMb <= RSS_DELTA_MAX_MB,
            }
          }),
        }
      : null
  return { sizes, rows, budget }
}

/** The scale report as table rows (blocks, page, figures, and the budget check at the largest size). */
export function scaleTable(report: ScaleReport): (string | number)[][] {
  const out: (string | number)[][] = []
  for (const r of report.rows) {
    for (const p of r.pages) {
      const check =
        r === report.rows.at(-1) ? report.budget?.checks.find((c) => c.page === p.page) : undefined
      out.push([
        r.blocks.toLocaleString('en-US'),
        p.page,
        p.coldMs.toFixed(0),
        p.warmMs.toFixed(0),
        p.rssMb.toFixed(0),
        `${p.rpcRequests} / ${(p.rpcBytes / 1024).toFixed(1)} KB`,
        `${Math.round(r.indexer.chainBlocksPerSecond)} chain / ${Math.round(r.indexer.l2BlocksPerSecond)} L2`,
        `${Math.round(r.generator.blocksPerSecond)}`,
        check
          ? `cold ×${check.coldRatio.toFixed(2)} (≤ ${COLD_RATIO_MAX}), RSS ${check.rssDeltaMb >= 0 ? '+' : ''}${check.rssDeltaMb.toFixed(0)} MB (≤ +${RSS_DELTA_MAX_MB}): ${check.within ? 'within' : 'OVER'}`
          : '',
      ])
    }
  }
  return out
}

export const scaleHeader = [
  'blocks',
  'page',
  'cold ms',
  'warm ms',
  'web RSS MB',
  'RPC per cold request',
  'indexer sync blocks/s',
  'generator blocks/s',
  'budget (largest vs smallest)',
]

export function scaleSizesFromEnv(env: NodeJS.ProcessEnv = process.env): number[] {
  const raw = env.SCALE_SIZES
  if (!raw) return DEFAULT_SCALE_SIZES
  return raw
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isSafeInteger(n) && n > 0)
}

// Alone: measure and merge `scale` into reports/bench.json.
if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = path.resolve(root, process.env.NEXT_DIST_DIR ?? '.next')
  if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
    console.error(`No production build in ${distDir}: run npm run build first (or set NEXT_DIST_DIR).`)
    process.exit(1)
  }
  const report = await measureScale({ distDir, sizes: scaleSizesFromEnv() })
  console.table(scaleTable(report).map((row) => Object.fromEntries(scaleHeader.map((h, i) => [h, row[i]]))))
  const file = path.join(root, 'reports', 'bench.json')
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
  execFileSync('mkdir', ['-p', path.dirname(file)])
  writeFileSync(file, `${JSON.stringify({ ...existing, scale: report }, null, 2)}\n`)
  console.log('merged scale into reports/bench.json')
  process.exit(0)
}
