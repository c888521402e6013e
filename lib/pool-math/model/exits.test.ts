import { describe, expect, it } from 'vitest'
import { SECONDS_PER_DAY } from '../constants'
import { StakerStatus } from '../types'
import {
  alice,
  bob,
  carol,
  dave,
  erin,
  expectConserved,
  expectPoolError,
  newModel,
  propose,
  stake,
  T0,
  TKO,
  testConfig,
} from './testing'

const dayEnd = (T0 / SECONDS_PER_DAY + 1n) * SECONDS_PER_DAY

describe('PoolModel exits and withdrawals', () => {
  it('leaves the active list at once and queues the stake for the exit delay', () => {
    const model = newModel()
    stake(model, alice)
    const now = T0 + 10n
    const r = model.requestExit({ prover: alice, now })
    expect(r.events).toEqual([
      { eventName: 'ExitRequested', args: [alice, 1_000n * TKO, now + testConfig.exitDelay] },
    ])
    expect(model.getStaker(alice)).toMatchObject({
      status: StakerStatus.Exiting,
      slot: 0n,
      stake: 0n,
      exitAmount: 1_000n * TKO,
      exitUnlocksAt: now + testConfig.exitDelay,
    })
    expect(model.weights().every((w) => w === 0n)).toBe(true)
    expect(model.exitsToday(now)).toBe(1n)
    expectPoolError(() => model.requestExit({ prover: alice, now }), 'ProverPoolNotActive', [alice])
    expect(stake(model, bob).slot).toBe(1n) // the slot is free again
    expectConserved(model)
  })

  it('allows maxExitsPerDay voluntary exits per UTC day and says when the limit resets', () => {
    const model = newModel({ ...testConfig, maxExitsPerDay: 2n })
    for (const p of [alice, bob, carol, dave]) stake(model, p)
    model.requestExit({ prover: alice, now: T0 })
    model.requestExit({ prover: bob, now: T0 + 1n })
    expectPoolError(
      () => model.requestExit({ prover: carol, now: dayEnd - 1n }),
      'ProverPoolExitLimitReached',
      [2n, 2n, dayEnd],
    )
    expect(model.exitsToday(dayEnd)).toBe(0n)
    model.requestExit({ prover: carol, now: dayEnd })
    expect(model.exitsToday(dayEnd)).toBe(1n)
    expect(model.lens({ chainTimestamp: dayEnd }).exitsToday).toBe(1n)
  })

  it('does not count evictions against the daily limit', () => {
    const model = newModel({ ...testConfig, maxExitsPerDay: 1n })
    for (const p of [alice, bob, carol, dave]) stake(model, p)
    stake(model, erin, { amount: 2_000n * TKO }) // evicts alice
    model.requestExit({ prover: bob, now: model.timestamp })
    expectPoolError(
      () => model.requestExit({ prover: carol, now: model.timestamp }),
      'ProverPoolExitLimitReached',
    )
  })

  it('pays the queued amount from the unlock time on, not before', () => {
    const model = newModel()
    stake(model, alice)
    model.requestExit({ prover: alice, now: T0 })
    const unlocksAt = T0 + testConfig.exitDelay
    expectPoolError(() => model.withdraw({ prover: alice, now: unlocksAt - 1n }), 'ProverPoolExitLocked', [
      unlocksAt,
      unlocksAt - 1n,
    ])
    const before = model.balance
    const r = model.withdraw({ prover: alice, now: unlocksAt })
    expect(r.events).toEqual([{ eventName: 'Withdrawn', args: [alice, 1_000n * TKO] }])
    expect(model.balance).toBe(before - 1_000n * TKO)
    expect(model.getStaker(alice)).toMatchObject({
      status: StakerStatus.None,
      exitAmount: 0n,
      exitUnlocksAt: 0n,
    })
    expect(model.lens().provers).toEqual([]) // withdrawn stakers leave the lens
    expectPoolError(
      () => model.withdraw({ prover: alice, now: unlocksAt }),
      'ProverPoolNothingToWithdraw',
      [],
    )
    expectPoolError(() => model.withdraw({ prover: bob, now: unlocksAt }), 'ProverPoolNothingToWithdraw', [])
    expectConserved(model)
  })

  it('merges a second queued amount and restarts the delay', () => {
    const model = newModel()
    stake(model, alice)
    model.requestExit({ prover: alice, now: T0 })
    stake(model, alice, { amount: 600n * TKO, now: T0 + 100n })
    model.requestExit({ prover: alice, now: T0 + 200n })
    expect(model.getStaker(alice)).toMatchObject({
      exitAmount: 1_600n * TKO,
      exitUnlocksAt: T0 + 200n + testConfig.exitDelay,
    })
    expectPoolError(
      () => model.withdraw({ prover: alice, now: T0 + testConfig.exitDelay }),
      'ProverPoolExitLocked',
    )
  })

  it('keeps an active prover active when it withdraws an older queued amount', () => {
    const model = newModel()
    stake(model, alice)
    model.requestExit({ prover: alice, now: T0 })
    stake(model, alice, { now: T0 + 1n })
    model.withdraw({ prover: alice, now: T0 + testConfig.exitDelay })
    expect(model.getStaker(alice)).toMatchObject({
      status: StakerStatus.Active,
      stake: 1_000n * TKO,
      exitAmount: 0n,
    })
  })

  it('shows active provers only in the lens, in slot order; getStakers pages through everyone ever seen', () => {
    const model = newModel()
    for (const p of [alice, bob, carol, dave]) stake(model, p)
    model.requestExit({ prover: carol, now: T0 })
    stake(model, erin, { now: T0 }) // takes slot 3
    stake(model, carol, { amount: 3_000n * TKO, now: T0 }) // evicts alice (slot 1)
    model.requestExit({ prover: bob, now: T0 })
    const view = model.lens()
    expect(view.provers.map((p) => [p.prover, p.status, p.slot])).toEqual([
      [carol, StakerStatus.Active, 1n],
      [erin, StakerStatus.Active, 3n],
      [dave, StakerStatus.Active, 4n],
    ])
    expect(view).toMatchObject({ activeProvers: 3n, stakerCount: 5n })
    const all = model.lensStakers(0n, 100n)
    expect(all.total).toBe(5n)
    expect(all.rows.map((p) => [p.prover, p.status, p.slot, p.weight])).toEqual([
      [alice, StakerStatus.Evicted, 0n, 0n],
      [bob, StakerStatus.Exiting, 0n, 0n],
      [carol, StakerStatus.Active, 1n, 0n], // weights only in getPool
      [dave, StakerStatus.Active, 4n, 0n],
      [erin, StakerStatus.Active, 3n, 0n],
    ])
    expect(all.rows[0]).toMatchObject({ exitAmount: 1_000n * TKO, stake: 0n })
    expect(model.lensStakers(1n, 2n).rows.map((p) => p.prover)).toEqual([bob, carol])
    expect(model.lensStakers(4n, 2n).rows.map((p) => p.prover)).toEqual([erin])
    expect(model.lensStakers(5n, 2n)).toEqual({ rows: [], total: 5n })
    expect(model.lensStakers(99n, 2n)).toEqual({ rows: [], total: 5n })
    expect(model.lensStakers(0n, 0n)).toEqual({ rows: [], total: 5n })
  })

  it('Revision 2.7: a prover the exit limit holds back can set capacity 0 and get no new blocks', () => {
    const model = newModel({ ...testConfig, maxExitsPerDay: 1n })
    for (const p of [alice, bob, carol]) stake(model, p)
    model.requestExit({ prover: alice, now: T0 })
    expectPoolError(() => model.requestExit({ prover: bob, now: T0 }), 'ProverPoolExitLimitReached', [
      1n,
      1n,
      dayEnd,
    ])
    model.changeCapacity({ prover: bob, capacity: 0n, now: T0 }) // inside the join's cooldown
    for (let i = 0; i < 3; i++) expect(propose(model).assignedProver).toBe(carol)
    model.requestExit({ prover: bob, now: dayEnd })
    expect(model.getStaker(bob).status).toBe(StakerStatus.Exiting)
  })
})
