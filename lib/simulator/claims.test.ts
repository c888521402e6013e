/**
 * The seed proposals' claims and Taiko's testnet lessons, reproduced on fixed seeds. Every tolerance is
 * derived from sampling error (counts of blocks are binomial, about Poisson: the relative standard error of
 * a ratio of two counts a, b is √(1/a + 1/b)) or from the fee's moving average; none is fitted to a run.
 * Z is how many standard errors we allow (4: a correct engine fails about once in 16,000 seeds).
 */
import { describe, expect, it } from 'vitest'
import { effectiveRewardPerGas } from '@/lib/pool-math/effectiveRewardPerGas'
import { seedWeight } from '@/lib/pool-math/seedWeight'
import { weight } from '@/lib/pool-math/weight'
import { defaultConfig, demoConfig } from '../pool-math/config'
import { STAKE_UNIT } from '../pool-math/constants'
import { Simulation } from './engine'
import type { SimulationResult } from './result'
import { defaultProverGroup, defaultScenario, type ProverGroup, type Scenario } from './scenario'

const Z = 4
const F0 = 1_000_000_000n // 1 gwei per gas, the scenarios' starting fee

function group(changes: Partial<ProverGroup>): ProverGroup {
  return { ...structuredClone(defaultProverGroup), stakeTko: { kind: 'fixed', value: 20_000 }, ...changes }
}

function run(scenario: Scenario, options?: { seriesPoints?: number }) {
  const simulation = new Simulation(scenario, options)
  const result = simulation.run()
  expect(result.unexpectedReverts).toEqual({})
  return { result, series: simulation.series() }
}

const blocksOf = (r: SimulationResult, label: string) =>
  r.provers.filter((p) => p.label === label).map((p) => p.blocksAssigned)
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

/** `observed` is `expected` within Z standard errors of a ratio of counts a and b. */
function expectRatio(a: number, b: number, expected: number) {
  const se = expected * Math.sqrt(1 / a + 1 / b)
  expect(
    Math.abs(a / b - expected),
    `${a}/${b} = ${(a / b).toFixed(3)}, expected ${expected.toFixed(3)} ± ${(Z * se).toFixed(3)}`,
  ).toBeLessThanOrEqual(Z * se)
}

describe('underbidding (Taiko PR #14098)', () => {
  // 30 provers bidding R = F, one bidding 0.95·F, one bidding F/2; equal stake and capacity; all re-state
  // their bid every hour (the cooldown), so bids track F and the ratios of their weights stay put.
  const scenario = (weightVariant: 'hardened' | 'seed'): Scenario => ({
    ...defaultScenario(),
    blocks: 20_000,
    weight: weightVariant,
    provers: [
      group({ label: 'at F', count: 30, strategy: { kind: 'followF', fraction: 1 } }),
      group({ label: 'at 0.95F', count: 1, strategy: { kind: 'followF', fraction: 0.95 } }),
      group({ label: 'at F/2', count: 1, strategy: { kind: 'followF', fraction: 0.5 }, underbidder: true }),
    ],
    pool: { ...defaultScenario().pool, config: { rewardChangeCooldown: '3600' } },
  })
  const stake = 20_000n * STAKE_UNIT
  const w = (formula: 'hardened' | 'seed', fraction: bigint) => {
    const p = { stake, rewardPerGas: (F0 * fraction) / 100n, capacity: 16n, feePerGas: F0 }
    return Number(formula === 'hardened' ? weight(p, defaultConfig) : seedWeight(p))
  }

  it('with the hardened weight, R = F/2 wins no more than a peer at 0.95·F and about 1.1× a peer at F', () => {
    const { result } = run(scenario('hardened'))
    const [half] = blocksOf(result, 'at F/2')
    const [near] = blocksOf(result, 'at 0.95F')
    const atF = mean(blocksOf(result, 'at F'))
    expect(w('hardened', 50n) / w('hardened', 100n)).toBeCloseTo(1 / 0.95 ** 2, 3) // ≈ 1.108
    expectRatio(half!, near!, w('hardened', 50n) / w('hardened', 95n)) // 1: the same weight
    expect(half!).toBeLessThanOrEqual(near! + Z * Math.sqrt(half! + near!))
    expectRatio(half!, atF * 30, w('hardened', 50n) / w('hardened', 100n) / 30)
  })

  it('with the seed weight, R = F/2 wins about (0.95/0.5)² ≈ 3.6× the peer at 0.95·F and 4× a peer at F', () => {
    const { result } = run(scenario('seed'))
    const [half] = blocksOf(result, 'at F/2')
    const [near] = blocksOf(result, 'at 0.95F')
    const atF = mean(blocksOf(result, 'at F'))
    expect(w('seed', 50n) / w('seed', 95n)).toBeCloseTo((0.95 / 0.5) ** 2, 3)
    expectRatio(half!, near!, w('seed', 50n) / w('seed', 95n))
    expectRatio(half!, atF * 30, w('seed', 50n) / w('seed', 100n) / 30)
    expect(result.underbidding?.ratio).toBeGreaterThan(3)
  })
})

