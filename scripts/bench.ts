/**
 * `npm run bench`: the dashboard's numbers, printed as tables and written to reports/bench.json.
 * A benchmark prints numbers; it asserts nothing (STYLE.md).
 *
 *   1. JavaScript shipped to each page: the production build's own record of every route's first-load
 *      chunks (<distDir>/diagnostics/route-bundle-stats.json, else its manifests), gzipped, and
 *      whether wallet code (RainbowKit, wagmi, WalletConnect) is among them. Read-only pages must
 *      have none. Build first (`npm run build`, or set NEXT_DIST_DIR / --dist to another build).
 *   2. JSON-RPC requests per refresh: the page's live reads (lib/live) with the node reads the app's
 *      routes make, against a fresh anvil with the contracts deployed, through a transport that counts
 *      every request by method. The pool state must be ONE request (the lens).
 *   3. Upstream requests per new block with 1 and with 50 visitors: the production build serves the
 *      browsers' reads through its RPC route (/api/rpc), which coalesces identical requests per
 *      block; a counting proxy in front of anvil counts what reaches the node (scripts/bench/visitors.ts).
 *   4. The fee history of 10,000 blocks: the server-side selection, the chart's data prep, the
 *      chart's server render, and (with Chromium) the chart's render in a real browser, prepared
 *      and unprepared.
 *   5. The mechanism simulator (lib/simulator): 100,000 blocks with 64 provers on PoolModel, the median
 *      of several runs, against its budget of 3 s. The /simulate page's JS is in section 1, with the
 *      Web Worker's own JS beside it (fetched when a run starts).
 *   6. History at scale (scripts/bench/scale.ts): N = 1,000 / 10,000 / 100,000 generated blocks, the
 *      indexer's sync rate, cold and warm renders, web-server RSS and RPC bytes, beside the budgets.
 *   7. Lighthouse (desktop and mobile presets, Debian's Chromium) on every page of a running demo network,
 *      beside the budgets: performance ≥ 90 mobile / ≥ 98 desktop, accessibility 100, CLS < 0.1
 *      (scripts/bench/lighthouse.ts). Starts a network itself unless given --lighthouse-url.
 *
 * reports/bench.json is merged: each section replaces its own key and leaves the others.
 *
 * Options: --dist <dir>   production build to measure (default: NEXT_DIST_DIR or .next)
 *          --skip <js|rpc|visitors|render|simulate|scale|lighthouse>   leave a section out (repeatable)
 *          --lighthouse-url <url>   a running app to measure (e.g. http://127.0.0.1:3020 from `npm start`)
 *          --lighthouse-runs <n>    Lighthouse runs per page and preset, the median kept (default 1)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import {
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  http,
  parseEther,
  type Transport,
  toHex,
} from 'viem'
import { getBlockNumber } from 'viem/actions'
import { MAX_CHART_POINTS, prepareFeeHistory, selectFeePoints } from '../components/fees/fee-history-data'
import { FeeHistoryPlot } from '../components/fees/fee-history-plot'
import { BlockProtocol } from '../contracts-abi/BlockProtocol'
import { TaikoToken } from '../contracts-abi/TaikoToken'
import { chainFor } from '../lib/chain/chains'
import type { Deployment } from '../lib/chain/deployment'
import type { FeePoint } from '../lib/chain/history/fees'
import { chainReadKeys } from '../lib/chain/hooks'
import { readPool } from '../lib/chain/pool'
import { createReadClient, defaultTransport } from '../lib/chain/read-client'
import type { ChainSettings } from '../lib/chain/types'
import { clearReads, readHandle } from '../lib/live/read-store'
import { DEPLOYER_INDEX, devAccount } from '../lib/network/accounts'
import { demoConfig, demoInitialState } from '../lib/pool-math/config'
import { nextFeePerGas } from '../lib/pool-math/nextFeePerGas'
import { Simulation } from '../lib/simulator/engine'
import { defaultScenario, type Scenario } from '../lib/simulator/scenario'
import { LIGHTHOUSE_BUDGETS, measureLighthouse } from './bench/lighthouse'
import { measureVisitors } from './bench/visitors'
import { startAnvil } from './lib/anvil'
import { deployContracts } from './lib/deploy-core'
import { freePort } from './lib/process'

const root = path.resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)

const { values: options } = parseArgs({
  options: {
    dist: { type: 'string' },
    skip: { type: 'string', multiple: true, default: [] },
    'lighthouse-url': { type: 'string' },
    'lighthouse-runs': { type: 'string', default: '1' },
  },
})
const skip = new Set(options.skip)

// ---------------------------------------------------------------------------------------------
// Output helpers
// ---------------------------------------------------------------------------------------------

function table(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))]
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(`\n${title}`)
  console.log(line(header))
  console.log(widths.map((w) => '─'.repeat(w)).join('  '))
  for (const r of cells.slice(1)) console.log(line(r))
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1)
const ms = (value: number) => value.toFixed(2)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

function timeIt(runs: number, fn: () => void): number {
  fn() // warm-up (JIT, module init)
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    samples.push(performance.now() - t)
  }
  return median(samples)
}

// ---------------------------------------------------------------------------------------------
// 1. JavaScript per page
// ---------------------------------------------------------------------------------------------

/** Routes a reader visits without a wallet, and the one that signs. */
const READ_ONLY_ROUTES = ['/', '/provers', '/provers/[address]', '/fees'] as const
const WALLET_ROUTE = '/stake'
/** First-load JS budgets, gzip (issue 12): read-only pages, and the signing page. */
const READ_ONLY_JS_BUDGET_BYTES = 150 * 1024
const STAKE_JS_BUDGET_BYTES = 300 * 1024

