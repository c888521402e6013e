import { describe, expect, it } from 'vitest'
import { seedWeight } from '../seedWeight'
import { weight } from '../weight'
import { PoolModel } from './PoolModel'
import {
  alice,
  bob,
  carol,
  expectPoolError,
  F0,
  outsider,
  propose,
  stake,
  T0,
  TKO,
  testConfig,
} from './testing'

/** The simulator's `seed` variant: the same model, weighing slots with the raw `A·F²/R²`. */
function newSeedModel(): PoolModel {
  const model = new PoolModel({
    config: { ...testConfig, maxActiveProvers: 2n },
    feePerGas: F0,
    avgProofDelayMs: 12_000n,
    now: T0,
    selectionWeight: 'seed',
  })
  model.fundTreasury({ from: outsider, amount: 1_000n * TKO, now: T0 })
  return model
}

describe('PoolModel selectionWeight', () => {
  it('weighs slots with seedWeight in the seed variant (no floor on R)', () => {
    const model = newSeedModel()
    stake(model, alice, { rewardPerGas: F0 })
    stake(model, bob, { rewardPerGas: F0 / 2n })
    const [a, b] = model.weights()
    const stakeOf = 1_000n * TKO
    expect(a).toBe(seedWeight({ stake: stakeOf, rewardPerGas: F0, capacity: 4n, feePerGas: F0 }))
    expect(b).toBe(seedWeight({ stake: stakeOf, rewardPerGas: F0 / 2n, capacity: 4n, feePerGas: F0 }))
    expect(b).toBe(4n * a!) // (F / (F/2))²: bidding half buys four times the weight
  })

  it('keeps the hardened weight by default, where bidding under the floor buys nothing', () => {
    const model = new PoolModel({ config: testConfig, feePerGas: F0, avgProofDelayMs: 12_000n, now: T0 })
    stake(model, alice, { rewardPerGas: (F0 * 95n) / 100n })
    stake(model, bob, { rewardPerGas: F0 / 2n })
    const [a, b] = model.weights()
    expect(b).toBe(a)
    expect(a).toBe(
      weight({ stake: 1_000n * TKO, rewardPerGas: F0 / 2n, capacity: 4n, feePerGas: F0 }, testConfig),
    )
  })

  it('decides evictions with the same formula', () => {
    const model = newSeedModel()
    stake(model, alice, { amount: 2_000n * TKO })
    stake(model, bob, { amount: 2_000n * TKO })
    // 600 TKO at R = F/2 weighs as 2,400 TKO at R = F under the seed weight…
    const r = stake(model, carol, { amount: 600n * TKO, rewardPerGas: F0 / 2n })
    expect(r.evicted).toBe(alice)
    // …and as 665 TKO under the hardened weight: refused.
    const hardened = new PoolModel({
      config: { ...testConfig, maxActiveProvers: 2n },
      feePerGas: F0,
      avgProofDelayMs: 12_000n,
      now: T0,
    })
    stake(hardened, alice, { amount: 2_000n * TKO })
    stake(hardened, bob, { amount: 2_000n * TKO })
    expectPoolError(
      () => stake(hardened, carol, { amount: 600n * TKO, rewardPerGas: F0 / 2n }),
      'ProverPoolWeightTooLow',
    )
  })

  it('survives clone()', () => {
    const model = newSeedModel()
    stake(model, alice)
    stake(model, bob, { rewardPerGas: F0 / 2n })
    const copy = model.clone()
    expect(copy.weights()).toEqual(model.weights())
    propose(copy)
    expect(copy.nextBlockId).toBe(model.nextBlockId + 1n)
  })
})
