import { describe, expect, it } from 'vitest'
import { SECONDS_PER_DAY } from '../config'
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

  it('lists active provers in slot order, then exiting and evicted ones in first-stake order', () => {
    const model = newModel()
    for (const p of [alice, bob, carol, dave]) stake(model, p)
    model.requestExit({ prover: carol, now: T0 })
    stake(model, erin, { now: T0 }) // takes slot 3
    stake(model, carol, { amount: 3_000n * TKO, now: T0 }) // evicts alice (slot 1)
    model.requestExit({ prover: bob, now: T0 })
    const rows = model.lens().provers.map((p) => [p.prover, p.status, p.slot])
    expect(rows).toEqual([
      [carol, StakerStatus.Active, 1n],
      [erin, StakerStatus.Active, 3n],
      [dave, StakerStatus.Active, 4n],
      [alice, StakerStatus.Evicted, 0n],
      [bob, StakerStatus.Exiting, 0n],
    ])
  })
})
