/**
 * `npm start`: the whole project on this machine, in one command.
 *
 *   1. compiles the contracts if contracts-abi/ is missing or older than contracts/
 *   2. starts anvil (automine + a block every second, so chain time moves)
 *   3. deploys with the demo config and writes deployments/31337.json
 *   4. funds and stakes the demo population (40 provers; full active list, evictions, one exit)
 *   5. starts the indexer (indexer/, Ponder: PGlite in .indexer-data/, or PostgreSQL with DATABASE_URL)
 *   6. starts the bots (proposer, provers, racer, claims, tuning, churn) and the chosen scenario
 *   7. builds the app if needed and serves it (`next start`, or `next dev` with --dev), reading its
 *      history from the indexer; shows the indexer's progress until it has caught up
 *
 * Ctrl‑C stops everything it started. See docs/local-network.md.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  DEFAULT_INDEXER_PORT,
  DEFAULT_INDEXER_SCHEMA,
  type IndexerParameters,
  indexedBlock,
  indexerCommand,
  resetIndexerData,
} from './lib/indexer'
import {
  assertPortFree,
  binDir,
  CommandFailedError,
  ProcessError,
  type Supervised,
  Supervisor,
  waitForHttp,
  waitForJsonRpc,
  waitForPort,
} from './lib/process'
import { bold, cyan, dim, green, red, say, withStep, yellow } from './network/log'
import { type Scenario, scenarioNames, scenarios } from './network/scenarios'

const root = path.resolve(import.meta.dirname, '..')
/** Every child process and cleanup of this run. */
const supervisor = new Supervisor()
const HOST = '127.0.0.1'
const CHAIN_ID = 31_337

type Options = {
  port: number
  appPort: number
  /** null: 42069 when free, else the next free port. */
  indexerPort: number | null
  app: boolean
  scenario: string
  dev: boolean
  /** L2 blocks of history generated before the bots start (0: none). */
  history: number
}

const usage = `Usage: npm start [-- options]     (npm run dev = npm start -- --dev)

Runs anvil, deploys the contracts, stakes the demo population, starts the network bots and serves the app.

Options (environment variable in brackets):
  --port <n>          anvil JSON-RPC port on ${HOST}             [ANVIL_PORT]  default 8545
  --app-port <n>      app port on ${HOST}                        [APP_PORT]    default 3000
  --indexer-port <n>  indexer port on ${HOST}                    [INDEXER_PORT] default 42069 (next free one if taken)
  --no-app            only the chain and the bots, no app        [NO_APP=1]
  --scenario <name>   ${scenarioNames().join(' | ')}                       [SCENARIO]    default normal
  --dev               serve with \`next dev\` (hot reload) instead of a production build
  --history <n>       start on a mature pool: n blocks already proposed and proven (some late, slashed)
  -h, --help          this text

The indexer keeps its database (PGlite) in .indexer-data/; DATABASE_URL=postgres://… uses PostgreSQL
instead (schema prover_pool, emptied at each start: the local chain is new each time).

Scenarios:
${Object.values(scenarios)
  .map((s) => `  ${s.name.padEnd(12)} ${s.description}`)
  .join('\n')}
`

class UsageError extends ProcessError {}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'app-port': { type: 'string' },
      'indexer-port': { type: 'string' },
      'no-app': { type: 'boolean' },
      scenario: { type: 'string' },
      dev: { type: 'boolean' },
      history: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
  if (values.help) {
    process.stdout.write(usage)
    process.exit(0)
  }
  const port = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined || value === '') return fallback
    const n = Number(value)
    if (!Number.isInteger(n) || n < 1 || n > 65_535)
      throw new UsageError(`${name} must be a port number, got "${value}".`)
    return n
  }
  const scenario = values.scenario ?? env.SCENARIO ?? 'normal'
  if (!scenarios[scenario]) {
    throw new UsageError(`Unknown scenario "${scenario}". Choose one of: ${scenarioNames().join(', ')}.`)
  }
  const options = {
    port: port('--port', values.port ?? env.ANVIL_PORT, 8545),
    appPort: port('--app-port', values['app-port'] ?? env.APP_PORT, 3000),
    indexerPort:
      (values['indexer-port'] ?? env.INDEXER_PORT)
        ? port('--indexer-port', values['indexer-port'] ?? env.INDEXER_PORT, 0)
        : null,
    app: !(values['no-app'] ?? ['1', 'true', 'yes'].includes((env.NO_APP ?? '').toLowerCase())),
    scenario,
    dev: values.dev ?? false,
    history: (() => {
      const v = values.history ?? env.HISTORY ?? '0'
      const n = Number(v)
      if (!Number.isSafeInteger(n) || n < 0)
        throw new UsageError(`--history must be a number of blocks, got "${v}".`)
      return n
    })(),
  }
  if (options.app && options.port === options.appPort) {
    throw new UsageError(`anvil and the app cannot share port ${options.port}.`)
  }
  return options
}

