import { describe, expect, it } from 'vitest'
import { alice, bob, carol, F0, newModel, stake, TKO, testConfig } from '../model/testing'
import { weight } from '../weight'
import { previewChange } from './previewChange'

const w = (units: bigint, rewardPerGas = F0) =>
  weight({ stake: units * TKO, rewardPerGas, capacity: 4n, feePerGas: F0 })

/** The pool read once the cooldowns joining started (Revision 2.4) have passed. */
const afterCooldown = (model: ReturnType<typeof newModel>) =>
  model.lens({ chainTimestamp: model.timestamp + testConfig.rewardChangeCooldown })

describe('previewChange', () => {
  it('shows the weight and odds before and after a change of R', () => {
    const model = newModel()
    stake(model, alice)
    stake(model, bob)
    const p = previewChange({ pool: afterCooldown(model), prover: alice, rewardPerGas: 2n * F0 })
    // Equal to bob's weight: bob's higher slot ranks above (the contract evicts the lowest slot first).
    expect(p.before).toEqual({ weight: w(1_000n), probability: 0.5, rank: 2 })
    expect(p).toMatchObject({ weight: w(1_000n, 2n * F0), rank: 2, error: null })
    expect(p.probability).toBeCloseTo(0.2, 12) // 1/4 : 1
  })

  it('combines a top-up with an R and a capacity change', () => {
    const model = newModel()
    stake(model, alice)
    stake(model, bob)
    const p = previewChange({
      pool: afterCooldown(model),
      prover: alice,
      topUp: 1_000n * TKO,
      rewardPerGas: F0,
      capacity: 8n,
    })
    expect(p).toMatchObject({ weight: w(2_000n), rank: 1, error: null })
  })

  it('Revision 2.4: returns the contract error and the unchanged standing during the cooldown joining started', () => {
    const model = newModel()
    stake(model, alice)
    const joined = model.timestamp
    const pool = model.lens()
    const p = previewChange({ pool, prover: alice, rewardPerGas: 1_100_000_000n })
    expect(p.error).toEqual({
      name: 'ProverPoolCooldownActive',
      args: [joined + testConfig.rewardChangeCooldown, joined],
    })
    expect(p.weight).toBe(p.before.weight)
    const later = previewChange({
      pool: { ...pool, chainTimestamp: joined + testConfig.rewardChangeCooldown },
      prover: alice,
      rewardPerGas: 1_100_000_000n,
    })
    expect(later.error).toBeNull()
    expect(later.weight).toBeLessThan(later.before.weight)
  })

  it('Revision 2.7: previews capacity 0 inside the cooldown as accepted, with weight 0', () => {
    const model = newModel()
    stake(model, alice)
    stake(model, bob)
    const p = previewChange({ pool: model.lens(), prover: alice, capacity: 0n })
    expect(p).toMatchObject({ weight: 0n, probability: 0, error: null })
  })

  it('rejects a change for a prover that is not active', () => {
    const model = newModel()
    stake(model, alice)
    expect(previewChange({ pool: model.lens(), prover: carol, capacity: 3n }).error).toEqual({
      name: 'ProverPoolNotActive',
      args: [carol],
    })
  })
})
