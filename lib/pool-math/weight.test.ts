import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from './config'
import { BPS, STAKE_UNIT } from './constants'
import { capacityArb, feePerGasArb, rewardPerGasArb, stakeArb } from './internal/arbitraries'
import { seedWeight } from './seedWeight'
import { weight } from './weight'

const F = 1_000_000_000n
const TKO = STAKE_UNIT
const base = { stake: 10_000n * TKO, rewardPerGas: F, capacity: 4n, feePerGas: F }

describe('weight', () => {
  it('is A_q * F^2 / R^2 at or above the floor', () => {
    expect(weight(base)).toBe(10_000_000_000_000_000_000_000n)
    expect(weight({ ...base, rewardPerGas: 1_200_000_000n })).toBe(6_944_444_444_444_444_444_444n)
  })

  it('gives a bid below the pay floor the weight of the floor (0.95 F)', () => {
    const atFloor = 11_080_332_409_972_299_168_975n
    expect(weight({ ...base, rewardPerGas: 950_000_000n })).toBe(atFloor)
    expect(weight({ ...base, rewardPerGas: 500_000_000n })).toBe(atFloor)
    expect(weight({ ...base, rewardPerGas: 1n })).toBe(atFloor)
  })

  it('counts whole TKO only', () => {
    expect(weight({ ...base, stake: 10_000n * TKO + TKO - 1n })).toBe(weight(base))
    expect(weight({ ...base, stake: TKO - 1n })).toBe(0n)
    expect(weight({ ...base, stake: TKO })).toBe(1_000_000_000_000_000_000n)
  })

  it('is zero without stake, capacity or R', () => {
    expect(weight({ ...base, stake: 0n })).toBe(0n)
    expect(weight({ ...base, capacity: 0n })).toBe(0n)
    expect(weight({ ...base, rewardPerGas: 0n })).toBe(0n)
    expect(weight({ ...base, feePerGas: 0n })).toBe(0n)
  })

  it('does not depend on the capacity beyond zero', () => {
    expect(weight({ ...base, capacity: 1n })).toBe(weight({ ...base, capacity: 255n }))
  })

  it('is non-decreasing in stake', () => {
    fc.assert(
      fc.property(stakeArb, stakeArb, rewardPerGasArb, capacityArb, feePerGasArb, (a, b, r, c, f) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const p = { rewardPerGas: r, capacity: c, feePerGas: f }
        expect(weight({ ...p, stake: lo })).toBeLessThanOrEqual(weight({ ...p, stake: hi }))
      }),
    )
  })

  it('is non-increasing in R above the floor', () => {
    fc.assert(
      fc.property(stakeArb, rewardPerGasArb, rewardPerGasArb, feePerGasArb, (stake, a, b, feePerGas) => {
        const floor = (feePerGas * defaultConfig.rewardFloorBps) / BPS
        fc.pre(a > 0n && b > 0n)
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        fc.pre(lo >= floor)
        const p = { stake, capacity: 1n, feePerGas }
        expect(weight({ ...p, rewardPerGas: lo })).toBeGreaterThanOrEqual(weight({ ...p, rewardPerGas: hi }))
      }),
    )
  })

  it('buys no extra weight below the floor', () => {
    fc.assert(
      fc.property(
        stakeArb,
        rewardPerGasArb,
        fc.bigInt({ min: 1n, max: 2n ** 40n }),
        (stake, r, feePerGas) => {
          const floor = (feePerGas * defaultConfig.rewardFloorBps) / BPS
          fc.pre(r > 0n && r <= floor)
          const p = { stake, capacity: 1n, feePerGas }
          expect(weight({ ...p, rewardPerGas: r })).toBe(weight({ ...p, rewardPerGas: floor }))
        },
      ),
    )
  })

  it('equals the seed formula at or above the floor for whole-TKO stakes', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }),
        rewardPerGasArb,
        feePerGasArb,
        (units, r, f) => {
          fc.pre(r >= (f * defaultConfig.rewardFloorBps) / BPS)
          const p = { stake: units * TKO, rewardPerGas: r, capacity: 3n, feePerGas: f }
          expect(weight(p)).toBe(seedWeight(p))
        },
      ),
    )
  })
})
