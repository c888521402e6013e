import { describe, expect, it } from 'vitest'
import {
  alice,
  bob,
  carol,
  commitmentOf,
  dave,
  erin,
  F0,
  newModel,
  proposeFor,
  stake,
  TKO,
} from '../model/testing'
import { selectionProbabilities } from '../selectionProbabilities'
import { weight } from '../weight'
import { previewStake } from './previewStake'

const params = { amount: 1_000n * TKO, rewardPerGas: F0, capacity: 4n }
const w = (units: bigint, rewardPerGas = F0) =>
  weight({ stake: units * TKO, rewardPerGas, capacity: 4n, feePerGas: F0 })

describe('previewStake', () => {
  it('joins a free slot with its share of the selection', () => {
    const model = newModel()
    stake(model, alice, { amount: 3_000n * TKO })
    const p = previewStake({ pool: model.lens(), prover: bob, ...params })
    expect(p).toEqual({
      weight: w(1_000n),
      probability: 0.25,
      rank: 2,
      joins: true,
      evicts: null,
      shortfall: 0n,
      requiredStake: 500n * TKO, // the minimum stake: there is a free slot
      error: null,
    })
  })

  it('names the prover it would evict', () => {
    const model = newModel()
    for (const [p, units] of [
      [alice, 2_000n],
      [bob, 800n],
      [carol, 3_000n],
      [dave, 1_500n],
    ] as const)
      stake(model, p, { amount: units * TKO })
    const p = previewStake({ pool: model.lens(), prover: erin, ...params })
    expect(p).toMatchObject({
      joins: true,
      evicts: bob,
      rank: 4,
      shortfall: 0n,
      error: null,
      requiredStake: 801n * TKO,
    })
    const after = [w(2_000n), w(1_000n), w(3_000n), w(1_500n)]
    expect(p.probability).toBe(selectionProbabilities({ weights: after })[1])
  })

  it('says by how much a stake falls short, and what stake would join', () => {
    const model = newModel()
    for (const p of [alice, bob, carol, dave]) stake(model, p, { amount: 2_000n * TKO })
    const p = previewStake({ pool: model.lens(), prover: erin, ...params })
    expect(p).toMatchObject({
      weight: w(1_000n),
      probability: 0,
      rank: 5,
      joins: false,
      evicts: null,
      shortfall: w(2_000n) - w(1_000n) + 1n,
      requiredStake: 2_001n * TKO,
      error: { name: 'ProverPoolWeightTooLow', args: [w(1_000n), w(2_000n)] },
    })
    // The required stake is exactly the threshold.
    expect(previewStake({ pool: model.lens(), prover: erin, ...params, amount: 2_001n * TKO }).joins).toBe(
      true,
    )
    expect(
      previewStake({ pool: model.lens(), prover: erin, ...params, amount: 2_001n * TKO - 1n }).joins,
    ).toBe(false)
  })

  it('reports the contract error for an R outside the range, with no stake that would help', () => {
    const model = newModel()
    const p = previewStake({ pool: model.lens(), prover: alice, ...params, rewardPerGas: 3n * F0 })
    expect(p).toMatchObject({
      joins: false,
      requiredStake: null,
      shortfall: 0n,
      error: { name: 'ProverPoolRewardPerGasOutOfRange', args: [3n * F0, F0 / 2n, 2n * F0] },
    })
  })

  it('previews a top-up of an active prover', () => {
    const model = newModel()
    stake(model, alice)
    stake(model, bob, { amount: 3_000n * TKO })
    const pool = model.lens()
    expect(previewStake({ pool, prover: alice, ...params, capacity: 5n }).error).toEqual({
      name: 'ProverPoolParametersDiffer',
      args: [F0, 4n],
    })
    const p = previewStake({ pool, prover: alice, ...params, amount: 2_000n * TKO })
    expect(p).toMatchObject({
      joins: true,
      weight: w(3_000n),
      probability: 0.5,
      rank: 2, // equal to bob's weight, and bob's slot is the higher one
      requiredStake: null,
    })
  })

  it('agrees with the model transition on the same state', () => {
    const model = newModel()
    for (const p of [alice, bob, carol, dave]) stake(model, p, { amount: 1_500n * TKO })
    model.proposeBlock({
      proposer: erin,
      gasUsed: 1_000_000n,
      commitment: commitmentOf(1n),
      parentHash: `0x${'11'.repeat(32)}`,
      now: model.timestamp,
    })
    const draft = model.clone()
    const r = draft.stake({ prover: erin, ...params, amount: 1_600n * TKO, now: model.timestamp })
    const p = previewStake({ pool: model.lens(), prover: erin, ...params, amount: 1_600n * TKO })
    expect(p.evicts).toBe(r.evicted)
    expect(p.weight).toBe(draft.weights()[Number(r.slot) - 1])
  })

  it('Revision 2.3: names the lowest standing weight for eviction, not a prover that is busy right now', () => {
    const model = newModel()
    stake(model, alice, { amount: 2_000n * TKO, capacity: 1n })
    for (const p of [bob, carol, dave]) stake(model, p, { amount: 3_000n * TKO, capacity: 4n })
    proposeFor(model, alice) // alice's one capacity unit is in use: she weighs 0 for the next block
    const pool = model.lens()
    expect(pool.provers[0]).toMatchObject({ prover: alice, weight: 0n })
    const small = previewStake({ pool, prover: erin, ...params, amount: 1_500n * TKO })
    expect(small).toMatchObject({
      joins: false,
      evicts: null,
      shortfall: w(2_000n) - w(1_500n) + 1n,
      requiredStake: 2_001n * TKO,
      error: { name: 'ProverPoolWeightTooLow', args: [w(1_500n), w(2_000n)] },
    })
    expect(previewStake({ pool, prover: erin, ...params, amount: 2_001n * TKO }).evicts).toBe(alice)
  })
})