/** Read-only too, plus a Web Worker fetched when a run starts; its first load must fit the read-only budget. */
const SIMULATOR_ROUTE = '/simulate'
/**
 * Strings only wallet code carries: package names and versions kept in the minified chunks (case
 * sensitive: viem's own error classes mention "WalletConnect" and are not wallet code).
 */
const WALLET_MARKERS = /@rainbow-me\/|rainbowkit|wagmi@\d|@walletconnect\/|@wagmi\/connectors/

type RouteJs = {
  route: string
  files: number
  rawBytes: number
  gzipBytes: number
  walletCode: boolean
}

/** First-load chunks per route, as the build recorded them (Next 16 writes them to diagnostics/). */
function routeChunks(distDir: string): Map<string, string[]> {
  const stats = path.join(distDir, 'diagnostics', 'route-bundle-stats.json')
  const out = new Map<string, string[]>()
  if (existsSync(stats)) {
    const rows = JSON.parse(readFileSync(stats, 'utf8')) as { route: string; firstLoadChunkPaths: string[] }[]
    for (const r of rows)
      out.set(
        r.route,
        r.firstLoadChunkPaths.map((p) => path.resolve(root, p)),
      )
    return out
  }
  // Older layout: the same data from the manifests the stats file is made from.
  const appPaths = JSON.parse(
    readFileSync(path.join(distDir, 'server', 'app-paths-manifest.json'), 'utf8'),
  ) as Record<string, string>
  const buildManifest = JSON.parse(readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles?: string[]
  }
  const shared = (buildManifest.rootMainFiles ?? []).filter((f) => f.endsWith('.js'))
  for (const appPath of Object.keys(appPaths)) {
    if (!appPath.endsWith('/page')) continue
    const route = appPath.replace(/\/page$/, '') || '/'
    const manifestFile = path.join(distDir, 'server', 'app', `${appPath}_client-reference-manifest.js`)
    if (!existsSync(manifestFile)) continue
    // The manifest is a script that sets a global: load it and read the global back.
    type RscGlobal = { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> }
    ;(globalThis as RscGlobal).__RSC_MANIFEST = undefined
    require(manifestFile)
    const loaded = (globalThis as RscGlobal).__RSC_MANIFEST
    const entryJSFiles: Record<string, string[]> = loaded?.[appPath]?.entryJSFiles ?? {}
    const files = new Set<string>([...Object.values(entryJSFiles).flat(), ...shared])
    out.set(
      route,
      [...files].filter((f) => f.endsWith('.js')).map((f) => path.join(distDir, f)),
    )
  }
  return out
}

function measureJs(distDir: string): RouteJs[] {
  const chunks = routeChunks(distDir)
  const cache = new Map<string, { raw: number; gzip: number; wallet: boolean }>()
  const rows: RouteJs[] = []
  for (const route of [...READ_ONLY_ROUTES, SIMULATOR_ROUTE, WALLET_ROUTE]) {
    const files = chunks.get(route)
    if (!files) continue
    let rawBytes = 0
    let gzipBytes = 0
    let walletCode = false
    for (const file of files) {
      let entry = cache.get(file)
      if (!entry) {
        const content = readFileSync(file)
        entry = {
          raw: content.length,
          gzip: gzipSync(content).length,
          wallet: WALLET_MARKERS.test(content.toString('utf8')),
        }
        cache.set(file, entry)
      }
      rawBytes += entry.raw
      gzipBytes += entry.gzip
      walletCode ||= entry.wallet
    }
    rows.push({ route, files: files.length, rawBytes, gzipBytes, walletCode })
  }
  return rows
}

