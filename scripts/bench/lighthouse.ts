/**
 * `npm run bench`, section "lighthouse": Lighthouse 12.8 (the last line that runs on Node 20) driving
 * Debian's Chromium on every page of the dashboard, with the desktop and the mobile preset, against a
 * running demo network: the one at `--lighthouse-url`, or one this section starts itself
 * (`scripts/start.ts` on free ports: the chain, the demo population, the bots and the production build)
 * and stops afterwards.
 *
 * Each (page, preset) is run `runs` times; the run with the median performance score is kept (its
 * other figures come from that same run, so they belong together). The numbers are printed beside the
 * budgets; nothing is asserted (STYLE.md: a benchmark prints numbers).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { launch } from 'chrome-launcher'
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse'
import { binDir, type Supervised, Supervisor, stopProcess, waitUntil } from '../lib/process'

/** Debian's Chromium, as in playwright.config.ts (never a downloaded browser: the machine is offline). */
export const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

export type Preset = 'desktop' | 'mobile'
export const PRESETS: readonly Preset[] = ['desktop', 'mobile']

/** The budgets of issue 12: performance score per preset, accessibility, cumulative layout shift. */
export const LIGHTHOUSE_BUDGETS = {
  performance: { desktop: 98, mobile: 90 },
  accessibility: 100,
  /** Strictly below. */
  cls: 0.1,
} as const

export type LighthouseRow = {
  page: string
  path: string
  preset: Preset
  /** 0–100, as Lighthouse shows them. */
  performance: number
  accessibility: number
  lcpMs: number
  tbtMs: number
  cls: number
  /** First Contentful Paint and Speed Index, to read a low score by. */
  fcpMs: number
  speedIndexMs: number
  /** Performance scores of every run (the row's figures are the median run's). */
  runs: number[]
  withinBudget: boolean
  /** When CLS is over budget: the elements that moved most (Lighthouse's `layout-shifts` audit). */
  shifted?: { selector: string; score: number }[]
}

export type LighthouseReport = {
  baseUrl: string
  network: 'given' | 'started'
  lighthouse: string
  chromium: string
  runsPerPage: number
  budgets: typeof LIGHTHOUSE_BUDGETS
  rows: LighthouseRow[]
}

export function withinBudget(row: Pick<LighthouseRow, 'preset' | 'performance' | 'accessibility' | 'cls'>) {
  return (
    row.performance >= LIGHTHOUSE_BUDGETS.performance[row.preset] &&
    row.accessibility >= LIGHTHOUSE_BUDGETS.accessibility &&
    row.cls < LIGHTHOUSE_BUDGETS.cls
  )
}

/** The pages measured, in the nav's order; the prover page is the leaderboard's first prover. */
async function pagesOf(baseUrl: string): Promise<{ page: string; path: string }[]> {
  const provers = await fetch(new URL('/provers', baseUrl)).then((r) => r.text())
  const prover = /href="(\/provers\/0x[0-9a-fA-F]{40})"/.exec(provers)?.[1]
  return [
    { page: 'overview', path: '/' },
    { page: 'provers', path: '/provers' },
    ...(prover ? [{ page: 'prover', path: prover }] : []),
    { page: 'fees', path: '/fees' },
    { page: 'stake', path: '/stake' },
    { page: 'simulate', path: '/simulate' },
  ]
}

/**
 * `scripts/start.ts` on the given ports, resolved once its app serves the overview with a pool (the
 * chain is deployed and populated by then). The caller stops it.
 */
async function startNetwork(root: string, rpcPort: number, appPort: number): Promise<Supervised> {
  const supervisor = new Supervisor()
  const network = supervisor.spawn({
    name: 'network',
    command: path.join(binDir, 'tsx'),
    args: ['scripts/start.ts', '--port', String(rpcPort), '--app-port', String(appPort)],
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    output: 'capture',
  })
  const appUrl = `http://127.0.0.1:${appPort}/provers`
  // A first run builds the app (1–2 min on this machine, more when it is busy).
  await waitUntil(
    'the demo network',
    async () => {
      const page = await fetch(appUrl, { signal: AbortSignal.timeout(10_000) })
      return page.ok && /href="\/provers\/0x/.test(await page.text())
    },
    { supervised: network, timeoutMs: 600_000 },
  )
  return network
}