describe('redundant proofs: the open race against the pool', () => {
  // 16 provers with far more proving slots than the load needs (about 10 proofs in flight each at 12 s per
  // block and 2 min per proof, 32 slots), and no failures.
  const N = 16
  const provers = [group({ count: N, capacity: 32, failureRate: 0 })]
  const base: Scenario = { ...defaultScenario(), blocks: 3_000, provers }

  it('the race submits N − 1 redundant proofs per block with N provers', () => {
    const { result } = run({ ...base, design: 'race' })
    expect(result.unprovenBlocks).toBe(0)
    // Every prover proves every block (ample slots, no failures): exactly N proofs per block.
    expect(result.proofsSubmitted).toBe(N * result.blocks)
    expect(result.redundantProofs).toBe((N - 1) * result.blocks)
  })

  it('the pool submits none when no block is open or late', () => {
    const { result } = run({ ...base, design: 'pool' })
    expect(result.openBlocks).toBe(0)
    expect(result.lateProofs).toBe(0)
    expect(result.redundantProofs).toBe(0)
    expect(result.proofsSubmitted).toBe(result.blocks)
  })

  it('the pool wastes proofs only on late (and open) blocks, which are raced', () => {
    const { result } = run({ ...base, design: 'pool', provers: [{ ...provers[0]!, failureRate: 0.01 }] })
    expect(result.lateProofs).toBeGreaterThan(0)
    expect(result.redundantProofs).toBeGreaterThan(0)
    expect(result.redundantProofs).toBeLessThanOrEqual((result.lateProofs + result.openBlocks) * (N - 1))
  })
})