type WorkerJs = { files: number; rawBytes: number; gzipBytes: number } | null

/**
 * The simulator's Web Worker: Turbopack emits it as a same-origin entrypoint plus its chunks, named in the
 * page's code as `.f("static/chunks/turbopack-worker-….js", [chunks…])`. Sums them (null if not found).
 */
function measureWorker(distDir: string): WorkerJs {
  const chunksDir = path.join(distDir, 'static', 'chunks')
  if (!existsSync(chunksDir)) return null
  const pattern = /"(static\/chunks\/turbopack-worker-[^"]+\.js)",\[([^\]]*)\]/
  for (const name of readdirSync(chunksDir)) {
    if (!name.endsWith('.js')) continue
    const match = pattern.exec(readFileSync(path.join(chunksDir, name), 'utf8'))
    if (!match) continue
    const files = [match[1]!, ...[...match[2]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!)]
    let rawBytes = 0
    let gzipBytes = 0
    for (const file of files) {
      const content = readFileSync(path.join(distDir, file))
      rawBytes += content.length
      gzipBytes += gzipSync(content).length
    }
    return { files: files.length, rawBytes, gzipBytes }
  }
  return null
}

/**
 * The stake page's wallet layer (components/stake/wallet-layer.tsx): a dynamic import, named in the
 * page's first-load code as `Promise.all(["static/chunks/….js", …])`. Sums the chunks of the lists that
 * carry wallet code and are not already in the first load (null if none).
 */
