import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from './config'
import { BPS, STAKE_UNIT } from './constants'
import { rewardPerGasArb, stakeArb } from './internal/arbitraries'
import { seedWeight } from './seedWeight'
import { weight } from './weight'

const F = 1_000_000_000n
const base = { stake: 10_000n * STAKE_UNIT, rewardPerGas: F, capacity: 4n, feePerGas: F }

describe('seedWeight', () => {
  it('is the raw A * F^2 / R^2, not quantised, with no floor on R', () => {
    expect(seedWeight({ ...base, stake: 10_000n * STAKE_UNIT + 1n })).toBe(10_000_000_000_000_000_000_001n)
    expect(seedWeight({ ...base, rewardPerGas: 500_000_000n })).toBe(40_000_000_000_000_000_000_000n)
    expect(seedWeight({ ...base, rewardPerGas: 1n })).toBe(10_000n * STAKE_UNIT * F * F)
  })

  it('is zero without stake, capacity or R', () => {
    expect(seedWeight({ ...base, stake: 0n })).toBe(0n)
    expect(seedWeight({ ...base, capacity: 0n })).toBe(0n)
    expect(seedWeight({ ...base, rewardPerGas: 0n })).toBe(0n)
  })

  it('at least quadruples each time R halves, so it grows without bound as R → 0', () => {
    fc.assert(
      fc.property(stakeArb, fc.bigInt({ min: 2n, max: 2n ** 32n - 1n }), (stake, r) => {
        const p = { stake, capacity: 1n, feePerGas: F }
        expect(seedWeight({ ...p, rewardPerGas: r / 2n })).toBeGreaterThanOrEqual(
          4n * seedWeight({ ...p, rewardPerGas: r }),
        )
      }),
    )
  })

  it('outgrows the capped weight by k^2 when R is the floor divided by k', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2n ** 32n - 1n }),
        fc.bigInt({ min: 1n, max: 1_000n }),
        (units, k) => {
          const floor = (F * defaultConfig.rewardFloorBps) / BPS
          const p = { stake: units * STAKE_UNIT, capacity: 1n, feePerGas: F, rewardPerGas: floor / k }
          expect(seedWeight(p)).toBeGreaterThanOrEqual(k * k * weight(p))
        },
      ),
    )
  })

  it('never falls below the capped weight', () => {
    fc.assert(
      fc.property(stakeArb, rewardPerGasArb, (stake, rewardPerGas) => {
        const p = { stake, rewardPerGas, capacity: 1n, feePerGas: F }
        expect(seedWeight(p)).toBeGreaterThanOrEqual(weight(p))
      }),
    )
  })
})