/** Newest modification time (ms) of the files under `paths` that `include` accepts. */
function newestMtime(paths: string[], include: (file: string) => boolean = () => true): number {
  let newest = 0
  const visit = (target: string) => {
    if (!existsSync(target)) return
    const stat = statSync(target)
    if (stat.isDirectory()) {
      const name = path.basename(target)
      if (name === 'node_modules' || name.startsWith('.')) return
      for (const entry of readdirSync(target)) visit(path.join(target, entry))
    } else if (include(target)) {
      newest = Math.max(newest, stat.mtimeMs)
    }
  }
  for (const p of paths) visit(path.join(root, p))
  return newest
}

/** Why contracts-abi/ needs compiling, or `undefined` when it is fresh. */
async function abiStaleness(): Promise<string | undefined> {
  const { artifacts } = await import('./compile')
  const outputs = ['index.ts', ...artifacts.map((a) => `${a.name}.ts`)].map((f) =>
    path.join(root, 'contracts-abi', f),
  )
  const missing = outputs.filter((f) => !existsSync(f))
  if (missing.length > 0)
    return `contracts-abi/ is missing ${missing.map((f) => path.basename(f)).join(', ')}`
  const oldestOutput = Math.min(...outputs.map((f) => statSync(f).mtimeMs))
  const newestSource = Math.max(
    newestMtime(['contracts'], (f) => f.endsWith('.sol')),
    newestMtime(['scripts/compile.ts']),
  )
  return newestSource > oldestOutput ? 'contracts/ changed since the last compile' : undefined
}

/** Why the app needs a production build, or `undefined` when the dist dir is fresh. */
function buildStaleness(distDir: string): string | undefined {
  const buildId = path.join(root, distDir, 'BUILD_ID')
  if (!existsSync(buildId)) return `no build in ${distDir}/ yet`
  const built = statSync(buildId).mtimeMs
  const sources = newestMtime(
    [
      'app',
      'components',
      'lib',
      'public',
      'contracts-abi',
      'next.config.mjs',
      'postcss.config.mjs',
      'tsconfig.json',
      'package.json',
      'package-lock.json',
    ],
    (f) => !/\.test\.tsx?$/.test(f),
  )
  return sources > built ? 'sources changed since the last build' : undefined
}

function nodeBin(name: string): string {
  return path.join(binDir, name)
}

/** Exits the whole run (after stopping everything) when a process it depends on dies. */
function stopAllIfExits(supervised: Supervised, what: string): void {
  void supervised.exited.then(({ code, signal }) => {
    if (supervisor.stopping) return
    say(`\n${red('error')} ${what} exited (${signal ?? `code ${code}`}); stopping everything.`)
    const output = supervised.outputExcerpt()
    if (output) say(dim(output))
    void supervisor.shutdown().finally(() => process.exit(1))
  })
}

async function compileIfStale(): Promise<void> {
  const stale = await abiStaleness()
  if (!stale) {
    say(dim('✓ contracts-abi/ is up to date'))
    return
  }
  await withStep(`compiling the contracts (${stale})`, () =>
    supervisor.run({ name: 'compile', command: nodeBin('tsx'), args: ['scripts/compile.ts'], cwd: root }),
  )
}

/**
 * Anvil with automine (a block per transaction) and a block every second, so chain time moves.
 * Spawned through the supervisor rather than with scripts/lib/anvil.ts: node_modules/.bin/anvil is a
 * Node wrapper around the real binary, and only stopping the whole process group (what the
 * supervisor does) is sure to stop both; killing the wrapper alone leaves the binary running.
 */
