import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { configArb, feePerGasArb, rewardPerGasArb, stakeArb } from './internal/arbitraries'
import { standingWeight } from './standingWeight'
import { weight } from './weight'

describe('standingWeight', () => {
  it('weighs a busy prover (no capacity left) by its maximum capacity, not zero', () => {
    const busy = { stake: 20_012n * 10n ** 18n, rewardPerGas: 1_000_000_000n, feePerGas: 1_000_000_000n }
    expect(weight({ ...busy, capacity: 0n })).toBe(0n)
    expect(standingWeight({ ...busy, maxCapacity: 8n })).toBe(20_012n * 10n ** 18n)
  })

  it('is the plain weight at the maximum capacity, and 0 for a prover that set its capacity to 0', () => {
    fc.assert(
      fc.property(
        stakeArb,
        rewardPerGasArb,
        feePerGasArb,
        configArb,
        (stake, rewardPerGas, feePerGas, config) => {
          expect(standingWeight({ stake, rewardPerGas, maxCapacity: 4n, feePerGas }, config)).toBe(
            weight({ stake, rewardPerGas, capacity: 4n, feePerGas }, config),
          )
          expect(standingWeight({ stake, rewardPerGas, maxCapacity: 0n, feePerGas }, config)).toBe(0n)
        },
      ),
    )
  })
})
