import { describe, expect, it } from 'vitest'
import { MAX_REWARD_PER_GAS } from '../constants'
import { nextFeePerGas } from '../nextFeePerGas'
import { weight } from '../weight'
import { PoolModel } from './PoolModel'
import {
  alice,
  bob,
  expectConserved,
  expectPoolError,
  outsider,
  propose,
  stake,
  T0,
  TKO,
  testConfig,
} from './testing'

const gasUsed = 1_000_000n

/** A pool starting at fee `feePerGas`, with a treasury large enough for any reward at that fee. */
function poolAt(feePerGas: bigint) {
  const model = new PoolModel({ config: testConfig, feePerGas, avgProofDelayMs: 12_000n, now: T0 })
  model.fundTreasury({ from: outsider, amount: feePerGas * gasUsed * 4n, now: T0 })
  return model
}

/** One assigned block proven at once by its prover: F's move is the one in-window proof. */
function proveOne(model: PoolModel, prover = alice) {
  const { blockId, assignedProver } = propose(model)
  expect(assignedProver).toBe(prover)
  const before = model.feePerGas
  const r = model.proveBlocks({ prover, blockIds: [blockId], now: model.timestamp })
  expect(r.events[0]).toEqual({
    eventName: 'FeePerGasChanged',
    args: [blockId, before, model.feePerGas, model.timestamp],
  })
  return model.feePerGas
}

describe('PoolModel fee per gas (Revision 2.6)', () => {
  it('rises by one wei per proof below F = 20,480 (the v1 average could only fall there)', () => {
    const model = poolAt(10_000n)
    stake(model, alice, { rewardPerGas: 20_000n }) // R' = 1.05 F = 10,500
    // (10,000 · 1023 + 10,500) / 1024 = 10,000.49 → the floor would keep 10,000: one wei instead.
    expect(proveOne(model)).toBe(10_001n)
    expect(proveOne(model)).toBe(10_002n)
    expectConserved(model)
  })

  it('falls by one wei per proof below F = 20,480', () => {
    const model = poolAt(10_000n)
    stake(model, alice, { rewardPerGas: 5_000n }) // R' = 0.95 F = 9,500
    expect(proveOne(model)).toBe(9_999n)
    expect(proveOne(model)).toBe(9_998n)
  })

  it("stays put when R' equals F", () => {
    const model = poolAt(10_000n)
    stake(model, alice, { rewardPerGas: 10_000n })
    expect(proveOne(model)).toBe(10_000n)
  })

  it('accepts R up to 2^64 - 1, and refuses one more', () => {
    const f = 2n ** 63n
    const model = poolAt(f)
    // The range is [F/2, min(2F, 2^64 - 1)]: 2F = 2^64 is one above what R may be.
    expectPoolError(
      () => stake(model, alice, { rewardPerGas: MAX_REWARD_PER_GAS + 1n }),
      'ProverPoolRewardPerGasOutOfRange',
      [MAX_REWARD_PER_GAS + 1n, f / 2n, MAX_REWARD_PER_GAS],
    )
    stake(model, alice, { rewardPerGas: MAX_REWARD_PER_GAS })
    expect(model.getStaker(alice).rewardPerGas).toBe(MAX_REWARD_PER_GAS)
    expect(model.weights()[0]).toBe(
      weight(
        { stake: 1_000n * TKO, rewardPerGas: MAX_REWARD_PER_GAS, capacity: 4n, feePerGas: f },
        testConfig,
      ),
    )
    expect(model.weights()[0]).toBeGreaterThan(0n)
  })

  it("takes stakes and moves F at F = 1e12 and F = 2^63 (far above v1's 4.29e9 ceiling)", () => {
    for (const f of [10n ** 12n, 2n ** 63n]) {
      const model = poolAt(f)
      const r = (f * 12_000n) / 10_000n
      stake(model, alice, { rewardPerGas: r }) // R' = min(1.2 F, 1.05 F)
      const rEff = (f * 10_500n) / 10_000n
      const { blockId } = propose(model)
      expect(model.getBlock(blockId).rewardPerGas).toBe(rEff)
      const fee = model.treasury
      const r2 = model.proveBlocks({ prover: alice, blockIds: [blockId], now: model.timestamp })
      const next = nextFeePerGas({ feePerGas: f, effectiveRewardPerGas: rEff }, testConfig)
      expect(next).toBeGreaterThan(f)
      expect(model.feePerGas).toBe(next)
      expect(r2.paid[0]).toBe(rEff * gasUsed + (rEff * gasUsed) / 10n) // fast tier
      expect(fee).toBeGreaterThan(0n)
      expectConserved(model)
    }
  })

  it('never takes F above 2^64 - 1, even from there with every R at the top', () => {
    const model = poolAt(MAX_REWARD_PER_GAS)
    stake(model, alice, { rewardPerGas: MAX_REWARD_PER_GAS })
    stake(model, bob, { rewardPerGas: MAX_REWARD_PER_GAS })
    for (let i = 0; i < 3; i++) {
      const { blockId, assignedProver } = propose(model)
      expect(model.getBlock(blockId).rewardPerGas).toBeLessThanOrEqual(MAX_REWARD_PER_GAS)
      model.proveBlocks({ prover: assignedProver, blockIds: [blockId], now: model.timestamp })
      expect(model.feePerGas).toBe(MAX_REWARD_PER_GAS)
    }
  })
})