async function startChain(port: number, rpcUrl: string, pruneHistory: boolean): Promise<void> {
  await withStep(`starting anvil on ${rpcUrl}`, async () => {
    const anvil = supervisor.spawn({
      name: 'anvil',
      command: nodeBin('anvil'),
      args: [
        '--host',
        HOST,
        '--port',
        String(port),
        '--mixed-mining',
        '--block-time',
        '1',
        '--silent',
        // A long generated history: without pruning old states anvil slows down as state grows.
        ...(pruneHistory ? ['--prune-history'] : []),
      ],
      cwd: root,
      output: 'capture',
    })
    await waitForJsonRpc(rpcUrl, { supervised: anvil, timeoutMs: 30_000 })
    stopAllIfExits(anvil, 'anvil')
  })
}

/** The indexer's port: the chosen one (must be free), else 42069 or the next free one. */
async function chooseIndexerPort(chosen: number | null): Promise<number> {
  if (chosen !== null) {
    await assertPortFree('the indexer', HOST, chosen)
    return chosen
  }
  for (let port = DEFAULT_INDEXER_PORT; port < DEFAULT_INDEXER_PORT + 50; port++) {
    const free = await assertPortFree('the indexer', HOST, port).then(
      () => true,
      () => false,
    )
    if (free) return port
  }
  throw new ProcessError(`No free port for the indexer from ${DEFAULT_INDEXER_PORT}: pass --indexer-port.`)
}

/** Starts the indexer on a fresh database (the chain is new) and returns its URL. */
async function startIndexer(parameters: IndexerParameters): Promise<string> {
  const url = `http://${HOST}:${parameters.port}`
  await withStep(
    `starting the indexer on ${url} (${parameters.databaseUrl ? 'PostgreSQL' : `PGlite in ${path.relative(root, parameters.dataDir)}/`})`,
    async () => {
      await resetIndexerData(parameters)
      const command = indexerCommand(parameters)
      const indexer = supervisor.spawn({ name: 'indexer', ...command, output: 'capture' })
      await waitForHttp(`${url}/status`, { supervised: indexer, timeoutMs: 120_000 })
      stopAllIfExits(indexer, 'the indexer')
    },
  )
  return url
}

/** Prints the indexer's progress while it is more than a few blocks behind the chain, then once when caught up. */
function reportIndexerProgress(indexerUrl: string, rpcUrl: string): void {
  let last = 0
  let done = false
  const tick = async () => {
    if (done || supervisor.stopping) return
    const [indexed, head] = await Promise.all([indexedBlock(indexerUrl), chainHead(rpcUrl)])
    if (indexed !== null && head !== null) {
      if (head - indexed <= 2n) {
        done = true
        say(`${green('✓')} indexer caught up with the chain (block ${indexed})`)
        return
      }
      if (Date.now() - last > 5_000) {
        last = Date.now()
        say(dim(`  indexer: block ${indexed} of ${head} (${head - indexed} behind)`))
      }
    }
    setTimeout(() => void tick(), 1_000)
  }
  void tick()
}

async function chainHead(rpcUrl: string): Promise<bigint | null> {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
      signal: AbortSignal.timeout(2_000),
    })
    return BigInt(((await response.json()) as { result: string }).result)
  } catch {
    return null
  }
}

