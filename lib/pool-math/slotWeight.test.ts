import { describe, expect, it } from 'vitest'
import { STAKE_UNIT } from './constants'
import { slotWeight } from './slotWeight'
import { weight } from './weight'

const F = 1_000_000_000n
const slot = {
  stake: 10_000n * STAKE_UNIT,
  rewardPerGas: F,
  currentCapacity: 3n,
  maxCapacity: 4n,
  feePerGas: F,
  backlog: 0n,
}

describe('slotWeight', () => {
  it('is the weight at the current capacity for an eligible prover', () => {
    expect(slotWeight(slot)).toBe(weight({ stake: slot.stake, rewardPerGas: F, capacity: 3n, feePerGas: F }))
  })

  it('is zero for a prover below the dynamic requirements', () => {
    expect(slotWeight({ ...slot, backlog: 65n })).toBe(0n) // minStake 10,078 TKO > 10,000
    expect(slotWeight({ ...slot, backlog: 96n })).toBe(0n) // minCapacity 5 > 4
  })

  it('is zero once the current capacity is used up', () => {
    expect(slotWeight({ ...slot, currentCapacity: 0n })).toBe(0n)
  })
})
