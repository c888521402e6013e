import fc from 'fast-check'
import { type Address, getAddress, zeroAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import type { PoolConfig } from '../config'
import { BPS, MAX_REWARD_PER_GAS, MAX_SLOTS } from '../constants'
import { StakerStatus } from '../types'
import { validateConfig } from '../validateConfig'
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
  maxProofWindow: 60n, // exitDelay ≥ maxProofWindow (Revision 2.1)
  congestionBacklog: 6n,
  minAvailableProvers: 2n,
  batchingBacklog: 4n,
  batchDivisor: 2n,
  maxBatchSize: 3n,
  maxOpenBlocks: 4n,
  maxExitsPerDay: 2n,
  exitDelay: 60n,
  rewardChangeCooldown: 20n, // joining starts it (Revision 2.4): short, so changes happen too
  configDelay: 30n, // scheduled configs become due within a sequence
}

/** Who may schedule and cancel configs; not one of the actors, so their attempts are refused. */
const owner = getAddress('0x0000000000000000000000000000000000000e4e')
const env = { actors, proposer, funder: outsider, owner }
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
  // Lowering maxActiveProvers evicts nobody, so only slots below the largest limit ever in force are used.
  const widest = [...s.configs.values()].reduce(
    (m, c) => (c.maxActiveProvers > m ? c.maxActiveProvers : m),
    0n,
  )
  expect(s.slotOwners.slice(Number(widest)).every((o) => o === zeroAddress)).toBe(true)
  // Revision 2.1: versions 1 … configVersion, each valid; the one in force is the last; a pending one is valid.
  expect(BigInt(s.configs.size)).toBe(s.configVersion)
  expect(s.configs.get(s.configVersion)).toEqual(s.config)
  for (const c of s.configs.values()) expect(validateConfig(c)).toBeNull()
  expect(s.pendingConfig === null).toBe(s.pendingConfigAt === 0n)
  if (s.pendingConfig) expect(validateConfig(s.pendingConfig)).toBeNull()
  for (const b of blocks) {
    expect(b.configVersion >= 1n && b.configVersion <= s.configVersion).toBe(true)
    expect(BigInt(b.commitment)).not.toBe(0n) // Revision 2.2
    expect(b.gasUsed).toBeGreaterThanOrEqual(s.configs.get(b.configVersion)!.minGasPerBlock)
  }
  // Revision 2.5: Σ owed == totalOwed; Revision 2.6: 0 < F ≤ 2^64 - 1.
  expect([...s.owed.values()].reduce((sum, o) => sum + o, 0n)).toBe(s.totalOwed)
  expect(s.feePerGas > 0n && s.feePerGas <= MAX_REWARD_PER_GAS).toBe(true)
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
  // The lens holds enough state to rebuild the active side exactly (previews rely on it). It is bounded
  // (active provers only), so a model rebuilt from it cannot know how many stakers were ever seen, nor
  // what exiting and evicted stakers have queued.
  const rebuilt = PoolModel.fromView(view).lens()
  expect({ ...rebuilt, stakerCount: view.stakerCount, totalQueued: view.totalQueued }).toEqual(view)
}

type Coverage = { applied: number; reverted: number; errors: Set<string>; events: Set<string> }

/** Runs `commands` from a fresh pool, checking the invariants after every step (reverts included). */
function run(commands: PoolCommand[], coverage: Coverage): void {
  // The treasury starts with a little more than a block's reward (0.001 TKO at F0), so it runs short within
  // a sequence and owed rewards are recorded and paid.
  const model = new PoolModel({ config, feePerGas: F0, avgProofDelayMs: 12_000n, owner, now: T0 })
  model.fundTreasury({ from: outsider, amount: TKO / 500n, now: T0 })
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

  it('reaches every transition, both ways into emergency mode and out, the Revision 2 paths, and most reverts (fixed seed)', () => {
    const coverage = newCoverage()
    fc.assert(
      fc.property(sequences, (commands) => run(commands, coverage)),
      { numRuns: 50, seed: 20_240_601 },
    )
    expect(coverage.applied).toBeGreaterThan(500)
    expect(coverage.reverted).toBeGreaterThan(100)
    expect(coverage.errors.size).toBeGreaterThanOrEqual(20)
    for (const name of [
      'BlockProtocolGasUsedOutOfRange',
      'BlockProtocolEmptyCommitment',
      'BlockProtocolConfigNotDue',
      'BlockProtocolNoConfigScheduled',
      'ProverPoolConfigInvalid',
      'OwnableUnauthorizedAccount',
      'ProverPoolCooldownActive',
    ])
      expect(coverage.errors).toContain(name)
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
      'RewardOwed',
      'OwedRewardsPaid',
      'ConfigScheduled',
      'ConfigUpdated',
      'ConfigCancelled',
    ])
      expect(coverage.events).toContain(name)
  })
})
