import { zeroAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import type { PoolConfig } from '../config'
import { poolConfigKeys } from '../config-keys'
import { MAX_AVG_PROOF_DELAY_MS, MAX_REWARD_PER_GAS } from '../constants'
import { slashAmount } from '../slashAmount'
import { PoolModel } from './PoolModel'
import {
  alice,
  bob,
  carol,
  expectConserved,
  expectPoolError,
  F0,
  frank,
  proposeFor,
  stake,
  T0,
  TKO,
  testConfig,
} from './testing'

const owner = frank
const delay = testConfig.configDelay // 120 s: the demo's delay
const gasUsed = 1_000_000n

/** A model with an owner and a funded treasury. */
function owned(config: PoolConfig = testConfig) {
  const model = new PoolModel({ config, owner, feePerGas: F0, avgProofDelayMs: 12_000n, now: T0 })
  model.fundTreasury({ from: carol, amount: 1_000_000n * TKO, now: T0 })
  return model
}

/** The harshest config the hard bounds allow (Revision 2.1). */
const harsh: PoolConfig = {
  ...testConfig,
  slashBps: 1_000n,
  minSlashRewardMultiple: 16n,
  openRewardBps: 20_000n,
  perfBonusFastBps: 5_000n,
  perfBonusBps: 5_000n,
  stabilizationBonusBps: 5_000n,
  minProofWindow: 100n,
  maxProofWindow: 500n,
  exitDelay: 500n,
}

describe('PoolModel deployment', () => {
  it('validates the deployment like the constructor: config, then F, then the average delay', () => {
    expectPoolError(() => new PoolModel({ feePerGas: 0n }), 'ProverPoolConfigInvalid', [
      31n,
      0n,
      1n,
      MAX_REWARD_PER_GAS,
    ])
    expectPoolError(() => new PoolModel({ feePerGas: MAX_REWARD_PER_GAS + 1n }), 'ProverPoolConfigInvalid', [
      31n,
      MAX_REWARD_PER_GAS + 1n,
      1n,
      MAX_REWARD_PER_GAS,
    ])
    expectPoolError(
      () => new PoolModel({ avgProofDelayMs: MAX_AVG_PROOF_DELAY_MS + 1n }),
      'ProverPoolConfigInvalid',
      [32n, MAX_AVG_PROOF_DELAY_MS + 1n, 0n, MAX_AVG_PROOF_DELAY_MS],
    )
    expectPoolError(
      () => new PoolModel({ config: { ...testConfig, maxBatchSize: 1n }, feePerGas: 0n }),
      'ProverPoolConfigInvalid',
      [27n, 1n, 2n, 64n],
    )
    const model = new PoolModel({ feePerGas: MAX_REWARD_PER_GAS, avgProofDelayMs: MAX_AVG_PROOF_DELAY_MS })
    expect(model.feePerGas).toBe(MAX_REWARD_PER_GAS)
    expect(model.configVersion).toBe(1n)
  })

  it('Revision 2.1: refuses a deployment with a slash or a bonus above the hard bounds', () => {
    const index = (key: (typeof poolConfigKeys)[number]) => BigInt(poolConfigKeys.indexOf(key))
    expectPoolError(
      () => new PoolModel({ config: { ...testConfig, slashBps: 10_000n } }),
      'ProverPoolConfigInvalid',
      [index('slashBps'), 10_000n, 0n, 1_000n],
    )
    expectPoolError(
      () => new PoolModel({ config: { ...testConfig, stabilizationBonusBps: 65_535n } }),
      'ProverPoolConfigInvalid',
      [index('stabilizationBonusBps'), 65_535n, 0n, 5_000n],
    )
    expectPoolError(
      () => new PoolModel({ config: { ...testConfig, minGasPerBlock: 0n } }),
      'ProverPoolConfigInvalid',
      [index('minGasPerBlock'), 0n, 1n, 2n ** 32n - 1n],
    )
    new PoolModel({ config: harsh })
  })
})

describe('PoolModel scheduled config (Revision 2.1)', () => {
  it('lets only the owner schedule, validated with the field, its value and its bounds', () => {
    const model = owned()
    expectPoolError(
      () => model.scheduleConfig({ caller: alice, config: harsh, now: T0 }),
      'OwnableUnauthorizedAccount',
      [alice],
    )
    // A 100 % slash, and bonuses at uint16's maximum: refused, naming the field (index in Config order).
    expectPoolError(
      () => model.scheduleConfig({ caller: owner, config: { ...harsh, slashBps: 10_000n }, now: T0 }),
      'ProverPoolConfigInvalid',
      [11n, 10_000n, 0n, 1_000n],
    )
    expectPoolError(
      () => model.scheduleConfig({ caller: owner, config: { ...harsh, perfBonusFastBps: 65_535n }, now: T0 }),
      'ProverPoolConfigInvalid',
      [20n, 65_535n, 0n, 5_000n],
    )
    expectPoolError(
      () => model.scheduleConfig({ caller: owner, config: { ...harsh, exitDelay: 499n }, now: T0 }),
      'ProverPoolConfigInvalid',
      [14n, 499n, 500n, 30n * 86_400n],
    )
    expect(model.pendingConfig.activatesAt).toBe(0n)
  })

  it('schedules with the delay of the config in force, shows it as pending and changes nothing yet', () => {
    const model = owned()
    const now = T0 + 5n
    // The scheduled config's own delay (0) does not count: the one in force (120 s) does.
    const next = { ...harsh, configDelay: 0n }
    const r = model.scheduleConfig({ caller: owner, config: next, now })
    expect(r.events).toEqual([{ eventName: 'ConfigScheduled', args: [next, now + delay] }])
    expect(model.pendingConfig).toEqual({ config: next, activatesAt: now + delay })
    expect(model.config).toEqual(testConfig)
    expect(model.configVersion).toBe(1n)
    expect(model.lens()).toMatchObject({
      config: testConfig,
      configVersion: 1n,
      pendingConfig: next,
      pendingConfigAt: now + delay,
    })
  })

  it('lets anyone apply once due, not a second before; the version goes up by one', () => {
    const model = owned()
    model.scheduleConfig({ caller: owner, config: harsh, now: T0 })
    const due = T0 + delay
    expectPoolError(() => model.applyConfig({ caller: alice, now: due - 1n }), 'BlockProtocolConfigNotDue', [
      due,
      due - 1n,
    ])
    const r = model.applyConfig({ caller: alice, now: due })
    expect(r.events).toEqual([{ eventName: 'ConfigUpdated', args: [2n, harsh] }])
    expect(model.config).toEqual(harsh)
    expect(model.configVersion).toBe(2n)
    expect(model.pendingConfig.activatesAt).toBe(0n)
    expect(Object.values(model.pendingConfig.config).every((v) => v === 0n)).toBe(true)
    expectPoolError(
      () => model.applyConfig({ caller: alice, now: due }),
      'BlockProtocolNoConfigScheduled',
      [],
    )
  })

  it('replaces a pending config, restarting its delay', () => {
    const model = owned()
    model.scheduleConfig({ caller: owner, config: harsh, now: T0 })
    const second = { ...testConfig, slashBps: 200n }
    model.scheduleConfig({ caller: owner, config: second, now: T0 + 60n })
    expect(model.pendingConfig).toEqual({ config: second, activatesAt: T0 + 60n + delay })
    expectPoolError(() => model.applyConfig({ caller: bob, now: T0 + delay }), 'BlockProtocolConfigNotDue', [
      T0 + 60n + delay,
      T0 + delay,
    ])
    model.applyConfig({ caller: bob, now: T0 + 60n + delay })
    expect(model.config.slashBps).toBe(200n)
  })

  it('lets only the owner cancel, and only what is scheduled', () => {
    const model = owned()
    expectPoolError(
      () => model.cancelConfig({ caller: owner, now: T0 }),
      'BlockProtocolNoConfigScheduled',
      [],
    )
    model.scheduleConfig({ caller: owner, config: harsh, now: T0 })
    expectPoolError(() => model.cancelConfig({ caller: alice, now: T0 }), 'OwnableUnauthorizedAccount', [
      alice,
    ])
    const r = model.cancelConfig({ caller: owner, now: T0 + 1n })
    expect(r.events).toEqual([{ eventName: 'ConfigCancelled', args: [T0 + delay] }])
    expect(model.pendingConfig.activatesAt).toBe(0n)
    expectPoolError(
      () => model.applyConfig({ caller: alice, now: T0 + delay }),
      'BlockProtocolNoConfigScheduled',
      [],
    )
    expect(model.config).toEqual(testConfig)
    expect(model.configVersion).toBe(1n)
  })

  it("takes the next delay from the applied config's configDelay", () => {
    const model = owned()
    model.scheduleConfig({ caller: owner, config: { ...testConfig, configDelay: 3_600n }, now: T0 })
    model.applyConfig({ caller: alice, now: T0 + delay })
    const r = model.scheduleConfig({ caller: owner, config: testConfig, now: T0 + delay })
    expect(r.events).toEqual([{ eventName: 'ConfigScheduled', args: [testConfig, T0 + delay + 3_600n] }])
  })

  it("keeps each block's window, reward and slash rates from its own version", () => {
    const model = owned()
    stake(model, alice, { capacity: 10n })
    stake(model, bob, { capacity: 10n })
    const old = proposeFor(model, alice, { gasUsed })
    const oldBlock = model.getBlock(old.blockId)
    expect(oldBlock).toMatchObject({ configVersion: 1n, proofWindow: 36n })
    model.scheduleConfig({ caller: owner, config: harsh, now: model.timestamp })
    model.applyConfig({ caller: carol, now: model.timestamp + delay })
    const fresh = proposeFor(model, alice, { gasUsed })
    expect(model.getBlock(fresh.blockId)).toMatchObject({ configVersion: 2n, proofWindow: 100n })
    expect(model.getBlock(old.blockId)).toEqual(oldBlock) // unchanged by the new version

    // The old block, proven late (it is long past its 36 s window): version 1's 1 % slash and 1.5 × reward.
    const base = F0 * gasUsed
    const stake1 = model.getStaker(alice).stake
    const late1 = model.proveBlocks({ prover: carol, blockIds: [old.blockId], now: model.timestamp })
    const slash1 = slashAmount({ stake: stake1, baseReward: base }, testConfig)
    expect(slash1).toBe(stake1 / 100n)
    expect(late1.events[0]).toEqual({
      eventName: 'Slashed',
      args: [alice, old.blockId, slash1, stake1 - slash1],
    })
    expect(late1.paid).toEqual([(base * 15_000n) / 10_000n])

    // The new block, late after its 100 s window: version 2's 10 % slash and 2 × reward.
    const stake2 = model.getStaker(alice).stake
    const freshBlock = model.getBlock(fresh.blockId)
    const late2 = model.proveBlocks({
      prover: carol,
      blockIds: [fresh.blockId],
      now: freshBlock.proposedAt + 101n,
    })
    const slash2 = slashAmount({ stake: stake2, baseReward: base }, harsh)
    expect(slash2).toBe(stake2 / 10n)
    expect(late2.events[0]).toEqual({
      eventName: 'Slashed',
      args: [alice, fresh.blockId, slash2, stake2 - slash2],
    })
    expect(late2.paid).toEqual([base * 2n])
    expectConserved(model)
  })

  it('pays an in-window proof of an old block the bonuses of its version', () => {
    // With no delay in force the owner can apply at once, inside the old block's 36 s window.
    const model = owned({ ...testConfig, configDelay: 0n })
    stake(model, alice, { capacity: 10n })
    const { blockId } = proposeFor(model, alice, { gasUsed })
    model.scheduleConfig({ caller: owner, config: harsh, now: model.timestamp })
    model.applyConfig({ caller: alice, now: model.timestamp })
    expect(model.configVersion).toBe(2n)
    const r = model.proveBlocks({ prover: alice, blockIds: [blockId], now: model.timestamp })
    const base = F0 * gasUsed
    expect(r.paid).toEqual([base + base / 10n]) // version 1's fast tier (10 %), not version 2's 50 %
  })

  it('lets every occupied slot compete for eviction after maxActiveProvers is lowered', () => {
    const model = owned()
    stake(model, alice, { amount: 3_000n * TKO })
    stake(model, bob, { amount: 3_000n * TKO })
    stake(model, carol, { amount: 600n * TKO }) // slot 3
    model.scheduleConfig({ caller: owner, config: { ...testConfig, maxActiveProvers: 2n }, now: T0 })
    model.applyConfig({ caller: alice, now: T0 + delay })
    expect(model.slotOwners()[2]).toBe(carol) // nobody is removed by the change itself
    expect(stake(model, frank, { amount: 700n * TKO })).toMatchObject({ slot: 3n, evicted: carol })
  })
})

describe('PoolModel ownership (two steps, Ownable2Step)', () => {
  it('moves ownership only when the new owner accepts', () => {
    const model = owned()
    expectPoolError(
      () => model.transferOwnership({ caller: alice, newOwner: alice, now: T0 }),
      'OwnableUnauthorizedAccount',
      [alice],
    )
    const r = model.transferOwnership({ caller: owner, newOwner: bob, now: T0 })
    expect(r.events).toEqual([{ eventName: 'OwnershipTransferStarted', args: [owner, bob] }])
    expect(model.owner).toBe(owner)
    expect(model.pendingOwner).toBe(bob)
    // Until bob accepts, the owner is still frank, and bob has no power.
    expectPoolError(
      () => model.scheduleConfig({ caller: bob, config: testConfig, now: T0 }),
      'OwnableUnauthorizedAccount',
      [bob],
    )
    expectPoolError(() => model.acceptOwnership({ caller: alice, now: T0 }), 'OwnableUnauthorizedAccount', [
      alice,
    ])
    const accepted = model.acceptOwnership({ caller: bob, now: T0 + 1n })
    expect(accepted.events).toEqual([{ eventName: 'OwnershipTransferred', args: [owner, bob] }])
    expect(model.owner).toBe(bob)
    expect(model.pendingOwner).toBe(zeroAddress)
    expect(model.lens().owner).toBe(bob)
    expectPoolError(
      () => model.scheduleConfig({ caller: owner, config: testConfig, now: T0 + 1n }),
      'OwnableUnauthorizedAccount',
      [owner],
    )
    model.scheduleConfig({ caller: bob, config: testConfig, now: T0 + 1n })
  })

  it('lets the owner replace or withdraw an offer before it is accepted', () => {
    const model = owned()
    model.transferOwnership({ caller: owner, newOwner: bob, now: T0 })
    model.transferOwnership({ caller: owner, newOwner: alice, now: T0 })
    expectPoolError(() => model.acceptOwnership({ caller: bob, now: T0 }), 'OwnableUnauthorizedAccount', [
      bob,
    ])
    model.transferOwnership({ caller: owner, newOwner: zeroAddress, now: T0 })
    expectPoolError(() => model.acceptOwnership({ caller: alice, now: T0 }), 'OwnableUnauthorizedAccount', [
      alice,
    ])
    expect(model.owner).toBe(owner)
  })

  it('has no owner powers at all when deployed without an owner', () => {
    const model = new PoolModel({ config: testConfig, now: T0 })
    expect(model.owner).toBe(zeroAddress)
    expectPoolError(
      () => model.scheduleConfig({ caller: alice, config: testConfig, now: T0 }),
      'OwnableUnauthorizedAccount',
      [alice],
    )
  })
})