/** Builds the app when its dist dir is missing or older than its sources, then serves it. */
async function startApp(options: Options, env: NodeJS.ProcessEnv): Promise<void> {
  const appEnv: NodeJS.ProcessEnv = { ...env, NEXT_TELEMETRY_DISABLED: '1' }
  if (!options.dev) {
    const distDir = env.NEXT_DIST_DIR ?? '.next'
    const why = buildStaleness(distDir)
    if (why) {
      // Plain output: it is only shown (in part) if the build fails.
      // Types are checked by `npm test` (tsc); here the build only has to run (next.config.mjs).
      const buildEnv: NodeJS.ProcessEnv = { ...appEnv, NO_COLOR: '1', PROVER_POOL_SKIP_BUILD_TYPECHECK: '1' }
      delete buildEnv.FORCE_COLOR
      await withStep(`building the app (${why}; first run ~1–2 min)`, () =>
        supervisor.run({
          name: 'next build',
          command: nodeBin('next'),
          args: ['build'],
          cwd: root,
          env: buildEnv,
        }),
      )
    } else {
      say(dim(`✓ the app build in ${distDir}/ is up to date`))
    }
  }
  const app = supervisor.spawn({
    name: 'app',
    command: nodeBin('next'),
    args: [options.dev ? 'dev' : 'start', '-H', HOST, '-p', String(options.appPort)],
    cwd: root,
    env: appEnv,
    // next dev reports compiles and errors as you work: show them; next start is quiet.
    output: options.dev ? 'prefix' : 'capture',
  })
  await withStep(options.dev ? 'starting next dev' : 'starting the app', () =>
    waitForPort(HOST, options.appPort, { supervised: app, timeoutMs: 120_000 }),
  )
  stopAllIfExits(app, 'the app')
  // next dev compiles a page on its first request: start that now rather than on the first visit.
  if (options.dev) {
    void fetch(`http://${HOST}:${options.appPort}/`, { signal: AbortSignal.timeout(300_000) }).catch(
      () => undefined,
    )
  }
}

