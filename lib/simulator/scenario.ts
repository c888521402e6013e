import type { PoolConfig } from '@/lib/pool-math/config'
import { poolConfigKeys } from '@/lib/pool-math/config-keys'

/**
 * A simulation scenario: plain JSON (numbers, strings, arrays), so the page can put it in a URL, the CLI can
 * read it from a file, and both run the very same thing. Amounts a person types are in gwei per gas (fees,
 * bids, costs) and whole TKO (stakes, treasury); the engine turns them into wei.
 */
export type Scenario = {
  version: 1
  name: string
  /** Every random draw derives from it: the same scenario and seed give the same result. */
  seed: number
  /** Proposals to attempt (a proposal refused for too many open blocks still counts). */
  blocks: number
  /** `pool`: this protocol (PoolModel). `race`: the open race it replaces (every prover proves every block). */
  design: Design
  /** `hardened`: the contracts' weight (R floored at 95 % of F). `seed`: the raw `A·F²/R²`. */
  weight: WeightVariant
  provers: ProverGroup[]
  demand: Demand
  incidents: Incident[]
  pool: PoolSettings
}

export type Design = 'pool' | 'race'
export type WeightVariant = 'hardened' | 'seed'

/** A random quantity. `lognormal`: `median · e^(sigma·Z)`. */
export type Distribution =
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'lognormal'; median: number; sigma: number }

/**
 * How a prover states R. Every bid is clamped into the range the pool allows at that moment (`[F/2, 2F]`
 * by default), so it is accepted.
 * - `fixed`: this many gwei per gas, always.
 * - `atF`: the fee per gas at the time it joins, then unchanged.
 * - `fractionOfF`: `fraction · F` at the time it joins, then unchanged.
 * - `followF`: `fraction · F`, re-stated whenever the R/C cooldown allows.
 * - `costPlus`: its true cost per gas times `markup`, always.
 */
export type RewardStrategy =
  | { kind: 'fixed'; gwei: number }
  | { kind: 'atF' }
  | { kind: 'fractionOfF'; fraction: number }
  | { kind: 'followF'; fraction: number }
  | { kind: 'costPlus'; markup: number }

/** `count` provers alike (each draws its own stake and proof times). */
export type ProverGroup = {
  label: string
  count: number
  /** Stake in whole TKO. */
  stakeTko: Distribution
  strategy: RewardStrategy
  /** Stated capacity C, and the blocks it proves in parallel. */
  capacity: number
  /** Seconds from starting a proof to having it. */
  proofTimeSeconds: Distribution
  /** Chance that an attempt produces no proof at all (crash, bug, bad block). */
  failureRate: number
  /** What proving really costs it, gwei per gas (for the charts and margins; the pool never sees it). */
  costPerGasGwei: number
  /** Marks the #14098 experiment's underbidder in the results. */
  underbidder?: boolean
}

export type Demand = {
  blocksPerHour: number
  gasUsed: Distribution
  /** Demand multiplied by `multiplier` between the two hours (from the start of the run). */
  bursts: { startHour: number; endHour: number; multiplier: number }[]
}

/** Between the two hours, provers of `groups` (labels; all if empty) prove slower and/or fail more. */
export type Incident = {
  startHour: number
  endHour: number
  groups: string[]
  proofTimeMultiplier: number
  failureRate: number | null
}

export type PoolSettings = {
  /** The config the overrides apply to: the spec's production timing, or the local demo's seconds. */
  base: 'default' | 'demo'
  /** `Config` fields to override, as integers (decimal strings for large ones). */
  config: Partial<Record<ConfigKey, string>>
  initialFeePerGasGwei: number
  initialAvgProofDelaySeconds: number
  /** TKO in the treasury at the start (funded by the deployer). */
  treasuryTko: number
}

export type ConfigKey = (typeof poolConfigKeys)[number]