function measureDeferredWallet(distDir: string, firstLoad: readonly string[]): WorkerJs {
  const loaded = new Set(firstLoad.map((f) => path.resolve(f)))
  const deferred = new Set<string>()
  for (const file of firstLoad) {
    for (const match of readFileSync(file, 'utf8').matchAll(
      /Promise\.all\(\[((?:"static\/chunks\/[^"]+",?)+)\]/g,
    )) {
      const files = [...match[1]!.matchAll(/"([^"]+)"/g)].map((m) => path.resolve(distDir, m[1]!))
      const js = files.filter((f) => f.endsWith('.js') && !loaded.has(f) && existsSync(f))
      if (js.some((f) => WALLET_MARKERS.test(readFileSync(f, 'utf8')))) for (const f of js) deferred.add(f)
    }
  }
  if (deferred.size === 0) return null
  let rawBytes = 0
  let gzipBytes = 0
  for (const file of deferred) {
    const content = readFileSync(file)
    rawBytes += content.length
    gzipBytes += gzipSync(content).length
  }
  return { files: deferred.size, rawBytes, gzipBytes }
}

// ---------------------------------------------------------------------------------------------
// 2. JSON-RPC requests
// ---------------------------------------------------------------------------------------------

/** Wraps a transport: every request is counted by method before it goes out. */
function countingTransport(inner: Transport) {
  const calls: string[] = []
  const transport: Transport = (parameters) => {
    const t = inner(parameters)
    return {
      ...t,
      request: (async (args: { method: string }) => {
        calls.push(args.method)
        return t.request(args as never)
      }) as typeof t.request,
    }
  }
  return {
    transport,
    reset: () => calls.splice(0),
    take: () => {
      const byMethod: Record<string, number> = {}
      for (const m of calls.splice(0)) byMethod[m] = (byMethod[m] ?? 0) + 1
      return byMethod
    },
  }
}

function total(byMethod: Record<string, number>): number {
  return Object.values(byMethod).reduce((a, b) => a + b, 0)
}

function describeMethods(byMethod: Record<string, number>): string {
  return Object.entries(byMethod)
    .map(([m, n]) => `${m} ${n}`)
    .join(', ')
}

type RpcRow = { what: string; requests: number; methods: Record<string, number> }

/** Stakes a few provers and proposes/proves a few blocks so the pool and the history are not empty. */
async function populate(
  rpcUrl: string,
  chain: Chain,
  deployment: Deployment,
  provers: number[],
): Promise<void> {
  const publicClient = createPublicClient({ chain, transport: http(rpcUrl) })
  const { protocol, token } = deployment.addresses
  const send = async (
    index: number,
    address: Address,
    abi: unknown,
    functionName: string,
    args: unknown[],
  ) => {
    const wallet = createWalletClient({ chain, transport: http(rpcUrl), account: devAccount(index).account })
    const hash = await wallet.writeContract({ address, abi, functionName, args } as never)
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new Error(`${functionName} reverted`)
  }
  const F = deployment.initialFeePerGas
  for (const [i, index] of provers.entries()) {
    await send(index, token, TaikoToken.abi, 'approve', [protocol, 2n ** 255n])
    await send(index, protocol, BlockProtocol.abi, 'stake', [parseEther('5000'), F, 4n + BigInt(i)])
  }
  const proposer = provers[0]!
  // Each proposal carries its own commitment (a repeated one is refused: SPEC Revision 2).
  for (let i = 0; i < 3; i++)
    await send(proposer, protocol, BlockProtocol.abi, 'proposeBlock', [1_000_000, toHex(i + 1, { size: 32 })])
}

/** A fresh anvil with the contracts deployed, 3 provers staked and 3 blocks proposed, for `run`. */
async function withPopulatedChain<T>(
  run: (chain: { rpcUrl: string; deployment: Deployment; provers: number[] }) => Promise<T>,
): Promise<T> {
  const port = await freePort()
  const anvil = await startAnvil({ port, silent: true })
  try {
    // Anvil funds the mnemonic's first ten accounts with ETH.
    const provers = [4, 5, 6]
    const deployment = await deployContracts({
      rpcUrl: anvil.rpcUrl,
      privateKey: devAccount(DEPLOYER_INDEX).privateKey,
      config: demoConfig,
      initialFeePerGas: demoInitialState.feePerGas,
      initialAvgProofDelayMs: demoInitialState.avgProofDelayMs,
      treasuryFunding: parseEther('10000'),
      mintTo: provers.map((i) => ({ address: devAccount(i).address, amount: parseEther('100000') })),
    })
    await populate(anvil.rpcUrl, chainFor(deployment.chainId, anvil.rpcUrl), deployment, provers)
    return await run({ rpcUrl: anvil.rpcUrl, deployment, provers })
  } finally {
    await anvil.stop()
  }
}

async function measureRpc(): Promise<{ rows: RpcRow[]; chain: string }> {
  return withPopulatedChain(async ({ rpcUrl, deployment, provers }) => {
    const anvil = { rpcUrl }
    const chainId = deployment.chainId
    const chain = chainFor(chainId, anvil.rpcUrl)

    const settings: ChainSettings = {
      chainId,
      rpcUrl: anvil.rpcUrl,
      explorerUrl: null,
      faucet: false,
      addresses: deployment.addresses,
      deployBlock: deployment.deployBlock.toString(),
    }
    const counter = countingTransport(defaultTransport(anvil.rpcUrl))
    const client = createReadClient({ chainId, rpcUrl: anvil.rpcUrl, transport: counter.transport })
    const rows: RpcRow[] = []
    const row = (what: string) => {
      const methods = counter.take()
      rows.push({ what, requests: total(methods), methods })
    }
    // The page's live reads (lib/live) with the reads app/api/pool makes on the node (readPool): N
    // components asking for the same key make one read.
    const headRead = () => getBlockNumber(client, { cacheTime: 0 })
    const poolRead = (blockNumber: bigint) => () => readPool(client, { ...settings.addresses, blockNumber })
    const readers = async <T>(n: number, key: string, read: () => Promise<T>): Promise<T> => {
      const unsubscribes: (() => void)[] = []
      const values = await Promise.all(
        Array.from({ length: n }, () => readHandle(key, read, {}, undefined)).map(
          (handle) =>
            new Promise<T>((resolve, reject) => {
              const check = () => {
                const state = handle.getState()
                if (state.fetching) return
                if (state.status === 'success') resolve(state.data as T)
                if (state.status === 'error') reject(state.error)
              }
              unsubscribes.push(handle.subscribe(check))
              check()
            }),
        ),
      )
      for (const unsubscribe of unsubscribes) unsubscribe()
      return values[0] as T
    }

    // The browser's state after the first paint: the latest block.
    const first = await readers(1, chainReadKeys.blockNumber(chainId), headRead)
    counter.reset()

    // (a) The leaderboard's pool state at a block: the lens, once.
    await readers(1, chainReadKeys.pool(settings, first), poolRead(first))
    row('pool state (leaderboard refresh)')

    // (b) Five components reading the pool at the same block (tiles, banner, table…): no new read.
    await readers(5, chainReadKeys.pool(settings, first), poolRead(first))
    row('same block again, 5 readers')
    clearReads()
    await readers(5, chainReadKeys.pool(settings, first), poolRead(first))
    row('5 concurrent readers, cold cache')

    // (c) A new block arrives. The leaderboard: the poll, then the pool at the new block.
    const testClient = createPublicClient({ chain, transport: http(anvil.rpcUrl) })
    await testClient.request({ method: 'evm_mine' as never, params: [] as never })
    const next = await headRead()
    await readers(1, chainReadKeys.pool(settings, next), poolRead(next))
    row('leaderboard, new block (poll + pool)')
    clearReads()

    // History pages read the indexer (through /api/history), never the node: no RPC request for history.
    return { rows, chain: `anvil ${anvil.rpcUrl}, ${provers.length} provers, 3 blocks` }
  })
}

// ---------------------------------------------------------------------------------------------
// 3. Fee history of 10,000 blocks
// ---------------------------------------------------------------------------------------------

/** 10,000 in-window proofs, F moving by the real moving average (lib/pool-math) toward random bids. */
function feeHistory(count: number): { points: FeePoint[]; now: bigint; current: bigint } {
  let seed = 42
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
  let F: bigint = demoInitialState.feePerGas
  let t = 1_700_000_000n
  const points: FeePoint[] = []
  for (let i = 1; i <= count; i++) {
    const bid = (F * BigInt(9_500 + Math.floor(random() * 1_000))) / 10_000n
    F = nextFeePerGas({ feePerGas: F, effectiveRewardPerGas: bid }, demoConfig)
    t += BigInt(1 + Math.floor(random() * 20))
    points.push({ timestamp: t, feePerGas: F })
  }
  return { points, now: t + 5n, current: F }
}

type RenderRow = { what: string; ms: number | null; note: string }

async function browserRender(data: {
  prepared: { t: number; gwei: number }[]
  all: { t: number; gwei: number }[]
}): Promise<{ prepared: number; all: number } | string> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromiumPath)) return `no Chromium at ${chromiumPath}`
  const esbuild = path.join(root, 'node_modules', '.bin', 'esbuild')
  if (!existsSync(esbuild)) return 'no esbuild to bundle the chart'
  const dir = path.join(root, '.cache', 'bench')
  mkdirSync(dir, { recursive: true })
  const entry = path.join(dir, 'chart-entry.tsx')
  writeFileSync(
    entry,
    `import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { FeeHistoryPlot } from '@/components/fees/fee-history-plot'
;(window as any).renderChart = (data: unknown[]) => new Promise<number>((resolve) => {
  const host = document.createElement('div')
  document.body.replaceChildren(host)
  const start = performance.now()
  host.style.width = '960px'
  createRoot(host).render(createElement(FeeHistoryPlot, { data: data as never, height: 260 }))
  const check = () => (host.querySelector('[data-series] path') ? resolve(performance.now() - start) : requestAnimationFrame(check))
  requestAnimationFrame(check)
})
`,
  )
  const bundle = path.join(dir, 'chart.js')
  const built = spawnSync(
    esbuild,
    [
      entry,
      '--bundle',
      '--minify',
      '--format=iife',
      '--platform=browser',
      '--jsx=automatic',
      `--alias:@=${root}`,
      '--define:process.env.NODE_ENV="production"',
      `--outfile=${bundle}`,
      '--log-level=error',
    ],
    { encoding: 'utf8' },
  )
  if (built.status !== 0) return `bundling failed: ${built.stderr.trim().split('\n')[0]}`
  const { chromium } = await import('@playwright/test')
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><html><body></body></html>')
    await page.addScriptTag({ content: readFileSync(bundle, 'utf8') })
    const run = async (points: unknown[]) => {
      const samples: number[] = []
      for (let i = 0; i < 6; i++) {
        samples.push(
          await page.evaluate(
            (d) => (window as unknown as { renderChart: (x: unknown) => Promise<number> }).renderChart(d),
            points,
          ),
        )
      }
      return median(samples.slice(1))
    }
    return { prepared: await run(data.prepared), all: await run(data.all) }
  } finally {
    await browser.close()
  }
}