async function main(): Promise<void> {
  let options: Options
  try {
    options = parseOptions(process.argv.slice(2), process.env)
  } catch (error) {
    say(`${red('error')} ${error instanceof ProcessError ? error.shortMessage : (error as Error).message}\n`)
    process.stdout.write(usage)
    process.exit(2)
  }
  const scenario = scenarios[options.scenario] as Scenario
  const rpcUrl = `http://${HOST}:${options.port}`
  const appUrl = `http://${HOST}:${options.appPort}`
  const deploymentsFile = path.join(root, 'deployments', `${CHAIN_ID}.json`)
  supervisor.installSignalHandlers(() => say(`\n${yellow('stopping')} (Ctrl‑C again to kill at once)…`))
  say(
    `${bold('Prover Pool')} · local network${options.app ? ` + app${options.dev ? ' (next dev)' : ''}` : ''} · scenario ${bold(scenario.name)}`,
  )

  // Ports first: fail before doing any work.
  await assertPortFree('anvil', HOST, options.port)
  if (options.app) await assertPortFree('the app', HOST, options.appPort)
  const indexerPort = await chooseIndexerPort(options.indexerPort)

  await compileIfStale()
  // These import the generated ABIs, so they load only once contracts-abi/ exists.
  const [{ deployDemoContracts }, { serializeDeployment }, pool, accounts, { createClients }, net] =
    await Promise.all([
      import('./network/deploy-demo'),
      import('../lib/chain/deployment'),
      import('../lib/pool-math/config'),
      import('../lib/network/accounts'),
      import('./network/chain'),
      import('./network/index'),
    ])
  const { stakePopulation } = await import('./network/population')

  await startChain(options.port, rpcUrl, options.history > 0)
  const clients = createClients(rpcUrl, CHAIN_ID)

  const deployment = await withStep('deploying the contracts (demo config)', async () => {
    const d = await deployDemoContracts(rpcUrl)
    await mkdir(path.dirname(deploymentsFile), { recursive: true })
    await writeFile(deploymentsFile, serializeDeployment(d))
    return d
  })

  const indexerUrl = await startIndexer({
    port: indexerPort,
    rpcUrl,
    chainId: CHAIN_ID,
    deploymentsFile,
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: path.join(root, '.indexer-data', 'pglite'),
    schema: process.env.DATABASE_SCHEMA || DEFAULT_INDEXER_SCHEMA,
  })

  const populated = await withStep('funding and staking the demo population', (s) =>
    stakePopulation({
      clients,
      addresses: deployment.addresses,
      config: pool.demoConfig,
      onProgress: ({ stage, done, total }) =>
        s.progress(
          stage === 'funding' ? `funding ${done}/${total}` : `staking ${total} provers ${done}/${total}`,
        ),
    }),
  )
  say(
    `${green('✓')} ${populated.provers.length} demo provers: ${populated.active} active, ` +
      `${populated.evicted.length} evicted (${populated.evicted.map((p) => p.label).join(', ')}), ` +
      `${populated.exiting.length} exiting (${populated.exiting.map((p) => p.label).join(', ')})`,
  )

  if (options.history > 0) {
    const { generateHistory } = await import('./network/history')
    const generated = await withStep(
      `generating ${options.history.toLocaleString('en-US')} blocks of history`,
      (s) =>
        generateHistory({
          rpcUrl,
          addresses: deployment.addresses,
          blocks: options.history,
          minGasPerBlock: pool.demoConfig.minGasPerBlock,
          // Mixed mining cannot be restored over RPC: a block every second, as the bots expect.
          restoreIntervalMining: 1,
          onProgress: (done, total, rate) =>
            s.progress(
              `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${Math.round(rate)} blocks/s)`,
            ),
        }),
    )
    say(
      `${green('✓')} ${options.history.toLocaleString('en-US')} blocks in ${(generated.ms / 1000).toFixed(1)} s ` +
        `(${Math.round((options.history * 1000) / generated.ms)} blocks/s, ${generated.late} proven late)`,
    )
  }

  say(`${cyan('›')} starting the network bots (scenario ${scenario.name}); events follow`)
  const running = await net.startNetwork({
    clients,
    deployment,
    config: pool.demoConfig,
    provers: populated.provers,
    scenario,
  })
  supervisor.onShutdown('bots', () => running.stop())

  if (options.app) {
    await startApp(options, {
      ...process.env,
      RPC_URL: rpcUrl,
      CHAIN_ID: String(CHAIN_ID),
      DEPLOYMENTS_FILE: deploymentsFile,
      INDEXER_URL: indexerUrl,
      // The local chain's test-token faucet ("Get test tokens" on /stake); off unless enabled.
      FAUCET_ENABLED: process.env.FAUCET_ENABLED ?? '1',
    })
  }

  const a = deployment.addresses
  const keyLine = (index: number, role: string) => {
    const account = accounts.devAccount(index)
    return `  #${index}  ${account.address}  ${account.privateKey}  ${dim(role)}`
  }
  const lastProver = accounts.FIRST_DEMO_PROVER_INDEX + populated.provers.length - 1
  say(
    [
      '',
      bold('Prover Pool is running'),
      options.app
        ? `  app          ${cyan(appUrl)}${options.dev ? ' (next dev)' : ''}`
        : `  app          ${dim('not started (--no-app)')}`,
      `  JSON-RPC     ${rpcUrl}  (chain id ${CHAIN_ID})`,
      `  indexer      ${indexerUrl}  (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite in .indexer-data/'}; /status, /ready, /history/*)`,
      `  deployment   ${path.relative(process.cwd(), deploymentsFile)}`,
      `  token        ${a.token}`,
      `  protocol     ${a.protocol}`,
      `  lens         ${a.lens}`,
      `  verifier     ${a.verifier}`,
      `  scenario     ${scenario.name}: ${scenario.description}`,
      `  bots         proposer #${accounts.PROPOSER_INDEX}, bank #${accounts.BANK_INDEX}, racer #${accounts.RACER_INDEX}, demo provers #${accounts.FIRST_DEMO_PROVER_INDEX}–#${lastProver} (anvil mnemonic indexes)`,
      '',
      `Dev accounts: anvil's public test keys. In MetaMask add the network ${rpcUrl} (chain id ${CHAIN_ID}), then import a key:`,
      keyLine(accounts.DEPLOYER_INDEX, 'deployer: owns the token and the core'),
      keyLine(accounts.PROPOSER_INDEX, 'proposer bot: busy, do not use in a wallet'),
      ...accounts.FREE_DEV_INDEXES.map((i) => keyLine(i, 'free: use in the browser')),
      '',
      dim('Ctrl‑C stops everything.'),
      '',
    ].join('\n'),
  )
  reportIndexerProgress(indexerUrl, rpcUrl)
}

main().catch(async (error: unknown) => {
  if (error instanceof ProcessError) {
    say(`\n${red('error')} ${error.shortMessage}`)
    if (error.details) say(error instanceof CommandFailedError ? dim(error.details) : error.details)
  } else {
    say(`\n${red('error')} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  }
  // Stop whatever already started (anvil, a build, the bots); the exit handler kills any straggler.
  await supervisor.shutdown()
  process.exit(1)
})