function score(result: Result, category: 'performance' | 'accessibility'): number {
  return Math.round((result.categories[category]?.score ?? 0) * 100)
}

function numeric(result: Result, audit: string): number {
  return result.audits[audit]?.numericValue ?? Number.NaN
}

/** The elements Lighthouse blames for layout shift, largest first. */
function shiftedElements(result: Result): { selector: string; score: number }[] {
  const details = result.audits['layout-shifts']?.details as
    | { items?: { node?: { selector?: string; snippet?: string }; score?: number }[] }
    | undefined
  return (details?.items ?? []).slice(0, 5).map((item) => ({
    selector: item.node?.selector ?? item.node?.snippet ?? '(unattributed)',
    score: Number((item.score ?? 0).toFixed(3)),
  }))
}

export async function measureLighthouse({
  root,
  baseUrl,
  runs,
  freePort,
  log,
}: {
  root: string
  /** A running app (the demo network's); without it a network is started on free ports. */
  baseUrl?: string
  runs: number
  freePort: () => Promise<number>
  log: (line: string) => void
}): Promise<LighthouseReport> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install chromium)`)
  let network: Supervised | undefined
  let url = baseUrl
  if (!url) {
    const [rpcPort, appPort] = [await freePort(), await freePort()]
    log(`starting a demo network (anvil :${rpcPort}, app :${appPort}; builds the app if it is stale)…`)
    network = await startNetwork(root, rpcPort, appPort)
    url = `http://127.0.0.1:${appPort}`
  }
  // Up to a minute for Chromium's debugging port (chrome-launcher's default is 25 s): right after the
  // network's `next build` on a busy 2-core machine it was not up in time (ECONNREFUSED).
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: 'silent',
    maxConnectionRetries: 120,
  })
  try {
    const pages = await pagesOf(url)
    // One request per page first, so no measured load pays for a cold server render.
    for (const p of pages) await fetch(new URL(p.path, url)).then((r) => r.arrayBuffer())
    const rows: LighthouseRow[] = []
    let version = ''
    for (const preset of PRESETS) {
      for (const p of pages) {
        const results: Result[] = []
        for (let i = 0; i < runs; i++) {
          const flags: Flags = {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
          }
          const answer = await lighthouse(
            new URL(p.path, url).href,
            flags,
            preset === 'desktop' ? desktopConfig : undefined,
          )
          if (!answer) throw new Error(`Lighthouse returned nothing for ${p.path} (${preset})`)
          if (answer.lhr.runtimeError)
            throw new Error(`${p.path} (${preset}): ${answer.lhr.runtimeError.message}`)
          results.push(answer.lhr)
          version = answer.lhr.lighthouseVersion
        }
        const sorted = [...results].sort((a, b) => score(a, 'performance') - score(b, 'performance'))
        const median = sorted[Math.floor(sorted.length / 2)]!
        const row: LighthouseRow = {
          page: p.page,
          path: p.path,
          preset,
          performance: score(median, 'performance'),
          accessibility: score(median, 'accessibility'),
          lcpMs: Math.round(numeric(median, 'largest-contentful-paint')),
          tbtMs: Math.round(numeric(median, 'total-blocking-time')),
          cls: Number(numeric(median, 'cumulative-layout-shift').toFixed(3)),
          fcpMs: Math.round(numeric(median, 'first-contentful-paint')),
          speedIndexMs: Math.round(numeric(median, 'speed-index')),
          runs: results.map((r) => score(r, 'performance')),
          withinBudget: false,
        }
        row.withinBudget = withinBudget(row)
        if (row.cls >= LIGHTHOUSE_BUDGETS.cls) row.shifted = shiftedElements(median)
        log(
          `  ${preset.padEnd(7)} ${p.path.padEnd(12).slice(0, 24)} perf ${row.performance} a11y ${row.accessibility} CLS ${row.cls}`,
        )
        rows.push(row)
      }
    }
    return {
      baseUrl: url,
      network: network ? 'started' : 'given',
      lighthouse: version,
      chromium: CHROMIUM,
      runsPerPage: runs,
      budgets: LIGHTHOUSE_BUDGETS,
      rows,
    }
  } finally {
    chrome.kill()
    if (network) await stopProcess(network, 15_000)
  }
}
