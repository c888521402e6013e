import { describe, expect, it } from 'vitest'
import {
  alice,
  bob,
  carol,
  expectConserved,
  expectPoolError,
  F0,
  newModel,
  outsider,
  propose,
  stake,
  testConfig,
} from './testing'

const gasUsed = 1_000_000n
const base = F0 * gasUsed // one block's base reward, and its fee
const fast = base + base / 10n // in window, fast tier

/**
 * A pool whose treasury holds only the proposal fees: alice proves her block at once and earns 1.1 × the
 * fee, so each such proof leaves 0.1 × base unpaid.
 */
function shortTreasury() {
  const model = newModel(testConfig, 0n)
  stake(model, alice, { capacity: 10n })
  return model
}

describe('PoolModel owed rewards (Revision 2.5)', () => {
  it('records the unpaid part as owed, with an event, and the whole reward in BlockProven', () => {
    const model = shortTreasury()
    const { blockId } = propose(model)
    const r = model.proveBlocks({ prover: alice, blockIds: [blockId], now: model.timestamp })
    expect(r.paid).toEqual([base])
    expect(r.owed).toEqual([base / 10n])
    expect(r.events.slice(-2)).toEqual([
      { eventName: 'RewardOwed', args: [alice, blockId, base / 10n] },
      { eventName: 'BlockProven', args: [blockId, alice, fast, 0n, false, false, false] },
    ])
    expect(model.getStaker(alice)).toMatchObject({ rewards: base, owedRewards: base / 10n })
    expect(model.totalOwed).toBe(base / 10n)
    expect(model.treasury).toBe(0n)
    const view = model.lens()
    expect(view.totalOwed).toBe(base / 10n)
    expect(view.provers[0]).toMatchObject({ unclaimedRewards: base, owedRewards: base / 10n })
    expectConserved(model) // owed rewards are not backed: Σ stake + claimable + treasury == balance
  })

  it('owes nothing and emits no RewardOwed when the treasury covers the reward', () => {
    const model = newModel() // 1,000,000 TKO in the treasury
    stake(model, alice)
    const { blockId } = propose(model)
    const r = model.proveBlocks({ prover: alice, blockIds: [blockId], now: model.timestamp })
    expect(r.owed).toEqual([0n])
    expect(r.events.map((e) => e.eventName)).not.toContain('RewardOwed')
    expect(model.totalOwed).toBe(0n)
  })

  it('makes new rewards wait behind what is owed: the treasury pays only what it holds beyond it', () => {
    const model = shortTreasury()
    const first = propose(model)
    model.proveBlocks({ prover: alice, blockIds: [first.blockId], now: model.timestamp })
    const owed1 = base / 10n
    // The next fee lands in the treasury, but owed1 of it is reserved for what is already owed.
    const second = propose(model)
    expect(model.treasury).toBe(base)
    const r = model.proveBlocks({ prover: alice, blockIds: [second.blockId], now: model.timestamp })
    expect(r.paid).toEqual([base - owed1])
    expect(r.owed).toEqual([fast - (base - owed1)])
    expect(model.treasury).toBe(owed1) // exactly what is owed stays
    expect(model.totalOwed).toBe(owed1 + fast - (base - owed1))
    // With nothing owed yet, an open block's prover gets all the treasury holds, and is owed the rest.
    const open = newModel(testConfig, 0n)
    const b = propose(open)
    expect(b.open).toBe(true)
    open.fundTreasury({ from: outsider, amount: 1n, now: open.timestamp }) // treasury = base + 1
    const o = open.proveBlocks({ prover: carol, blockIds: [b.blockId], now: open.timestamp })
    expect(o.paid).toEqual([base + 1n])
    expect(o.owed).toEqual([(base * 3n) / 2n - base - 1n])
    expectConserved(model)
    expectConserved(open)
  })

  it('pays owed rewards at claim once the treasury is refilled, owed first, in one RewardsClaimed', () => {
    const model = shortTreasury()
    const { blockId } = propose(model)
    model.proveBlocks({ prover: alice, blockIds: [blockId], now: model.timestamp })
    const owed = base / 10n
    model.fundTreasury({ from: outsider, amount: owed, now: model.timestamp })
    const balance = model.balance
    const r = model.claimRewards({ prover: alice, now: model.timestamp })
    expect(r.events).toEqual([
      { eventName: 'OwedRewardsPaid', args: [alice, owed] },
      { eventName: 'RewardsClaimed', args: [alice, base + owed] },
    ])
    expect(model.balance).toBe(balance - base - owed)
    expect(model.getStaker(alice)).toMatchObject({ rewards: 0n, owedRewards: 0n })
    expect(model.totalOwed).toBe(0n)
    expect(model.treasury).toBe(0n)
    expectConserved(model)
  })

  it('pays as much of the owed rewards as the treasury holds and keeps the rest owed', () => {
    const model = shortTreasury()
    const { blockId } = propose(model)
    model.proveBlocks({ prover: alice, blockIds: [blockId], now: model.timestamp })
    model.claimRewards({ prover: alice, now: model.timestamp }) // the claimable part; nothing to pay owed with
    const owed = base / 10n
    model.fundTreasury({ from: outsider, amount: owed / 4n, now: model.timestamp })
    const r = model.claimRewards({ prover: alice, now: model.timestamp })
    expect(r.events).toEqual([
      { eventName: 'OwedRewardsPaid', args: [alice, owed / 4n] },
      { eventName: 'RewardsClaimed', args: [alice, owed / 4n] },
    ])
    expect(model.getStaker(alice).owedRewards).toBe(owed - owed / 4n)
    expect(model.totalOwed).toBe(owed - owed / 4n)
    expectConserved(model)
  })

  it('is paid out of the next proposal fee as well as out of fundTreasury', () => {
    const model = shortTreasury()
    const { blockId } = propose(model)
    model.proveBlocks({ prover: alice, blockIds: [blockId], now: model.timestamp })
    model.claimRewards({ prover: alice, now: model.timestamp })
    expect(model.treasury).toBe(0n)
    propose(model) // its fee refills the treasury
    const r = model.claimRewards({ prover: alice, now: model.timestamp })
    expect(r.events[0]).toEqual({ eventName: 'OwedRewardsPaid', args: [alice, base / 10n] })
    expect(model.totalOwed).toBe(0n)
  })

  it('says OwedUnfunded when only owed rewards are left and the treasury is empty, NothingToClaim when none', () => {
    const model = shortTreasury()
    const { blockId } = propose(model)
    model.proveBlocks({ prover: alice, blockIds: [blockId], now: model.timestamp })
    model.claimRewards({ prover: alice, now: model.timestamp })
    const before = model.snapshot()
    expectPoolError(
      () => model.claimRewards({ prover: alice, now: model.timestamp }),
      'BlockProtocolOwedUnfunded',
      [base / 10n, 0n],
    )
    expect(model.snapshot()).toEqual(before)
    expectPoolError(
      () => model.claimRewards({ prover: bob, now: model.timestamp }),
      'BlockProtocolNothingToClaim',
      [],
    )
  })

  it('keeps Σ owed equal to totalOwed and the balance conserved through many short proofs and claims', () => {
    const model = shortTreasury()
    stake(model, bob, { capacity: 10n })
    for (let i = 0; i < 12; i++) {
      const { blockId, assignedProver } = propose(model)
      model.proveBlocks({ prover: assignedProver, blockIds: [blockId], now: model.timestamp })
      if (i % 3 === 2)
        for (const p of [alice, bob]) {
          const { rewards, owedRewards } = model.getStaker(p)
          if (rewards > 0n || (owedRewards > 0n && model.treasury > 0n))
            model.claimRewards({ prover: p, now: model.timestamp })
        }
      const owed = model.getStaker(alice).owedRewards + model.getStaker(bob).owedRewards
      expect(owed).toBe(model.totalOwed)
      expectConserved(model)
    }
    expect(model.totalOwed).toBeGreaterThan(0n)
  })
})
