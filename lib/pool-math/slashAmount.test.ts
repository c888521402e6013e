import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BPS, STAKE_UNIT } from './constants'
import { configArb, stakeArb } from './internal/arbitraries'
import { max, min } from './internal/minMax'
import { slashAmount } from './slashAmount'

const TKO = STAKE_UNIT

describe('slashAmount', () => {
  it('takes 1 % of the stake when that beats four base rewards', () => {
    expect(slashAmount({ stake: 10_000n * TKO, baseReward: 1_000_000_000_000_000n })).toBe(100n * TKO)
  })

  it('takes four base rewards when 1 % is less', () => {
    expect(slashAmount({ stake: 10_000n * TKO, baseReward: 30n * TKO })).toBe(120n * TKO)
  })

  it('never takes more than the stake', () => {
    expect(slashAmount({ stake: TKO, baseReward: TKO })).toBe(TKO)
    expect(slashAmount({ stake: 0n, baseReward: TKO })).toBe(0n)
  })

  it('rounds the percentage down', () => {
    expect(slashAmount({ stake: 199n, baseReward: 0n })).toBe(1n) // 1.99 → 1
    expect(slashAmount({ stake: 99n, baseReward: 0n })).toBe(0n)
  })

  it('lies within [min(stake, max(stake*slashBps/BPS, 4·base)), stake]', () => {
    fc.assert(
      fc.property(stakeArb, stakeArb, configArb, (stake, baseReward, config) => {
        const s = slashAmount({ stake, baseReward }, config)
        expect(s).toBeLessThanOrEqual(stake)
        const byPercent = (stake * config.slashBps) / BPS
        const byReward = baseReward * config.minSlashRewardMultiple
        expect(s).toBe(min(max(byPercent, byReward), stake))
      }),
    )
  })
})