async function measureRender(): Promise<RenderRow[]> {
  const count = 10_000
  const { points, now, current } = feeHistory(count)
  const runs = 15
  const rows: RenderRow[] = []
  let selected: FeePoint[] = []
  rows.push({
    what: `server: select + thin ${count.toLocaleString('en-US')} points`,
    ms: timeIt(runs, () => {
      selected = selectFeePoints(points, { range: 'all', now })
    }),
    note: `→ ${selected.length} points sent to the browser`,
  })
  let prepared: { t: number; gwei: number }[] = []
  rows.push({
    what: `chart data prep, ${count.toLocaleString('en-US')} raw points`,
    ms: timeIt(runs, () => {
      prepared = prepareFeeHistory(points, { range: 'all', now, current })
    }),
    note: `→ ${prepared.length} chart points (max ${MAX_CHART_POINTS})`,
  })
  rows.push({
    what: 'chart data prep, server-thinned points',
    ms: timeIt(runs, () => {
      prepareFeeHistory(selected, { range: 'all', now, current })
    }),
    note: 'what the browser does on every new block',
  })
  let html = ''
  rows.push({
    what: 'server render of the chart (renderToString)',
    ms: timeIt(runs, () => {
      html = renderToString(createElement(FeeHistoryPlot, { data: prepared, height: 260 }))
    }),
    note: `${html.length} bytes of HTML: the chart is drawn in the first paint`,
  })
  const all = prepareFeeHistory(points, { range: 'all', now, current, maxPoints: Number.POSITIVE_INFINITY })
  const browser = await browserRender({ prepared, all })
  if (typeof browser === 'string') {
    rows.push({ what: 'browser render', ms: null, note: `skipped: ${browser}` })
  } else {
    rows.push({
      what: `browser render, ${prepared.length} prepared points`,
      ms: browser.prepared,
      note: 'Chromium, median of 5',
    })
    rows.push({
      what: `browser render, all ${all.length.toLocaleString('en-US')} points`,
      ms: browser.all,
      note: 'without the thinning, for comparison',
    })
  }
  return rows
}

