import { describe, expect, it } from 'vitest'
import { EmergencyReason } from '../types'
import {
  alice,
  bob,
  carol,
  expectPoolError,
  F0,
  newModel,
  propose,
  proposeFor,
  stake,
  testConfig,
} from './testing'

const gasUsed = 1_000_000n
const base = F0 * gasUsed

describe('PoolModel emergency mode', () => {
  it('enters on a proposal at the congestion backlog, opens new blocks and turns batching on', () => {
    const model = newModel({ ...testConfig, congestionBacklog: 4n, maxOpenBlocks: 10n })
    stake(model, alice, { capacity: 50n })
    for (let i = 0; i < 4; i++) expect(propose(model).open).toBe(false)
    expect(model.isEmergency).toBe(false)
    const r = propose(model) // backlog before it: 4 >= 4
    expect(r.open).toBe(true)
    expect(r.events.map((e) => e.eventName)).toEqual(['EmergencyModeChanged', 'BlockProposed'])
    expect(r.events[0]!.args).toEqual([true, EmergencyReason.Congestion])
    expect(model.emergencyReason).toBe(EmergencyReason.Congestion)
    expect(model.currentBatchSize()).toBe(2n)
    expect(model.getBlock(r.blockId)).toMatchObject({ open: true, rewardPerGas: F0 })
    const view = model.lens()
    expect(view).toMatchObject({
      emergency: true,
      emergencyReason: EmergencyReason.Congestion,
      batchSize: 2n,
    })
  })

  it('leaves after proofs once the backlog is at most a quarter of congestion with enough provers available', () => {
    const model = newModel({ ...testConfig, congestionBacklog: 4n, maxOpenBlocks: 10n })
    stake(model, alice, { capacity: 50n })
    for (let i = 0; i < 5; i++) propose(model) // the 5th enters
    const now = model.timestamp
    // Stabilisation bonus on every proof while on (batch of two, and emergency).
    const r1 = model.proveBlocks({ prover: alice, blockIds: [1n, 2n], now })
    expect(r1.paid[0]).toBe(base + base / 10n + base / 20n)
    model.proveBlocks({ prover: alice, blockIds: [3n, 4n], now })
    expect(model.backlog).toBe(1n)
    expect(model.isEmergency).toBe(false) // left after that batch: 1 <= 4/4
  })

  it('enters on a slash when too few provers are available (counted before the capacity comes back)', () => {
    const model = newModel({ ...testConfig, minAvailableProvers: 2n })
    stake(model, alice, { capacity: 1n })
    stake(model, bob, { capacity: 1n })
    const { blockId } = proposeFor(model, alice)
    const block = model.getBlock(blockId)
    const r = model.proveBlocks({
      prover: bob,
      blockIds: [blockId],
      now: block.proposedAt + block.proofWindow + 1n,
    })
    // Alice (capacity 0 until this block's capacity returns) is not available: 1 < 2 → enter.
    // After the proof both are available again and the backlog is 0 → leave in the same call.
    expect(r.events.map((e) => e.eventName)).toEqual([
      'Slashed',
      'EmergencyModeChanged',
      'BlockProven',
      'EmergencyModeChanged',
    ])
    expect(r.events[1]!.args).toEqual([true, EmergencyReason.ProverFailure])
    expect(r.events[3]!.args).toEqual([false, EmergencyReason.None])
    // "Emergency at proof time" is read before this block's own slash: the proof that switches the mode on
    // earns no stabilisation bonus.
    expect(r.paid).toEqual([(base * 3n) / 2n])
    expect(model.isEmergency).toBe(false)
  })

  it('enters on a slash when the backlog after the proof is at least half the congestion backlog', () => {
    const model = newModel({ ...testConfig, congestionBacklog: 8n })
    stake(model, alice, { capacity: 50n })
    stake(model, bob, { capacity: 50n })
    for (let i = 0; i < 5; i++) propose(model)
    const block = model.getBlock(1n)
    const late = block.proposedAt + block.proofWindow + 1n
    const r = model.proveBlocks({ prover: carol, blockIds: [1n], now: late })
    expect(model.backlog).toBe(4n) // 4 >= 8/2
    expect(r.events.find((e) => e.eventName === 'EmergencyModeChanged')?.args).toEqual([
      true,
      EmergencyReason.ProverFailure,
    ])
    expect(model.emergencyReason).toBe(EmergencyReason.ProverFailure)
    // A proof that lands while the mode is on earns the stabilisation bonus, even alone.
    const lateBase = (model.getBlock(2n).rewardPerGas * gasUsed * 3n) / 2n
    expect(model.proveBlocks({ prover: carol, blockIds: [2n], now: late }).paid).toEqual([
      lateBase + lateBase / 20n,
    ])
    // While on, new blocks are open and the mode does not switch to congestion.
    const next = propose(model, { now: late })
    expect(next.open).toBe(true)
    expect(model.emergencyReason).toBe(EmergencyReason.ProverFailure)
  })

  it('does not enter on a slash when enough provers are available and the backlog is low', () => {
    const model = newModel({ ...testConfig, congestionBacklog: 8n })
    stake(model, alice, { capacity: 50n })
    stake(model, bob, { capacity: 50n })
    propose(model)
    const block = model.getBlock(1n)
    const r = model.proveBlocks({
      prover: carol,
      blockIds: [1n],
      now: block.proposedAt + block.proofWindow + 1n,
    })
    expect(r.events.map((e) => e.eventName)).toEqual(['Slashed', 'BlockProven'])
  })

  it('leaves on a proposal when the backlog is low and enough provers became available', () => {
    const model = newModel({
      ...testConfig,
      congestionBacklog: 8n,
      minAvailableProvers: 2n,
      maxOpenBlocks: 10n,
    })
    stake(model, alice, { capacity: 50n })
    for (let i = 0; i < 5; i++) propose(model)
    const block = model.getBlock(1n)
    const late = block.proposedAt + block.proofWindow + 1n
    model.proveBlocks({ prover: carol, blockIds: [1n], now: late }) // alice alone: 1 < 2 → enter
    expect(model.isEmergency).toBe(true)
    // Drain the backlog to 2 (= 8/4): still on, only one prover available.
    model.proveBlocks({ prover: alice, blockIds: [2n, 3n], now: late })
    expect(model.backlog).toBe(2n)
    expect(model.isEmergency).toBe(true)
    // A second prover joins: staking checks nothing, the next proposal leaves first and assigns the block.
    stake(model, bob, { capacity: 50n, now: late })
    const r = propose(model, { now: late })
    expect(r.events.map((e) => e.eventName)).toEqual(['EmergencyModeChanged', 'BlockProposed'])
    expect(r.events[0]!.args).toEqual([false, EmergencyReason.None])
    expect(r.open).toBe(false)
  })

  it('keeps the open-block cap in emergency mode', () => {
    const model = newModel({ ...testConfig, congestionBacklog: 1n, maxOpenBlocks: 2n })
    stake(model, alice, { capacity: 50n })
    propose(model) // backlog 0: assigned
    propose(model) // backlog 1 >= 1: enters, open
    propose(model) // open
    expectPoolError(() => propose(model), 'BlockProtocolTooManyOpenBlocks', [2n, 2n])
    expect(model.isEmergency).toBe(true)
  })
})