describe('the fee per gas', () => {
  it('converges towards the active provers’ clamped asks', () => {
    const asks = [1.1, 1.2, 1.3]
    const provers = asks.map((gwei, i) =>
      group({ label: `asks ${gwei}`, count: [11, 11, 10][i]!, strategy: { kind: 'fixed', gwei } }),
    )
    const { result, series } = run({ ...defaultScenario(), blocks: 30_000, provers })
    // F* solves E[R′ | F] = F: each ask clamped into [0.95F, 1.05F], weighted by its selection odds.
    const counts = [11n, 11n, 10n]
    const askWei = asks.map((g) => BigInt(Math.round(g * 1e9)))
    const expectedAsk = (F: bigint) => {
      let total = 0
      let sum = 0
      let sumSq = 0
      askWei.forEach((r, i) => {
        const wi =
          Number(counts[i]!) *
          Number(weight({ stake: 20_000n * STAKE_UNIT, rewardPerGas: r, capacity: 16n, feePerGas: F }))
        const clamped = Number(effectiveRewardPerGas({ rewardPerGas: r, feePerGas: F }))
        total += wi
        sum += wi * clamped
        sumSq += wi * clamped * clamped
      })
      return { mean: sum / total, sd: Math.sqrt(sumSq / total - (sum / total) ** 2) }
    }
    let lo = F0
    let hi = 2n * F0
    while (hi - lo > 1n) {
      const mid = (lo + hi) / 2n
      if (expectedAsk(mid).mean > Number(mid)) lo = mid
      else hi = mid
    }
    const fixedPoint = Number(lo)
    // F moves by (R′ − F)/1,024 per proof. Near F* the pull back is k·(F* − F) with k = 1 − dE[R′|F]/dF (the
    // clamped asks and the odds move with F, so k < 1), which makes F an AR(1) process with spread
    // sd(R′)·√(α / (2k)), α = 1/1,024.
    const h = 1_000_000n
    const k = 1 - (expectedAsk(lo + h).mean - expectedAsk(lo - h).mean) / (2 * Number(h))
    const sdF = expectedAsk(lo).sd * Math.sqrt(1 / 1_024 / (2 * k))
    const finalF = Number(result.finalFeePerGas)
    expect(Math.abs(finalF - fixedPoint)).toBeLessThanOrEqual(Z * sdF)
    // And it got there from F0 = 1 gwei, below every ask.
    expect(series[0]!.feeGwei).toBe(1)
    expect(fixedPoint).toBeGreaterThan(1.1e9)
    expect(fixedPoint).toBeLessThan(1.3e9)
  })
})

describe('flaky provers and emergency mode (demo timing: windows of seconds)', () => {
  // 8 reliable and 4 flaky provers (a quarter of their proofs never come), two proving slots each, and an
  // hour when demand is eight times what they can prove.
  const scenario: Scenario = {
    ...defaultScenario(),
    blocks: 6_000,
    provers: [
      group({
        label: 'reliable',
        count: 8,
        capacity: 2,
        proofTimeSeconds: { kind: 'lognormal', median: 10, sigma: 0.3 },
      }),
      group({
        label: 'flaky',
        count: 4,
        capacity: 2,
        proofTimeSeconds: { kind: 'lognormal', median: 10, sigma: 0.3 },
        failureRate: 0.25,
      }),
    ],
    demand: {
      ...defaultScenario().demand,
      blocksPerHour: 600,
      bursts: [{ startHour: 2, endHour: 3, multiplier: 8 }],
    },
    pool: { ...defaultScenario().pool, base: 'demo', initialAvgProofDelaySeconds: 12 },
  }
  const { result, series } = run(scenario, { seriesPoints: scenario.blocks })
  const congestion = Number(demoConfig.congestionBacklog)

  it('slashes lower the health and the weight of the provers who miss their windows', () => {
    const flaky = result.provers.filter((p) => p.label === 'flaky')
    const clean = result.provers.find((p) => p.slashes === 0 && p.status === 'active')!
    expect(clean.healthBps).toBe(10_000)
    for (const p of flaky) {
      expect(p.slashes).toBeGreaterThan(0)
      expect(p.healthBps).toBeLessThan(10_000)
      expect(BigInt(p.stake)).toBeLessThan(BigInt(p.initialStake))
      if (p.status === 'active') expect(BigInt(p.weight)).toBeLessThan(BigInt(clean.weight))
    }
  })

  it('enters emergency mode and leaves it with hysteresis', () => {
    const episodes = result.emergencyEpisodes
    expect(episodes.length).toBeGreaterThan(0)
    for (const e of episodes) {
      if (e.reason === 'congestion') expect(e.startBacklog).toBeGreaterThanOrEqual(congestion)
      if (e.endBacklog !== null) expect(e.endBacklog).toBeLessThanOrEqual(congestion / 4)
    }
    expect(episodes.some((e) => e.endBlock !== null)).toBe(true)
    // Between the two thresholds the mode depends on where it came from: on while falling, off while rising.
    const between = (b: number) => b > congestion / 4 && b < congestion
    expect(series.some((p) => p.emergency !== 0 && between(p.backlog))).toBe(true)
    expect(series.some((p) => p.emergency === 0 && between(p.backlog))).toBe(true)
  })
})