// ---------------------------------------------------------------------------------------------
// 4. The mechanism simulator
// ---------------------------------------------------------------------------------------------

const SIMULATE_BUDGET_MS = 3_000

/** The benchmark's scenario: the default pool (production config) with 64 provers and a few failures. */
function simulateBenchScenario(blocks: number): Scenario {
  const scenario = defaultScenario()
  scenario.blocks = blocks
  scenario.provers[0]!.count = 64
  scenario.provers[0]!.failureRate = 0.001
  return scenario
}

function measureSimulate(runs: number) {
  new Simulation(simulateBenchScenario(10_000)).run() // warm-up (JIT)
  const wall: number[] = []
  // CPU time of this process beside the wall clock: on a shared machine the two part when others run.
  const cpu: number[] = []
  const results = Array.from({ length: runs }, () => {
    const t = performance.now()
    const c = process.cpuUsage()
    const result = new Simulation(simulateBenchScenario(100_000)).run()
    const used = process.cpuUsage(c)
    wall.push(performance.now() - t)
    cpu.push((used.user + used.system) / 1_000)
    return result
  })
  const last = results.at(-1)!
  return {
    ms: median(wall),
    cpuMs: median(cpu),
    runsMs: wall.map((x) => Math.round(x)),
    runsCpuMs: cpu.map((x) => Math.round(x)),
    budgetMs: SIMULATE_BUDGET_MS,
    withinBudget: median(wall) <= SIMULATE_BUDGET_MS,
    loadAverage: loadavg()[0] ?? 0,
    blocks: last.blocks,
    provers: last.scenario.provers,
    slashes: last.slashes,
    redundantProofs: last.redundantProofs,
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const report: Record<string, unknown> = { generatedAt: new Date().toISOString() }
  console.log('Prover Pool — dashboard benchmarks')

  if (!skip.has('js')) {
    const distDir = path.resolve(root, options.dist ?? process.env.NEXT_DIST_DIR ?? '.next')
    if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
      const rel = path.relative(root, distDir)
      console.log(
        `\nJS per page: no production build in ${rel}/ (build it: NEXT_DIST_DIR=${rel} npx next build)`,
      )
      report.js = { distDir: rel, error: 'no production build' }
    } else {
      const rows = measureJs(distDir)
      table(
        `JavaScript shipped per page (first load, ${path.relative(root, distDir)}/)`,
        ['route', 'chunks', 'raw KB', 'gzip KB', 'budget (issue 12)', 'wallet code'],
        rows.map((r) => {
          const budgetBytes = r.route === WALLET_ROUTE ? STAKE_JS_BUDGET_BYTES : READ_ONLY_JS_BUDGET_BYTES
          return [
            r.route === WALLET_ROUTE ? `${r.route} (signs)` : r.route,
            r.files,
            kb(r.rawBytes),
            kb(r.gzipBytes),
            `≤ ${kb(budgetBytes)} (${r.gzipBytes <= budgetBytes ? 'within' : 'OVER'})`,
            r.walletCode ? 'yes' : 'no',
          ]
        }),
      )
      const leaking = rows.filter((r) => r.route !== WALLET_ROUTE && r.walletCode).map((r) => r.route)
      console.log(
        leaking.length
          ? `wallet code on read-only pages: ${leaking.join(', ')}`
          : 'no wallet code on read-only pages',
      )
      // The simulator's budget: the heaviest of the other read-only pages, plus its worker.
      const readOnly = rows.filter((r) => (READ_ONLY_ROUTES as readonly string[]).includes(r.route))
      const budget = Math.max(0, ...readOnly.map((r) => r.gzipBytes))
      const simulator = rows.find((r) => r.route === SIMULATOR_ROUTE)
      const worker = measureWorker(distDir)
      if (simulator)
        console.log(
          `${SIMULATOR_ROUTE}: ${kb(simulator.gzipBytes)} KB gzip first load (read-only budget ${kb(budget)} KB: ` +
            `${simulator.gzipBytes <= budget ? 'within' : 'OVER'}) + worker ${
              worker
                ? `${kb(worker.gzipBytes)} KB gzip in ${worker.files} files, fetched on Run`
                : 'not found'
            }`,
        )
      // The stake page: what its first load carries, and the wallet layer it fetches when wanted.
      const stake = rows.find((r) => r.route === WALLET_ROUTE)
      const walletLayer = stake
        ? measureDeferredWallet(distDir, routeChunks(distDir).get(WALLET_ROUTE) ?? [])
        : null
      if (stake)
        console.log(
          `${WALLET_ROUTE}: ${kb(stake.gzipBytes)} KB gzip first load (budget ${kb(STAKE_JS_BUDGET_BYTES)} KB: ` +
            `${stake.gzipBytes <= STAKE_JS_BUDGET_BYTES ? 'within' : 'OVER'}) + wallet layer ${
              walletLayer
                ? `${kb(walletLayer.gzipBytes)} KB gzip in ${walletLayer.files} files, fetched when wanted`
                : stake.walletCode
                  ? 'in the first load'
                  : 'not found'
            }`,
        )
      report.js = {
        distDir: path.relative(root, distDir),
        routes: rows,
        walletCodeOnReadOnlyPages: leaking,
        stakeWalletLayer: walletLayer,
        simulator: simulator
          ? { route: SIMULATOR_ROUTE, gzipBytes: simulator.gzipBytes, readOnlyBudgetBytes: budget, worker }
          : null,
      }
    }
  }

  if (!skip.has('rpc')) {
    try {
      const { rows, chain } = await measureRpc()
      table(
        `JSON-RPC requests (counting transport; ${chain})`,
        ['refresh', 'requests', 'by method'],
        rows.map((r) => [r.what, r.requests, describeMethods(r.methods)]),
      )
      report.rpc = { chain, rows }
    } catch (error) {
      console.log(`\nJSON-RPC requests: failed (${error instanceof Error ? error.message : String(error)})`)
      report.rpc = { error: String(error) }
    }
  }

  if (!skip.has('visitors')) {
    const distDir = path.resolve(root, options.dist ?? process.env.NEXT_DIST_DIR ?? '.next')
    if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
      console.log('\nUpstream requests per block: no production build to serve (see JS per page above)')
      report.visitors = { error: 'no production build' }
    } else {
      try {
        const { rows, setup } = await withPopulatedChain(({ rpcUrl, deployment }) =>
          measureVisitors({ root, distDir, anvilRpcUrl: rpcUrl, deployment, freePort }),
        )
        table(
          `Upstream requests per new block through /api/rpc and /api/pool (${setup})`,
          ['visitors', 'to the node per block', 'browsers → app per block', 'to the node, by method'],
          rows.map((r) => [
            r.visitors,
            r.perBlock.toFixed(1),
            r.browserRequestsPerBlock.toFixed(1),
            describeMethods(r.byMethod),
          ]),
        )
        report.visitors = { setup, rows }
      } catch (error) {
        console.log(
          `\nUpstream requests per block: failed (${error instanceof Error ? error.message : String(error)})`,
        )
        report.visitors = { error: String(error) }
      }
    }
  }

  if (!skip.has('render')) {
    const rows = await measureRender()
    table(
      'Fee history of 10,000 blocks (median)',
      ['step', 'ms', 'note'],
      rows.map((r) => [r.what, r.ms === null ? '—' : ms(r.ms), r.note]),
    )
    report.feeHistory = rows
  }

  if (!skip.has('simulate')) {
    const runs = 5
    const r = measureSimulate(runs)
    table(
      `Mechanism simulator (lib/simulator on PoolModel; median of ${runs} runs after a warm-up)`,
      ['measure', 'ms', 'budget', 'note'],
      [
        [
          'simulate.100kBlocks64Provers',
          ms(r.ms),
          `≤ ${r.budgetMs.toLocaleString('en-US')} (${r.withinBudget ? 'within' : 'OVER'})`,
          `runs ${r.runsMs.join(', ')} ms; CPU ${ms(r.cpuMs)} ms (median); load ${r.loadAverage.toFixed(1)}; ${r.blocks.toLocaleString('en-US')} blocks, ${r.provers} provers, ${r.slashes} slashes`,
        ],
      ],
    )
    report.simulate = { '100kBlocks64Provers': r }
  }

  if (!skip.has('scale')) {
    // History at any scale (scripts/bench/scale.ts): N blocks generated, indexed, and the pages rendered.
    const { measureScale, scaleHeader, scaleSizesFromEnv, scaleTable } = await import('./bench/scale')
    const distDir = path.resolve(root, options.dist ?? process.env.NEXT_DIST_DIR ?? '.next')
    if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
      console.log('\nScale: no production build to serve (npm run build)')
      report.scale = { error: 'no production build' }
    } else {
      try {
        const scale = await measureScale({ distDir, sizes: scaleSizesFromEnv() })
        table(
          'History at scale (budget at the largest N: cold ≤ 1.5× and RSS ≤ +30 MB of the smallest)',
          scaleHeader,
          scaleTable(scale),
        )
        report.scale = scale
      } catch (error) {
        console.log(`\nScale: failed (${error instanceof Error ? error.message : String(error)})`)
        report.scale = { error: String(error) }
      }
    }
  }

  if (!skip.has('lighthouse')) {
    try {
      const lh = await measureLighthouse({
        root,
        baseUrl: options['lighthouse-url'],
        runs: Math.max(1, Number(options['lighthouse-runs']) || 1),
        freePort,
        log: (line) => console.log(line),
      })
      const b = LIGHTHOUSE_BUDGETS
      table(
        `Lighthouse ${lh.lighthouse} (${lh.network === 'given' ? lh.baseUrl : 'a demo network it started'}; ` +
          `median of ${lh.runsPerPage} run${lh.runsPerPage === 1 ? '' : 's'}; budgets: perf ≥ ${b.performance.desktop} ` +
          `desktop / ≥ ${b.performance.mobile} mobile, a11y ${b.accessibility}, CLS < ${b.cls})`,
        ['page', 'preset', 'perf', 'a11y', 'LCP ms', 'TBT ms', 'CLS', 'FCP ms', 'budget'],
        lh.rows.map((r) => [
          r.page === 'prover' ? '/provers/[address]' : r.path,
          r.preset,
          `${r.performance}${r.performance >= b.performance[r.preset] ? '' : ' ✗'}`,
          `${r.accessibility}${r.accessibility >= b.accessibility ? '' : ' ✗'}`,
          r.lcpMs,
          r.tbtMs,
          `${r.cls}${r.cls < b.cls ? '' : ' ✗'}`,
          r.fcpMs,
          r.withinBudget ? 'within' : 'OVER',
        ]),
      )
      for (const r of lh.rows.filter((x) => x.shifted?.length))
        console.log(
          `layout shift on ${r.path} (${r.preset}): ${r.shifted!.map((s) => `${s.selector} ${s.score}`).join('; ')}`,
        )
      report.lighthouse = lh
    } catch (error) {
      console.log(`\nLighthouse: failed (${error instanceof Error ? error.message : String(error)})`)
      report.lighthouse = { error: String(error) }
    }
  }

  // Merged: a section left out (or written by another tool) keeps its last figures.
  const reportFile = path.join(root, 'reports', 'bench.json')
  const previous = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as object) : {}
  mkdirSync(path.join(root, 'reports'), { recursive: true })
  writeFileSync(reportFile, `${JSON.stringify({ ...previous, ...report }, null, 2)}\n`)
  console.log('\nwrote reports/bench.json')
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
