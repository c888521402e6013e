import { type Address, zeroAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import type { PoolModel } from './PoolModel'
import { alice, newModel, propose, stake, testConfig } from './testing'

/**
 * Found by the adversarial suite (mirrors test/contracts/capacity-overcommit.test.ts): a per-slot current
 * capacity alone forgets outstanding blocks it cannot record — after an exit and a re-join, capacity 0 and
 * back, or a capacity below the outstanding blocks — and then assigns more than the stated capacity. The
 * held-back count (docs/contracts.md, "Capacity accounting") keeps them.
 */
const config = { ...testConfig, congestionBacklog: 1_000n, minAvailableProvers: 0n, maxOpenBlocks: 64n }

const outstanding = (model: PoolModel, prover: Address) =>
  [...model.snapshot().blocks.values()].filter((b) => !b.proven && b.assignedProver === prover).length

/** Proposes until a block is not assigned to `prover` (at most `limit`). */
function assignUntilFull(model: PoolModel, prover: Address, limit = 10) {
  let n = 0
  while (n < limit && propose(model).assignedProver === prover) n++
  return n
}

describe('PoolModel capacity is never over-committed', () => {
  it('after an exit and a re-join with blocks still unproven', () => {
    const model = newModel(config)
    stake(model, alice, { capacity: 2n })
    expect(assignUntilFull(model, alice)).toBe(2)
    model.requestExit({ prover: alice, now: model.timestamp })
    stake(model, alice, { capacity: 2n })
    assignUntilFull(model, alice)
    expect(outstanding(model, alice)).toBeLessThanOrEqual(2)
    expect(model.getStaker(alice)).toMatchObject({ outstandingBlocks: 2n, currentCapacity: 0n })
  })

  it('after capacity 0 and back up', () => {
    const model = newModel(config)
    stake(model, alice, { capacity: 2n })
    expect(assignUntilFull(model, alice)).toBe(2)
    model.changeCapacity({ prover: alice, capacity: 0n, now: model.timestamp })
    model.changeCapacity({ prover: alice, capacity: 2n, now: model.timestamp + config.rewardChangeCooldown })
    assignUntilFull(model, alice)
    expect(outstanding(model, alice)).toBeLessThanOrEqual(2)
    expect(model.getStaker(alice)).toMatchObject({ outstandingBlocks: 2n, currentCapacity: 0n })
  })

  it('after lowering capacity below the outstanding blocks and proving one', () => {
    const model = newModel(config)
    stake(model, alice, { capacity: 4n })
    const later = model.timestamp + config.rewardChangeCooldown
    const first = model.nextBlockId
    for (let i = 0; i < 4; i++) expect(propose(model, { now: later }).assignedProver).toBe(alice)
    expect(propose(model, { now: later }).assignedProver).toBe(zeroAddress)
    model.changeCapacity({ prover: alice, capacity: 2n, now: later })
    model.proveBlocks({ prover: alice, blockIds: [first], now: later })
    // Three are still hers (more than her new capacity of 2, taken under the old one): none is added.
    expect(assignUntilFull(model, alice)).toBe(0)
    expect(outstanding(model, alice)).toBe(3)
    expect(model.getStaker(alice)).toMatchObject({ outstandingBlocks: 3n, currentCapacity: 0n })
    // Two more proofs bring her below her capacity: then she gets blocks again, up to 2 outstanding.
    model.proveBlocks({ prover: alice, blockIds: [first + 1n], now: later })
    model.proveBlocks({ prover: alice, blockIds: [first + 2n], now: later })
    expect(model.getStaker(alice)).toMatchObject({ outstandingBlocks: 1n, currentCapacity: 1n })
    expect(assignUntilFull(model, alice)).toBe(1)
    expect(outstanding(model, alice)).toBe(2)
  })
})
