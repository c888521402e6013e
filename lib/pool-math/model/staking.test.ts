import { zeroAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import { MAX_STAKE } from '../constants'
import { StakerStatus } from '../types'
import { weight } from '../weight'
import {
  alice,
  bob,
  carol,
  dave,
  erin,
  expectConserved,
  expectPoolError,
  F0,
  frank,
  newModel,
  propose,
  proposeFor,
  stake,
  TKO,
  testConfig,
} from './testing'

describe('PoolModel staking', () => {
  it('joins the lowest free slot with current = max capacity', () => {
    const model = newModel()
    const r = stake(model, alice, { amount: 600n * TKO, capacity: 3n })
    expect(r).toMatchObject({ slot: 1n, evicted: null, topUp: false })
    expect(r.events).toEqual([{ eventName: 'Staked', args: [alice, 600n * TKO, 600n * TKO, F0, 3n, 1n] }])
    expect(stake(model, bob).slot).toBe(2n)
    expect(model.slotOwners().slice(0, 3)).toEqual([alice, bob, zeroAddress])
    expect(model.getStaker(alice)).toMatchObject({
      status: StakerStatus.Active,
      slot: 1n,
      stake: 600n * TKO,
      currentCapacity: 3n,
      maxCapacity: 3n,
      deposited: 600n * TKO,
    })
    expect(model.stakerCount()).toBe(2n)
    expect(model.stakerAt(1n)).toBe(bob)
    expectConserved(model)
  })

  it('tops up an active prover only when R and C are restated', () => {
    const model = newModel()
    stake(model, alice)
    expectPoolError(() => stake(model, alice, { rewardPerGas: F0 + 1n }), 'ProverPoolParametersDiffer', [
      F0,
      4n,
    ])
    expectPoolError(() => stake(model, alice, { capacity: 5n }), 'ProverPoolParametersDiffer', [F0, 4n])
    const r = stake(model, alice, { amount: 1n })
    expect(r).toMatchObject({ slot: 1n, topUp: true })
    expect(r.events).toEqual([{ eventName: 'Staked', args: [alice, 1n, 1_000n * TKO + 1n, F0, 4n, 1n] }])
    expect(model.topUp({ prover: alice, amount: TKO, now: model.timestamp }).slot).toBe(1n)
    expect(model.getStaker(alice)).toMatchObject({ stake: 1_001n * TKO + 1n, deposited: 1_001n * TKO + 1n })
    expectConserved(model)
  })

  it('checks a top-up against the largest storable stake but not against the minimum', () => {
    const model = newModel()
    stake(model, alice)
    const over = MAX_STAKE - 1_000n * TKO + 1n
    expectPoolError(
      () => model.topUp({ prover: alice, amount: over, now: model.timestamp }),
      'ProverPoolStakeTooHigh',
      [MAX_STAKE + 1n, MAX_STAKE],
    )
    model.topUp({ prover: alice, amount: over - 1n, now: model.timestamp })
    expect(model.getStaker(alice).stake).toBe(MAX_STAKE)
  })

  it('checks topUp for an active prover before the amount', () => {
    const model = newModel()
    stake(model, alice)
    expectPoolError(
      () => model.topUp({ prover: bob, amount: 0n, now: model.timestamp }),
      'ProverPoolNotActive',
      [bob],
    )
    expectPoolError(
      () => model.topUp({ prover: alice, amount: 0n, now: model.timestamp }),
      'ProverPoolZeroAmount',
      [],
    )
  })

  it('rejects a zero amount first', () => {
    const model = newModel()
    expectPoolError(
      () => stake(model, alice, { amount: 0n, rewardPerGas: 0n, capacity: 0n }),
      'ProverPoolZeroAmount',
    )
  })

  it('checks R, then capacity, then stake, in that order', () => {
    const model = newModel()
    const bad = { amount: 1n, rewardPerGas: F0 / 2n - 1n, capacity: 0n }
    expectPoolError(() => stake(model, alice, bad), 'ProverPoolRewardPerGasOutOfRange', [
      F0 / 2n - 1n,
      F0 / 2n,
      2n * F0,
    ])
    expectPoolError(() => stake(model, alice, { ...bad, rewardPerGas: F0 }), 'ProverPoolCapacityOutOfRange', [
      0n,
      1n,
      255n,
    ])
    expectPoolError(
      () => stake(model, alice, { ...bad, rewardPerGas: F0, capacity: 1n }),
      'ProverPoolStakeTooLow',
      [1n, 500n * TKO],
    )
  })

  it('accepts R at both ends of [F/2, 2F] and rejects just outside', () => {
    const model = newModel()
    stake(model, alice, { rewardPerGas: F0 / 2n })
    stake(model, bob, { rewardPerGas: 2n * F0 })
    expectPoolError(
      () => stake(model, carol, { rewardPerGas: 2n * F0 + 1n }),
      'ProverPoolRewardPerGasOutOfRange',
      [2n * F0 + 1n, F0 / 2n, 2n * F0],
    )
  })

  it('rejects a capacity above 255', () => {
    const model = newModel()
    expectPoolError(() => stake(model, alice, { capacity: 256n }), 'ProverPoolCapacityOutOfRange', [
      256n,
      1n,
      255n,
    ])
    stake(model, alice, { capacity: 255n })
  })

  it('counts only whole TKO against the minimum stake', () => {
    const model = newModel()
    expectPoolError(() => stake(model, alice, { amount: 500n * TKO - 1n }), 'ProverPoolStakeTooLow', [
      500n * TKO - 1n,
      500n * TKO,
    ])
    stake(model, alice, { amount: 500n * TKO })
    expect(model.getStaker(alice).stake).toBe(500n * TKO)
  })

  it('raises the minimum stake and capacity with the backlog', () => {
    const model = newModel()
    stake(model, alice, { capacity: 10n })
    for (let i = 0; i < 8; i++) propose(model)
    expect(model.backlog).toBe(8n)
    expect(model.currentMinStake()).toBe(1_000n * TKO) // 1000 * 16 / 16
    expect(model.currentMinCapacity()).toBe(2n)
    expectPoolError(() => stake(model, bob, { amount: 999n * TKO }), 'ProverPoolStakeTooLow', [
      999n * TKO,
      1_000n * TKO,
    ])
    expectPoolError(() => stake(model, bob, { capacity: 1n }), 'ProverPoolCapacityOutOfRange', [1n, 2n, 255n])
  })

  it('rejects a stake above (2^32) TKO - 1 wei', () => {
    const model = newModel()
    expectPoolError(() => stake(model, alice, { amount: MAX_STAKE + 1n }), 'ProverPoolStakeTooHigh', [
      MAX_STAKE + 1n,
      MAX_STAKE,
    ])
    stake(model, alice, { amount: MAX_STAKE })
    expectConserved(model)
  })

  it('evicts the lowest-weight prover when a better one stakes', () => {
    const model = newModel()
    stake(model, alice, { amount: 2_000n * TKO })
    stake(model, bob, { amount: 800n * TKO })
    stake(model, carol, { amount: 3_000n * TKO })
    stake(model, dave, { amount: 1_500n * TKO })
    const now = model.timestamp + 5n
    const r = stake(model, erin, { amount: 900n * TKO, now })
    expect(r).toMatchObject({ slot: 2n, evicted: bob })
    expect(r.events).toEqual([
      { eventName: 'Evicted', args: [bob, erin, 800n * TKO, now + testConfig.exitDelay] },
      { eventName: 'Staked', args: [erin, 900n * TKO, 900n * TKO, F0, 4n, 2n] },
    ])
    expect(model.getStaker(bob)).toMatchObject({
      status: StakerStatus.Evicted,
      slot: 0n,
      stake: 0n,
      exitAmount: 800n * TKO,
      exitUnlocksAt: now + testConfig.exitDelay,
      rewardPerGas: F0, // kept for display
      maxCapacity: 4n,
      currentCapacity: 0n,
    })
    expect(model.exitsToday(now)).toBe(0n) // an eviction is not a voluntary exit
    expectConserved(model)
  })

  it('evicts the lowest slot index first among equal weights', () => {
    const model = newModel()
    for (const p of [alice, bob, carol, dave]) stake(model, p)
    expect(stake(model, erin, { amount: 1_001n * TKO })).toMatchObject({ slot: 1n, evicted: alice })
    expect(stake(model, frank, { amount: 1_001n * TKO })).toMatchObject({ slot: 2n, evicted: bob })
  })

  it('requires the newcomer to beat the lowest weight strictly and reports both weights', () => {
    const model = newModel()
    for (const p of [alice, bob, carol, dave]) stake(model, p)
    const lowest = weight({ stake: 1_000n * TKO, rewardPerGas: F0, capacity: 4n, feePerGas: F0 })
    expectPoolError(() => stake(model, erin), 'ProverPoolWeightTooLow', [lowest, lowest])
    // Half a TKO more buys nothing: weight counts whole TKO.
    expectPoolError(() => stake(model, erin, { amount: 1_000n * TKO + TKO / 2n }), 'ProverPoolWeightTooLow', [
      lowest,
      lowest,
    ])
    // A higher R weighs less: shortfall = lowest - weight + 1.
    const e = expectPoolError(
      () => stake(model, erin, { rewardPerGas: 1_100_000_000n }),
      'ProverPoolWeightTooLow',
    )
    const [w, low] = e.args as readonly [bigint, bigint]
    expect(w).toBe(weight({ stake: 1_000n * TKO, rewardPerGas: 1_100_000_000n, capacity: 4n, feePerGas: F0 }))
    expect(low - w + 1n).toBeGreaterThan(0n)
  })

  it('Revision 2.3: a busy prover with all capacity in use keeps its slot against a smaller newcomer', () => {
    const model = newModel()
    stake(model, alice, { amount: 2_000n * TKO, capacity: 2n })
    for (const p of [bob, carol, dave]) stake(model, p, { amount: 3_000n * TKO, capacity: 20n })
    // Both of alice's capacity units are in use: she weighs 0 for the next block, not for her slot.
    proposeFor(model, alice)
    proposeFor(model, alice)
    expect(model.getStaker(alice).currentCapacity).toBe(0n)
    expect(model.weights()[0]).toBe(0n)
    const standing = weight({ stake: 2_000n * TKO, rewardPerGas: F0, capacity: 2n, feePerGas: F0 })
    const newcomer = weight({ stake: 1_500n * TKO, rewardPerGas: F0, capacity: 4n, feePerGas: F0 })
    expect(newcomer).toBeGreaterThan(0n)
    expectPoolError(() => stake(model, erin, { amount: 1_500n * TKO }), 'ProverPoolWeightTooLow', [
      newcomer,
      standing,
    ])
    // A tie keeps the incumbent; one whole TKO more evicts her.
    expectPoolError(() => stake(model, erin, { amount: 2_000n * TKO }), 'ProverPoolWeightTooLow', [
      standing,
      standing,
    ])
    expect(stake(model, erin, { amount: 2_001n * TKO })).toMatchObject({ slot: 1n, evicted: alice })
    expectConserved(model)
  })

  it('Revision 2.3: an ineligible but big prover is not evicted by a smaller newcomer', () => {
    const model = newModel()
    stake(model, alice, { amount: 5_000n * TKO, capacity: 1n }) // biggest stake, capacity 1
    stake(model, bob, { capacity: 20n })
    stake(model, carol, { capacity: 20n })
    stake(model, dave, { capacity: 20n })
    for (let i = 0; i < 8; i++) propose(model) // minCapacity(8) = 2 > alice's 1: ineligible
    expect(model.currentMinCapacity()).toBe(2n)
    expect(model.weights()[0]).toBe(0n)
    // The lowest standing weight is bob's (1,000 TKO, the lowest index of three equal ones), not alice's.
    const bobStanding = weight({ stake: 1_000n * TKO, rewardPerGas: F0, capacity: 20n, feePerGas: F0 })
    expectPoolError(
      () => stake(model, erin, { amount: 1_000n * TKO, capacity: 2n }),
      'ProverPoolWeightTooLow',
      [bobStanding, bobStanding],
    )
    expect(stake(model, erin, { amount: 1_001n * TKO, capacity: 2n })).toMatchObject({
      slot: 2n,
      evicted: bob,
    })
    expect(model.getStaker(alice).status).toBe(StakerStatus.Active)
  })

  it('Revision 2.4: joining starts the R and C cooldowns', () => {
    const model = newModel()
    const joined = model.timestamp
    stake(model, alice)
    const at = joined + testConfig.rewardChangeCooldown
    expect(model.getStaker(alice)).toMatchObject({ lastRewardChangeAt: joined, lastCapacityChangeAt: joined })
    expectPoolError(
      () => model.changeRewardPerGas({ prover: alice, rewardPerGas: 2n * F0, now: at - 1n }),
      'ProverPoolCooldownActive',
      [at, at - 1n],
    )
    expectPoolError(
      () => model.changeCapacity({ prover: alice, capacity: 5n, now: at - 1n }),
      'ProverPoolCooldownActive',
      [at, at - 1n],
    )
    model.changeRewardPerGas({ prover: alice, rewardPerGas: F0 + 1n, now: at })
    model.changeCapacity({ prover: alice, capacity: 5n, now: at })
    expect(model.getStaker(alice)).toMatchObject({
      rewardPerGas: F0 + 1n,
      maxCapacity: 5n,
      currentCapacity: 5n,
      lastRewardChangeAt: at,
      lastCapacityChangeAt: at,
    })
    // A top-up is not a join: it restarts nothing.
    stake(model, alice, { amount: TKO, rewardPerGas: F0 + 1n, capacity: 5n, now: at + 1n })
    expect(model.getStaker(alice)).toMatchObject({ lastRewardChangeAt: at, lastCapacityChangeAt: at })
  })

  it('Revision 2.4: joining again after an exit restarts the cooldowns', () => {
    const model = newModel()
    stake(model, alice)
    const later = model.timestamp + 10n * testConfig.rewardChangeCooldown
    model.requestExit({ prover: alice, now: later })
    stake(model, alice, { now: later + 1n })
    expectPoolError(
      () => model.changeRewardPerGas({ prover: alice, rewardPerGas: 2n * F0, now: later + 1n }),
      'ProverPoolCooldownActive',
      [later + 1n + testConfig.rewardChangeCooldown, later + 1n],
    )
  })

  it('lets a staker with a queued exit stake again, keeping the two amounts apart', () => {
    const model = newModel()
    stake(model, alice)
    model.requestExit({ prover: alice, now: model.timestamp })
    stake(model, alice, { amount: 700n * TKO })
    expect(model.getStaker(alice)).toMatchObject({
      status: StakerStatus.Active,
      stake: 700n * TKO,
      exitAmount: 1_000n * TKO,
      deposited: 1_700n * TKO,
    })
    expect(model.stakerCount()).toBe(1n)
    expectConserved(model)
  })

  it('changes R and C only for active provers, once per cooldown each, without re-ranking', () => {
    const model = newModel()
    stake(model, alice)
    stake(model, bob)
    const t = model.timestamp + testConfig.rewardChangeCooldown // joining started both cooldowns
    expectPoolError(
      () => model.changeRewardPerGas({ prover: carol, rewardPerGas: F0, now: t }),
      'ProverPoolNotActive',
      [carol],
    )
    const r = model.changeRewardPerGas({ prover: alice, rewardPerGas: 1_900_000_000n, now: t })
    expect(r.events).toEqual([{ eventName: 'RewardPerGasChanged', args: [alice, F0, 1_900_000_000n] }])
    expect(model.slotOwners()[0]).toBe(alice)
    expect(model.weights()[0]).toBeLessThan(model.weights()[1]!)
    const at = t + testConfig.rewardChangeCooldown
    // Cooldown is checked before the range.
    expectPoolError(
      () => model.changeRewardPerGas({ prover: alice, rewardPerGas: 1n, now: at - 1n }),
      'ProverPoolCooldownActive',
      [at, at - 1n],
    )
    // The capacity cooldown is separate.
    model.changeCapacity({ prover: alice, capacity: 6n, now: at - 1n })
    expectPoolError(
      () => model.changeRewardPerGas({ prover: alice, rewardPerGas: 1n, now: at }),
      'ProverPoolRewardPerGasOutOfRange',
      [1n, F0 / 2n, 2n * F0],
    )
    model.changeRewardPerGas({ prover: alice, rewardPerGas: F0, now: at })
    expectPoolError(
      () => model.changeCapacity({ prover: alice, capacity: 7n, now: at }),
      'ProverPoolCooldownActive',
      [at - 1n + testConfig.rewardChangeCooldown, at],
    )
  })

  it('keeps outstanding blocks counted when the capacity changes', () => {
    const model = newModel()
    stake(model, alice, { capacity: 4n })
    const start = model.timestamp + testConfig.rewardChangeCooldown // after the join's cooldown
    const ids = [1, 2, 3].map(() => propose(model, { now: start }).blockId)
    expect(model.getStaker(alice).currentCapacity).toBe(1n)
    const r = model.changeCapacity({ prover: alice, capacity: 2n, now: start })
    expect(r.events).toEqual([{ eventName: 'CapacityChanged', args: [alice, 4n, 2n] }])
    expect(model.getStaker(alice)).toMatchObject({ maxCapacity: 2n, currentCapacity: 0n }) // max(0, 2 - 3)
    const now = start + 1n
    // Current capacity is max(0, max − outstanding): a proof frees one only below the new maximum.
    model.proveBlocks({ prover: alice, blockIds: [ids[0]!], now })
    expect(model.getStaker(alice)).toMatchObject({ outstandingBlocks: 2n, currentCapacity: 0n })
    model.proveBlocks({ prover: alice, blockIds: [ids[1]!], now })
    expect(model.getStaker(alice)).toMatchObject({ outstandingBlocks: 1n, currentCapacity: 1n })
    model.proveBlocks({ prover: alice, blockIds: [ids[2]!], now })
    expect(model.getStaker(alice).currentCapacity).toBe(2n) // never above the new maximum
    expectPoolError(() => model.changeCapacity({ prover: bob, capacity: 2n, now }), 'ProverPoolNotActive', [
      bob,
    ])
  })

  it('Revision 2.7: accepts capacity 0 at once, cooldown or not, and the prover gets no new blocks', () => {
    const model = newModel()
    stake(model, alice, { capacity: 4n })
    stake(model, bob, { capacity: 4n })
    const { blockId } = proposeFor(model, alice)
    const now = model.timestamp // inside the cooldown joining started
    expectPoolError(
      () => model.changeCapacity({ prover: alice, capacity: 1n, now }),
      'ProverPoolCooldownActive',
      [now + testConfig.rewardChangeCooldown, now],
    )
    const r = model.changeCapacity({ prover: alice, capacity: 0n, now })
    expect(r.events).toEqual([{ eventName: 'CapacityChanged', args: [alice, 4n, 0n] }])
    expect(model.getStaker(alice)).toMatchObject({
      status: StakerStatus.Active,
      maxCapacity: 0n,
      currentCapacity: 0n,
      lastCapacityChangeAt: now,
    })
    expect(model.weights()[0]).toBe(0n)
    for (let i = 0; i < 4; i++) expect(propose(model).assignedProver).toBe(bob)
    // Its outstanding block is still its to prove; capacity does not come back above the new maximum 0.
    model.proveBlocks({ prover: alice, blockIds: [blockId], now })
    expect(model.getStaker(alice).currentCapacity).toBe(0n)
    // Capacity 0 twice is fine; going back up waits for the cooldown the change restarted.
    model.changeCapacity({ prover: alice, capacity: 0n, now: now + 1n })
    expectPoolError(
      () => model.changeCapacity({ prover: alice, capacity: 4n, now: now + 2n }),
      'ProverPoolCooldownActive',
      [now + 1n + testConfig.rewardChangeCooldown, now + 2n],
    )
  })
})
