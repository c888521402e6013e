import { describe, expect, it } from 'vitest'
import { Simulation, simulate } from './engine'
import type { PoolCall } from './pool-adapter'
import { presetById } from './presets'
import type { SimulationResult } from './result'
import { defaultScenario, type Scenario, ScenarioError } from './scenario'

/** The cascade preset, shortened: failures, slashes, racing, an emergency and refused proposals. */
const eventful: Scenario = { ...presetById('cascade')!.scenario, blocks: 4_000 }
const small: Scenario = { ...defaultScenario(), blocks: 1_500 }

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/** Totals that must add up whatever happened. */
function expectConsistent(r: SimulationResult) {
  const proven = r.blocks - r.unprovenBlocks
  expect(r.proofsSubmitted - r.redundantProofs).toBe(proven)
  expect(sum(r.provers.map((p) => p.proofsSubmitted))).toBe(r.proofsSubmitted)
  expect(sum(r.provers.map((p) => p.redundantProofs))).toBe(r.redundantProofs)
  expect(r.provers.reduce((n, p) => n + BigInt(p.rewards), 0n)).toBe(BigInt(r.rewardsPaid))
  expect(BigInt(r.treasury.min) <= BigInt(r.treasury.start)).toBe(true)
  expect(BigInt(r.treasury.min) <= BigInt(r.treasury.end)).toBe(true)
  if (r.scenario.design === 'pool') {
    expect(sum(r.provers.map((p) => p.blocksAssigned)) + r.openBlocks).toBe(r.blocks)
    // Every late assigned block slashes its prover exactly once, and only those do.
    expect(r.slashes).toBe(r.lateProofs)
    expect(sum(r.provers.map((p) => p.slashes))).toBe(r.slashes)
    expect(sum(Object.entries(r.batches.sizes).map(([size, n]) => Number(size) * n))).toBe(proven)
    expect(r.emergencyBlocks).toBeLessThanOrEqual(r.openBlocks)
  }
  expect(r.unexpectedReverts).toEqual({})
}

describe('Simulation', () => {
  it('keeps its books: proofs, blocks, rewards, slashes and batches add up', () => {
    const r = simulate(eventful)
    expect(r.slashes).toBeGreaterThan(0)
    expect(r.openBlocks).toBeGreaterThan(0)
    expect(r.refusedProposals).toBeGreaterThan(0)
    expect(r.emergencyEpisodes.length).toBeGreaterThan(0)
    expect(r.blocks + r.refusedProposals).toBe(eventful.blocks)
    expectConsistent(r)
    expectConsistent(simulate({ ...small, design: 'race' }))
  })

  it('is deterministic: the same scenario and seed give the same result and series', () => {
    const a = new Simulation(eventful)
    const b = new Simulation(eventful)
    expect(a.run()).toEqual(b.run())
    expect(a.series()).toEqual(b.series())
    expect(simulate({ ...small, seed: 2 })).not.toEqual(simulate(small))
  })

  it('runs in steps of blocks with progress, and the steps change nothing', () => {
    const stepped = new Simulation(small)
    const seen: number[] = []
    while (!stepped.done) seen.push(stepped.step({ blocks: 400 }).blocks)
    expect(seen.slice(0, 3)).toEqual([400, 800, 1_200])
    expect(seen.at(-1)).toBe(1_500)
    expect(stepped.progress).toMatchObject({ blocks: 1_500, total: 1_500, done: true })
    expect(stepped.result()).toEqual(simulate(small))
  })

  it('stops where the caller stops calling (cancel)', () => {
    const sim = new Simulation(small)
    sim.step({ blocks: 300 })
    const at = sim.progress
    expect(at).toMatchObject({ blocks: 300, done: false })
    expect(sim.result().blocks).toBe(300)
    expect(sim.progress).toEqual(at)
  })

  it('samples a series from the start to the end', () => {
    const sim = new Simulation(small, { seriesPoints: 50 })
    sim.run()
    const series = sim.series()
    expect(series[0]).toMatchObject({ block: 0, hours: 0, feeGwei: 1, proofs: 0 })
    expect(series.length).toBeGreaterThanOrEqual(50)
    expect(series.at(-1)!.block).toBe(1_500)
    for (let i = 1; i < series.length; i++)
      expect(series[i]!.proofs).toBeGreaterThanOrEqual(series[i - 1]!.proofs)
  })

  it('sends every pool transition through the adapter; the race sends none', () => {
    const calls: PoolCall[] = []
    const r = new Simulation(small, { onCall: (c) => calls.push(c) }).run()
    expect(calls[0]).toMatchObject({ fn: 'fundTreasury', outcome: 'ok' })
    expect(calls.filter((c) => c.fn === 'proposeBlock')).toHaveLength(small.blocks)
    expect(calls.filter((c) => c.fn === 'proveBlocks' && c.outcome === 'ok')).toHaveLength(r.batches.calls)
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.now).toBeGreaterThanOrEqual(calls[i - 1]!.now)
    const race: PoolCall[] = []
    new Simulation({ ...small, design: 'race' }, { onCall: (c) => race.push(c) }).run()
    expect(race).toEqual([])
  })

  it('funds the treasury with fractions of a TKO', () => {
    const r = simulate({ ...small, blocks: 10, pool: { ...small.pool, treasuryTko: 0.6 } })
    expect(r.treasury.start).toBe('600000000000000000')
  })

  it('counts the treasury as emptied when it holds nothing beyond what it owes', () => {
    const r = simulate({ ...small, blocks: 600, pool: { ...small.pool, treasuryTko: 0 } })
    expect(BigInt(r.treasury.owed) > 0n).toBe(true)
    expect(r.treasury.emptied).toBeGreaterThan(0)
    expect(r.treasury.firstEmptied).not.toBeNull()
    const funded = simulate({ ...small, blocks: 600 })
    expect(funded.treasury.owed).toBe('0')
    expect(funded.treasury.emptied).toBe(0)
  })

  it('refuses a config the pool would refuse, naming the field', () => {
    const bad = { ...small, pool: { ...small.pool, config: { maxActiveProvers: '33' } } }
    expect(() => new Simulation(bad)).toThrow(ScenarioError)
    expect(() => new Simulation(bad)).toThrow('pool.config.maxActiveProvers')
  })

  it('keeps the provers outside the 32 slots waiting, and lets them in when a slot is won', () => {
    // Demo timing: an evicted prover can withdraw after 5 minutes and try again.
    const r = simulate({
      ...defaultScenario(),
      blocks: 3_000,
      provers: [{ ...defaultScenario().provers[0]!, count: 64, failureRate: 0.02 }],
      pool: { ...defaultScenario().pool, base: 'demo', initialAvgProofDelaySeconds: 60 },
    })
    expect(r.provers.filter((p) => p.status === 'active')).toHaveLength(32)
    // Slashed provers fall below waiting ones, who evict them mid-run (they had proven blocks)…
    expect(r.provers.some((p) => p.evictions > 0 && p.slashes > 0 && p.blocksAssigned > 0)).toBe(true)
    // …and evicted provers withdraw and win a slot again.
    expect(r.provers.some((p) => p.joins >= 2)).toBe(true)
    expectConsistent(r)
  })
})
