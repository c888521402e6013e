import fc from 'fast-check'
import { type Address, zeroAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import { BPS, MAX_SLOTS, type PoolConfig } from '../config'
import { StakerStatus } from '../types'
import { applyCall, type PoolCommand, poolCommandArb, resolveCommand } from './commands'
import { PoolModelError } from './errors'
import { PoolModel } from './PoolModel'
import {
  alice,
  bob,
  carol,
  dave,
  erin,
  F0,
  frank,
  outsider,
  parentHash,
  proposer,
  T0,
  TKO,
  testConfig,
} from './testing'

const actors: Address[] = [alice, bob, carol, dave, erin, frank]

/** Small numbers so that every rule fires within a few dozen steps. */
const config: PoolConfig = {
  ...testConfig,
  maxActiveProvers: 3n,
  congestionBacklog: 6n,
  minAvailableProvers: 2n,
  batchingBacklog: 4n,
  batchDivisor: 2n,
  maxBatchSize: 3n,
  maxOpenBlocks: 4n,
  maxExitsPerDay: 2n,
  exitDelay: 60n,
  rewardChangeCooldown: 60n,
}

const env = { actors, proposer, funder: outsider }
const commandArb = poolCommandArb({ actors: actors.length })

function checkInvariants(model: PoolModel): void {
  const s = model.snapshot()
  // Token conservation: balance == Σ stake + Σ exit + Σ rewards + treasury.
  expect(model.accountedBalance()).toBe(model.balance)
  const blocks = [...s.blocks.values()]
  expect(BigInt(blocks.length)).toBe(s.nextBlockId - 1n)
  expect(BigInt(blocks.filter((b) => !b.proven).length)).toBe(s.backlog)
  expect(BigInt(blocks.filter((b) => !b.proven && b.open).length)).toBe(s.openBlocks)
  expect(s.openBlocks).toBeLessThanOrEqual(s.config.maxOpenBlocks)
  const owners = s.slotOwners.filter((o) => o !== zeroAddress)
  expect(new Set(owners).size).toBe(owners.length)
  expect(s.slotOwners.slice(Number(s.config.maxActiveProvers)).every((o) => o === zeroAddress)).toBe(true)
  for (const st of s.stakers.values()) {
    const active = st.status === StakerStatus.Active
    expect(active).toBe(st.slot >= 0)
    if (active) expect(s.slotOwners[st.slot]).toBe(st.prover)
    else expect(st.stake).toBe(0n)
    expect(st.currentCapacity).toBeLessThanOrEqual(st.maxCapacity)
    expect(st.slashed).toBeLessThanOrEqual(st.deposited)
    expect(st.stake >= 0n && st.exitAmount >= 0n).toBe(true)
    if (st.exitAmount === 0n && !active)
      expect([StakerStatus.None, StakerStatus.Exiting, StakerStatus.Evicted]).toContain(st.status)
  }
  expect(s.treasury).toBeGreaterThanOrEqual(0n)
  expect(model.exitsToday()).toBeLessThanOrEqual(s.config.maxExitsPerDay)
  if (model.isEmergency) expect(model.currentBatchSize()).toBeGreaterThanOrEqual(2n)
  const weights = model.weights()
  expect(weights).toHaveLength(MAX_SLOTS)
  for (const [i, o] of s.slotOwners.entries()) if (o === zeroAddress) expect(weights[i]).toBe(0n)
  const view = model.lens()
  for (const p of view.provers) expect(p.healthBps >= 0n && p.healthBps <= BPS).toBe(true)
  // The lens holds enough state to rebuild the staking side exactly (previews rely on it).
  expect(PoolModel.fromView(view).lens()).toEqual(view)
}

type Coverage = { applied: number; reverted: number; errors: Set<string>; events: Set<string> }

/** Runs `commands` from a fresh pool, checking the invariants after every step (reverts included). */
function run(commands: PoolCommand[], coverage: Coverage): void {
  const model = new PoolModel({ config, feePerGas: F0, avgProofDelayMs: 12_000n, now: T0 })
  model.fundTreasury({ from: outsider, amount: 100n * TKO, now: T0 })
  let now = T0
  for (const c of commands) {
    if (c.kind === 'wait') now += c.seconds
    const call = resolveCommand(model, c, env)
    if (!call) continue
    const before = model.snapshot()
    try {
      for (const e of applyCall(model, call, {
        now,
        parentHash: parentHash(call.fn === 'proposeBlock' ? call.hash : 0n),
      }))
        coverage.events.add(
          e.eventName === 'EmergencyModeChanged' ? `${e.eventName}(${e.args.join(',')})` : e.eventName,
        )
      coverage.applied++
      checkInvariants(model)
    } catch (error) {
      if (!(error instanceof PoolModelError)) throw error
      coverage.errors.add(error.errorName)
      coverage.reverted++
      expect(model.snapshot()).toEqual(before) // and so every invariant still holds
    }
  }
}

const newCoverage = (): Coverage => ({ applied: 0, reverted: 0, errors: new Set(), events: new Set() })
const sequences = fc.array(commandArb, { minLength: 20, maxLength: 70 })

describe('PoolModel under random command sequences', () => {
  it('conserves tokens and keeps its invariants after every transition; a revert changes nothing', () => {
    fc.assert(
      fc.property(sequences, (commands) => run(commands, newCoverage())),
      { numRuns: 40 },
    )
  })

  it('reaches every transition, both ways into emergency mode and out, and most reverts (fixed seed)', () => {
    const coverage = newCoverage()
    fc.assert(
      fc.property(sequences, (commands) => run(commands, coverage)),
      { numRuns: 50, seed: 20_240_601 },
    )
    expect(coverage.applied).toBeGreaterThan(500)
    expect(coverage.reverted).toBeGreaterThan(100)
    expect(coverage.errors.size).toBeGreaterThanOrEqual(14)
    for (const name of [
      'Staked',
      'Evicted',
      'ExitRequested',
      'Withdrawn',
      'Slashed',
      'BlockProposed',
      'BlockProven',
      'FeePerGasChanged',
      'RewardPerGasChanged',
      'CapacityChanged',
      'RewardsClaimed',
      'EmergencyModeChanged(true,1)',
      'EmergencyModeChanged(true,2)',
      'EmergencyModeChanged(false,0)',
    ])
      expect(coverage.events).toContain(name)
  })
})
