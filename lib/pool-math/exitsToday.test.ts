import { describe, expect, it } from 'vitest'
import { SECONDS_PER_DAY } from './constants'
import { exitDayOf, exitLimitResetsAt, exitsToday } from './exitsToday'
import { alice, bob, newModel, stake } from './model/testing'

const day = 20_000n * SECONDS_PER_DAY

describe('exitsToday', () => {
  it('keeps the count through its UTC day and reads 0 from the next midnight', () => {
    const counted = { exitDay: exitDayOf(day + 10n), exitsToday: 2n }
    expect(exitsToday({ ...counted, now: day })).toBe(2n)
    expect(exitsToday({ ...counted, now: day + SECONDS_PER_DAY - 1n })).toBe(2n)
    expect(exitsToday({ ...counted, now: day + SECONDS_PER_DAY })).toBe(0n)
  })

  it('resets at the next 00:00 UTC, also when read exactly at midnight', () => {
    expect(exitLimitResetsAt(day)).toBe(day + SECONDS_PER_DAY)
    expect(exitLimitResetsAt(day + SECONDS_PER_DAY - 1n)).toBe(day + SECONDS_PER_DAY)
  })

  it('agrees with the model (the contract’s mirror) on a lens read taken before midnight', () => {
    const model = newModel()
    stake(model, alice)
    stake(model, bob)
    const view = model.lens()
    model.requestExit({ prover: alice, now: view.chainTimestamp })
    const read = model.lens()
    const counted = { exitDay: exitDayOf(read.chainTimestamp), exitsToday: read.exitsToday }
    expect(exitsToday({ ...counted, now: read.chainTimestamp })).toBe(1n)
    const midnight = exitLimitResetsAt(read.chainTimestamp)
    expect(exitsToday({ ...counted, now: midnight })).toBe(model.exitsToday(midnight))
    expect(model.exitsToday(midnight)).toBe(0n)
  })
})