/** A scenario that fails validation: `path` says where, the message says what is wrong, in words. */
export class ScenarioError extends Error {
  override name = 'ScenarioError'
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`)
  }
}

/** Bounds that keep a run finite and inside the contracts' integer ranges. */
export const LIMITS = {
  maxBlocks: 1_000_000,
  maxProvers: 256,
  maxCapacity: 255,
  maxBlocksPerHour: 100_000,
  maxGasUsed: 2 ** 32 - 1,
  maxStakeTko: 1_000_000_000,
  maxHours: 1_000_000,
} as const

export const defaultProverGroup: ProverGroup = {
  label: 'provers',
  count: 32,
  stakeTko: { kind: 'uniform', min: 20_000, max: 60_000 },
  strategy: { kind: 'followF', fraction: 1 },
  capacity: 16,
  proofTimeSeconds: { kind: 'lognormal', median: 120, sigma: 0.35 },
  failureRate: 0,
  costPerGasGwei: 0.8,
}

/** A healthy pool at the spec's production settings: 32 provers, a block every 12 s on average. */
export function defaultScenario(): Scenario {
  return {
    version: 1,
    name: 'custom',
    seed: 1,
    blocks: 20_000,
    design: 'pool',
    weight: 'hardened',
    provers: [structuredClone(defaultProverGroup)],
    demand: {
      blocksPerHour: 300,
      gasUsed: { kind: 'lognormal', median: 2_000_000, sigma: 0.5 },
      bursts: [],
    },
    incidents: [],
    pool: {
      base: 'default',
      config: {},
      initialFeePerGasGwei: 1,
      initialAvgProofDelaySeconds: 120,
      treasuryTko: 1,
    },
  }
}

// ─── Validation ────────────────────────────────────────────────────────────────────────────────────

type Json = unknown

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function number(value: Json, path: string, { min, max, integer = false }: NumberRule): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ScenarioError(path, `expected a number, got ${show(value)}`)
  if (integer && !Number.isInteger(value))
    throw new ScenarioError(path, `expected a whole number, got ${value}`)
  if (value < min || value > max)
    throw new ScenarioError(path, `must be between ${min} and ${max}, got ${value}`)
  return value
}
type NumberRule = { min: number; max: number; integer?: boolean }

function oneOf<T extends string>(value: Json, path: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !options.includes(value as T))
    throw new ScenarioError(path, `expected one of ${options.join(', ')}, got ${show(value)}`)
  return value as T
}

function show(value: Json): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'number') return String(value) // NaN and Infinity as such, not as JSON's null
  const text = JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

function optional<T>(source: Record<string, Json>, key: string, fallback: T, read: (v: Json) => T): T {
  return source[key] === undefined ? fallback : read(source[key])
}

function distribution(value: Json, path: string, rule: NumberRule): Distribution {
  if (!isObject(value)) throw new ScenarioError(path, `expected a distribution object, got ${show(value)}`)
  const kind = oneOf(value.kind, `${path}.kind`, ['fixed', 'uniform', 'lognormal'] as const)
  switch (kind) {
    case 'fixed':
      return { kind, value: number(value.value, `${path}.value`, rule) }
    case 'uniform': {
      const min = number(value.min, `${path}.min`, rule)
      const max = number(value.max, `${path}.max`, rule)
      if (max < min) throw new ScenarioError(`${path}.max`, `must not be below min (${min}), got ${max}`)
      return { kind, min, max }
    }
    case 'lognormal':
      return {
        kind,
        median: number(value.median, `${path}.median`, rule),
        sigma: number(value.sigma, `${path}.sigma`, { min: 0, max: 3 }),
      }
  }
}

function strategy(value: Json, path: string): RewardStrategy {
  if (!isObject(value)) throw new ScenarioError(path, `expected a strategy object, got ${show(value)}`)
  const kind = oneOf(value.kind, `${path}.kind`, [
    'fixed',
    'atF',
    'fractionOfF',
    'followF',
    'costPlus',
  ] as const)
  switch (kind) {
    case 'fixed':
      return { kind, gwei: number(value.gwei, `${path}.gwei`, { min: 1e-9, max: 1e9 }) }
    case 'atF':
      return { kind }
    case 'fractionOfF':
    case 'followF':
      return { kind, fraction: number(value.fraction, `${path}.fraction`, { min: 0.01, max: 100 }) }
    case 'costPlus':
      return { kind, markup: number(value.markup, `${path}.markup`, { min: 0.01, max: 100 }) }
  }
}

function proverGroup(value: Json, path: string): ProverGroup {
  if (!isObject(value)) throw new ScenarioError(path, `expected a prover group, got ${show(value)}`)
  const d = defaultProverGroup
  const label = optional(value, 'label', d.label, (v) => {
    if (typeof v !== 'string' || v.length === 0 || v.length > 40)
      throw new ScenarioError(`${path}.label`, 'expected a name of 1 to 40 characters')
    return v
  })
  return {
    label,
    count: optional(value, 'count', d.count, (v) =>
      number(v, `${path}.count`, { min: 1, max: LIMITS.maxProvers, integer: true }),
    ),
    stakeTko: optional(value, 'stakeTko', d.stakeTko, (v) =>
      distribution(v, `${path}.stakeTko`, { min: 1, max: LIMITS.maxStakeTko }),
    ),
    strategy: optional(value, 'strategy', d.strategy, (v) => strategy(v, `${path}.strategy`)),
    capacity: optional(value, 'capacity', d.capacity, (v) =>
      number(v, `${path}.capacity`, { min: 1, max: LIMITS.maxCapacity, integer: true }),
    ),
    proofTimeSeconds: optional(value, 'proofTimeSeconds', d.proofTimeSeconds, (v) =>
      distribution(v, `${path}.proofTimeSeconds`, { min: 1, max: 30 * 86_400 }),
    ),
    failureRate: optional(value, 'failureRate', d.failureRate, (v) =>
      number(v, `${path}.failureRate`, { min: 0, max: 1 }),
    ),
    costPerGasGwei: optional(value, 'costPerGasGwei', d.costPerGasGwei, (v) =>
      number(v, `${path}.costPerGasGwei`, { min: 0, max: 1e9 }),
    ),
    ...(value.underbidder === true ? { underbidder: true } : {}),
  }
}

function hours(value: Record<string, Json>, path: string): { startHour: number; endHour: number } {
  const startHour = number(value.startHour, `${path}.startHour`, { min: 0, max: LIMITS.maxHours })
  const endHour = number(value.endHour, `${path}.endHour`, { min: 0, max: LIMITS.maxHours })
  if (endHour < startHour)
    throw new ScenarioError(`${path}.endHour`, `must not be before startHour (${startHour})`)
  return { startHour, endHour }
}

function list<T>(value: Json, path: string, max: number, read: (v: Json, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new ScenarioError(path, `expected a list, got ${show(value)}`)
  if (value.length > max) throw new ScenarioError(path, `at most ${max} entries, got ${value.length}`)
  return value.map((v, i) => read(v, `${path}[${i}]`))
}

function configOverrides(value: Json, path: string): PoolSettings['config'] {
  if (!isObject(value))
    throw new ScenarioError(path, `expected an object of Config fields, got ${show(value)}`)
  const out: PoolSettings['config'] = {}
  for (const [key, raw] of Object.entries(value)) {
    if (!(poolConfigKeys as readonly string[]).includes(key))
      throw new ScenarioError(`${path}.${key}`, `not a Config field (fields: ${poolConfigKeys.join(', ')})`)
    const text = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw
    if (typeof text !== 'string' || !/^\d{1,78}$/.test(text))
      throw new ScenarioError(`${path}.${key}`, `expected a whole number ≥ 0, got ${show(raw)}`)
    out[key as ConfigKey] = text
  }
  return out
}

/**
 * A scenario from untrusted JSON (a file, a URL): every field checked, missing ones filled from
 * `defaultScenario()`. Throws `ScenarioError` naming the first bad field. Whether the pool accepts the config
 * is checked when the run starts (`validateConfig`, the contracts' own rule).
 */
export function parseScenario(input: Json): Scenario {
  if (!isObject(input)) throw new ScenarioError('scenario', `expected an object, got ${show(input)}`)
  const d = defaultScenario()
  if (input.version !== undefined && input.version !== 1)
    throw new ScenarioError('version', `this simulator reads version 1, got ${show(input.version)}`)
  const demand = optional(input, 'demand', d.demand, (v) => {
    if (!isObject(v)) throw new ScenarioError('demand', `expected an object, got ${show(v)}`)
    return {
      blocksPerHour: optional(v, 'blocksPerHour', d.demand.blocksPerHour, (x) =>
        number(x, 'demand.blocksPerHour', { min: 0.01, max: LIMITS.maxBlocksPerHour }),
      ),
      gasUsed: optional(v, 'gasUsed', d.demand.gasUsed, (x) =>
        distribution(x, 'demand.gasUsed', { min: 1, max: LIMITS.maxGasUsed }),
      ),
      bursts: optional(v, 'bursts', d.demand.bursts, (x) =>
        list(x, 'demand.bursts', 100, (b, path) => {
          if (!isObject(b)) throw new ScenarioError(path, `expected a burst, got ${show(b)}`)
          return {
            ...hours(b, path),
            multiplier: number(b.multiplier, `${path}.multiplier`, { min: 0, max: 1_000 }),
          }
        }),
      ),
    }
  })
  const provers = optional(input, 'provers', d.provers, (v) => list(v, 'provers', 64, proverGroup))
  if (provers.length === 0) throw new ScenarioError('provers', 'at least one prover group is needed')
  const total = provers.reduce((n, g) => n + g.count, 0)
  if (total > LIMITS.maxProvers)
    throw new ScenarioError('provers', `at most ${LIMITS.maxProvers} provers in all, got ${total}`)
  const labels = new Set(provers.map((g) => g.label))
  const incidents = optional(input, 'incidents', d.incidents, (v) =>
    list(v, 'incidents', 100, (x, path) => {
      if (!isObject(x)) throw new ScenarioError(path, `expected an incident, got ${show(x)}`)
      const groups = optional(x, 'groups', [] as string[], (g) =>
        list(g, `${path}.groups`, 64, (label, p) => {
          if (typeof label !== 'string' || !labels.has(label))
            throw new ScenarioError(p, `no prover group is labelled ${show(label)}`)
          return label
        }),
      )
      return {
        ...hours(x, path),
        groups,
        proofTimeMultiplier: optional(x, 'proofTimeMultiplier', 1, (m) =>
          number(m, `${path}.proofTimeMultiplier`, { min: 0.01, max: 10_000 }),
        ),
        failureRate: optional(x, 'failureRate', null as number | null, (f) =>
          f === null ? null : number(f, `${path}.failureRate`, { min: 0, max: 1 }),
        ),
      }
    }),
  )
  const pool = optional(input, 'pool', d.pool, (v) => {
    if (!isObject(v)) throw new ScenarioError('pool', `expected an object, got ${show(v)}`)
    return {
      base: optional(v, 'base', d.pool.base, (x) => oneOf(x, 'pool.base', ['default', 'demo'] as const)),
      config: optional(v, 'config', d.pool.config, (x) => configOverrides(x, 'pool.config')),
      initialFeePerGasGwei: optional(v, 'initialFeePerGasGwei', d.pool.initialFeePerGasGwei, (x) =>
        number(x, 'pool.initialFeePerGasGwei', { min: 1e-9, max: 1e9 }),
      ),
      initialAvgProofDelaySeconds: optional(
        v,
        'initialAvgProofDelaySeconds',
        d.pool.initialAvgProofDelaySeconds,
        (x) => number(x, 'pool.initialAvgProofDelaySeconds', { min: 0, max: 30 * 86_400 }),
      ),
      treasuryTko: optional(v, 'treasuryTko', d.pool.treasuryTko, (x) =>
        number(x, 'pool.treasuryTko', { min: 0, max: LIMITS.maxStakeTko }),
      ),
    }
  })
  return {
    version: 1,
    name: optional(input, 'name', d.name, (v) => {
      if (typeof v !== 'string' || v.length > 80)
        throw new ScenarioError('name', 'expected a name of at most 80 characters')
      return v
    }),
    seed: optional(input, 'seed', d.seed, (v) =>
      number(v, 'seed', { min: 0, max: 2 ** 32 - 1, integer: true }),
    ),
    blocks: optional(input, 'blocks', d.blocks, (v) =>
      number(v, 'blocks', { min: 1, max: LIMITS.maxBlocks, integer: true }),
    ),
    design: optional(input, 'design', d.design, (v) => oneOf(v, 'design', ['pool', 'race'] as const)),
    weight: optional(input, 'weight', d.weight, (v) => oneOf(v, 'weight', ['hardened', 'seed'] as const)),
    provers,
    demand,
    incidents,
    pool,
  }
}

/** The `Config` a scenario runs with: its base with the overrides applied (not yet validated). */
export function scenarioConfig(scenario: Scenario, base: PoolConfig): PoolConfig {
  const config = { ...base }
  for (const [key, value] of Object.entries(scenario.pool.config))
    if (value !== undefined) config[key as ConfigKey] = BigInt(value)
  return config
}
