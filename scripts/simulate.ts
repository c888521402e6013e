/**
 * `npm run simulate -- [flags]`: runs the mechanism simulator (lib/simulator) in the terminal.
 * Prints a summary and a table of provers (with a progress bar on long runs), or one JSON object with
 * `--json`. docs/simulator.md.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import {
  defaultScenario,
  parseScenario,
  type Scenario,
  ScenarioError,
  Simulation,
  type SimulationResult,
} from '../lib/simulator'
import { formatResult } from '../lib/simulator/format'
import { presetById, presets, underbidderPopulation } from '../lib/simulator/presets'

const HELP = `Usage: npm run simulate -- [flags]

Runs thousands of blocks on the pool model (PoolModel, the contracts' rules) or on the open race.

  --blocks N             proposals to simulate (default: the scenario's, 20000)
  --provers N            provers in the population (the scenario must have one prover group)
  --seed S               random seed (same seed, same result)
  --weight seed|hardened selection weight: the seed's A·F²/R², or the contracts' (R floored at 0.95·F)
  --design pool|race     this protocol, or the open race it replaces
  --underbidder X        the #14098 experiment: equal provers bidding R = F, plus one bidding R = X·F
  --preset NAME          start from a preset: ${presets.map((p) => p.id).join(', ')}
  --scenario FILE        start from a JSON scenario (the shape the /simulate page exports)
  --json                 print the result as one JSON object (nothing else on stdout)
  --series               with --json: include the sampled time series
  --help                 this text
`

function fail(message: string): never {
  process.stderr.write(`simulate: ${message}\n(npm run simulate -- --help lists the flags)\n`)
  process.exit(2)
}

function integer(flag: string, value: string, min: number, max: number): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`)
  return n
}

function buildScenario(values: Record<string, string | boolean | undefined>): Scenario {
  let input: unknown = defaultScenario()
  if (typeof values.preset === 'string') {
    const preset = presetById(values.preset)
    if (!preset) fail(`no preset "${values.preset}" (presets: ${presets.map((p) => p.id).join(', ')})`)
    input = preset.scenario
  }
  if (typeof values.scenario === 'string') {
    if (values.preset) fail('give --preset or --scenario, not both')
    let text: string
    try {
      text = readFileSync(values.scenario, 'utf8')
    } catch (error) {
      fail(`cannot read ${values.scenario}: ${(error as Error).message}`)
    }
    try {
      input = JSON.parse(text)
    } catch (error) {
      fail(`${values.scenario} is not JSON: ${(error as Error).message}`)
    }
  }
  const scenario = parseScenario(input)
  if (typeof values.blocks === 'string') scenario.blocks = integer('--blocks', values.blocks, 1, 1_000_000)
  if (typeof values.seed === 'string') scenario.seed = integer('--seed', values.seed, 0, 2 ** 32 - 1)
  if (typeof values.weight === 'string') {
    if (values.weight !== 'seed' && values.weight !== 'hardened')
      fail(`--weight must be seed or hardened, got "${values.weight}"`)
    scenario.weight = values.weight
  }
  if (typeof values.design === 'string') {
    if (values.design !== 'pool' && values.design !== 'race')
      fail(`--design must be pool or race, got "${values.design}"`)
    scenario.design = values.design
  }
  const count = typeof values.provers === 'string' ? integer('--provers', values.provers, 1, 255) : null
  if (typeof values.underbidder === 'string') {
    const fraction = Number(values.underbidder)
    if (!Number.isFinite(fraction) || fraction < 0.01 || fraction > 100)
      fail(
        `--underbidder must be a number from 0.01 to 100 (R as a fraction of F), got "${values.underbidder}"`,
      )
    const template = scenario.provers[0]!
    scenario.provers = underbidderPopulation(count ?? template.count, fraction, template)
    scenario.name = `${scenario.name}: underbidder at ${fraction}·F`
  } else if (count !== null) {
    if (scenario.provers.length !== 1)
      fail(`--provers needs a scenario with one prover group; this one has ${scenario.provers.length}`)
    scenario.provers[0]!.count = count
  }
  return parseScenario(scenario) // the flags' changes pass the same checks
}

function progressBar(done: number, total: number, startedAt: number): string {
  const width = 30
  const filled = Math.round((done / total) * width)
  const seconds = (performance.now() - startedAt) / 1000
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} blocks, ${seconds.toFixed(1)} s`
}

function main(): void {
  let values: Record<string, string | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      options: {
        blocks: { type: 'string' },
        provers: { type: 'string' },
        seed: { type: 'string' },
        weight: { type: 'string' },
        design: { type: 'string' },
        underbidder: { type: 'string' },
        preset: { type: 'string' },
        scenario: { type: 'string' },
        json: { type: 'boolean', default: false },
        series: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }))
  } catch (error) {
    fail((error as Error).message)
  }
  if (values.help) {
    process.stdout.write(HELP)
    return
  }
  let simulation: Simulation
  try {
    simulation = new Simulation(buildScenario(values))
  } catch (error) {
    if (error instanceof ScenarioError) fail(`invalid scenario: ${error.message}`)
    throw error
  }
  const { scenario } = simulation
  const startedAt = performance.now()
  const tty = process.stderr.isTTY === true
  let lastQuarter = 0
  let shown = false
  const chunk = Math.max(500, Math.floor(scenario.blocks / 200))
  while (!simulation.done) {
    const p = simulation.step({ blocks: chunk })
    if (values.json) continue
    // A bar on a terminal once the run is long enough to wait for; plain lines in a log.
    if (tty && (shown || performance.now() - startedAt > 300)) {
      process.stderr.write(`\r${progressBar(p.blocks, p.total, startedAt)}`)
      shown = true
    } else if (!tty && p.blocks >= ((lastQuarter + 1) * p.total) / 4 && !p.done) {
      lastQuarter = Math.floor((4 * p.blocks) / p.total)
      process.stderr.write(`${progressBar(p.blocks, p.total, startedAt)}\n`)
    }
  }
  if (shown) process.stderr.write('\n')
  const result: SimulationResult = simulation.result()
  const elapsedMs = performance.now() - startedAt
  if (values.json) {
    const out = values.series ? { ...result, series: simulation.series() } : result
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
    return
  }
  process.stdout.write(`${formatResult(result, scenario)}\nran in ${(elapsedMs / 1000).toFixed(2)} s\n`)
}

main()
