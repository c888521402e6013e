import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from './config'
import { STAKE_UNIT } from './constants'
import { backlogArb, capacityArb, configArb, stakeArb } from './internal/arbitraries'
import { eligibilityRequirements, isEligible } from './isEligible'
import { minCapacity } from './minCapacity'
import { minStake } from './minStake'
import { quantiseStake } from './quantiseStake'

const TKO = STAKE_UNIT

describe('isEligible', () => {
  it('needs the whole-TKO stake to reach minStake and the stated capacity to reach minCapacity', () => {
    // backlog 0: minStake 5,000 TKO, minCapacity 2
    expect(isEligible({ stake: 5_000n * TKO, maxCapacity: 2n, backlog: 0n })).toBe(true)
    expect(isEligible({ stake: 5_000n * TKO - 1n, maxCapacity: 2n, backlog: 0n })).toBe(false)
    expect(isEligible({ stake: 5_000n * TKO, maxCapacity: 1n, backlog: 0n })).toBe(false)
    // backlog 64: minStake 10,000 TKO, minCapacity 4
    expect(isEligible({ stake: 9_999n * TKO + TKO - 1n, maxCapacity: 4n, backlog: 64n })).toBe(false)
  })

  it('rounds a minimum that is not whole TKO up, in effect', () => {
    const config = { ...defaultConfig, baseMinStake: 2_001n * TKO + 2n } // minStake(0) = 1,000.5 TKO + 1 wei
    expect(isEligible({ stake: 1_001n * TKO - 1n, maxCapacity: 4n, backlog: 0n }, config)).toBe(false)
    expect(isEligible({ stake: 1_001n * TKO, maxCapacity: 4n, backlog: 0n }, config)).toBe(true)
  })

  it('is exactly the two comparisons', () => {
    fc.assert(
      fc.property(stakeArb, capacityArb, backlogArb, configArb, (stake, maxCapacity, backlog, config) => {
        expect(isEligible({ stake, maxCapacity, backlog }, config)).toBe(
          quantiseStake({ stake }) >= minStake({ backlog }, config) &&
            maxCapacity >= minCapacity({ backlog }, config),
        )
      }),
    )
  })

  it('gives the same answer with the requirements computed once and passed in', () => {
    fc.assert(
      fc.property(stakeArb, capacityArb, backlogArb, configArb, (stake, maxCapacity, backlog, config) => {
        const requirements = eligibilityRequirements({ backlog }, config)
        expect(requirements).toEqual({
          minStake: minStake({ backlog }, config),
          minCapacity: minCapacity({ backlog }, config),
        })
        expect(isEligible({ stake, maxCapacity, backlog }, config, requirements)).toBe(
          isEligible({ stake, maxCapacity, backlog }, config),
        )
      }),
    )
  })
})
