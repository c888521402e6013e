/**
 * Revision 2.1 on the contract: config changes are scheduled by the owner, validated at once, applied by
 * anyone after the delay of the config in force, and never reach a block already proposed; ownership
 * moves in two steps. This deployment has a one-hour delay, so the delay matters here.
 */
import { zeroAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import type { PoolConfig } from '@/lib/pool-math/config'
import { DEFAULT_STAKE, setupPool } from '../support'
import { proofReward, proofWindow, slashAmount, TKO } from '../support/expected'

const DELAY = 3_600n
// No prover-failure emergency: a late proof here must pay exactly its version's late rate.
const pool = setupPool({ config: { configDelay: DELAY, minAvailableProvers: 0n } })

/** The harshest config the hard bounds allow. */
const harsh = (): PoolConfig => ({
  ...pool.config,
  slashBps: 1_000n,
  minSlashRewardMultiple: 16n,
  openRewardBps: 20_000n,
  perfBonusFastBps: 5_000n,
  perfBonusBps: 5_000n,
  stabilizationBonusBps: 5_000n,
  minProofWindow: 100n,
  maxProofWindow: 300n, // ≤ exitDelay (300)
})

async function schedule(config: PoolConfig, account = pool.accounts.owner) {
  const receipt = await pool.send(pool.protocol.write.scheduleConfig([config], { account }))
  return { receipt, at: (await pool.timestampOf(receipt)) + DELAY }
}

const zeroConfig = (c: PoolConfig) => Object.fromEntries(Object.keys(c).map((k) => [k, 0n]))

describe('scheduleConfig', () => {
  it('is owner-only and validated at once', async () => {
    const { alice, owner } = pool.accounts
    await pool.expectRevert(
      pool.protocol.write.scheduleConfig([harsh()], { account: alice }),
      'OwnableUnauthorizedAccount',
      [alice],
    )
    await pool.expectRevert(
      pool.protocol.write.scheduleConfig([{ ...harsh(), slashBps: 10_000n }], { account: owner }),
      'ProverPoolConfigInvalid',
      [11n, 10_000n, 0n, 1_000n],
    )
    const [, at] = await pool.protocol.read.pendingConfig()
    expect(at).toBe(0n)
  })

  it('announces the config and when it may apply; nothing changes before that', async () => {
    const next = harsh()
    const { receipt, at } = await schedule(next)
    expect(pool.events(receipt, 'ConfigScheduled')).toEqual([{ config: next, activatesAt: at }])
    const [pending, activatesAt] = await pool.protocol.read.pendingConfig()
    expect(pending).toEqual(next)
    expect(activatesAt).toBe(at)
    expect(await pool.protocol.read.config()).toEqual(pool.config)
    expect(await pool.protocol.read.configVersion()).toBe(1n)
    const view = await pool.lens.read.getPool([pool.addresses.protocol])
    expect(view).toMatchObject({ configVersion: 1n, pendingConfig: next, pendingConfigAt: at })
  })

  it('uses the delay of the config in force, not of the scheduled one', async () => {
    const { alice } = pool.accounts
    const { at } = await schedule({ ...pool.config, configDelay: 0n })
    await pool.setNextTimestamp(at)
    await pool.send(pool.protocol.write.applyConfig({ account: alice }))
    // Now the delay in force is 0: the next config may apply in the same second it is scheduled.
    const receipt = await pool.send(
      pool.protocol.write.scheduleConfig([pool.config], { account: pool.accounts.owner }),
    )
    expect(pool.events(receipt, 'ConfigScheduled')[0]!.activatesAt).toBe(await pool.timestampOf(receipt))
  })

  it('replaces a pending config and restarts the delay', async () => {
    const first = await schedule(harsh())
    await pool.setNextTimestamp(first.at - 100n)
    const second = await schedule({ ...pool.config, slashBps: 200n })
    expect(second.at).toBe(first.at - 100n + DELAY)
    await pool.setNextTimestamp(first.at)
    await pool.expectRevert(
      pool.protocol.write.applyConfig({ account: pool.accounts.alice }),
      'BlockProtocolConfigNotDue',
      [second.at, first.at],
    )
    await pool.setNextTimestamp(second.at)
    await pool.send(pool.protocol.write.applyConfig({ account: pool.accounts.alice }))
    expect((await pool.protocol.read.config()).slashBps).toBe(200n)
  })
})

describe('applyConfig', () => {
  it('applies for anyone once due, not a second before; the version goes up', async () => {
    const { bob } = pool.accounts
    const next = harsh()
    const { at } = await schedule(next)
    await pool.setNextTimestamp(at - 1n)
    await pool.expectRevert(pool.protocol.write.applyConfig({ account: bob }), 'BlockProtocolConfigNotDue', [
      at,
      at - 1n,
    ])
    await pool.setNextTimestamp(at)
    const receipt = await pool.send(pool.protocol.write.applyConfig({ account: bob }))
    expect(pool.events(receipt, 'ConfigUpdated')).toEqual([{ version: 2n, config: next }])
    expect(await pool.protocol.read.config()).toEqual(next)
    expect(await pool.protocol.read.configVersion()).toBe(2n)
    const [pending, activatesAt] = await pool.protocol.read.pendingConfig()
    expect(activatesAt).toBe(0n)
    expect(pending).toEqual(zeroConfig(next))
    await pool.expectRevert(
      pool.protocol.write.applyConfig({ account: bob }),
      'BlockProtocolNoConfigScheduled',
      [],
    )
  })

  it('raises minGasPerBlock only from the moment it applies', async () => {
    const { at } = await schedule({ ...pool.config, minGasPerBlock: 2_000_000n })
    await pool.proposeBlock({ gasUsed: 100_000n }) // the old minimum still holds
    await pool.setNextTimestamp(at)
    await pool.send(pool.protocol.write.applyConfig({ account: pool.accounts.alice }))
    await pool.expectRevert(
      pool.protocol.write.proposeBlock([1_999_999, `0x${'ab'.repeat(32)}`], {
        account: pool.accounts.proposer,
      }),
      'BlockProtocolGasUsedOutOfRange',
      [1_999_999n, 2_000_000n, 2n ** 32n - 1n],
    )
  })
})

describe('cancelConfig', () => {
  it('is owner-only, cancels what is scheduled, and says when nothing is', async () => {
    const { owner, alice } = pool.accounts
    await pool.expectRevert(
      pool.protocol.write.cancelConfig({ account: owner }),
      'BlockProtocolNoConfigScheduled',
      [],
    )
    const { at } = await schedule(harsh())
    await pool.expectRevert(
      pool.protocol.write.cancelConfig({ account: alice }),
      'OwnableUnauthorizedAccount',
      [alice],
    )
    const receipt = await pool.send(pool.protocol.write.cancelConfig({ account: owner }))
    expect(pool.events(receipt, 'ConfigCancelled')).toEqual([{ activatesAt: at }])
    await pool.setNextTimestamp(at)
    await pool.expectRevert(
      pool.protocol.write.applyConfig({ account: alice }),
      'BlockProtocolNoConfigScheduled',
      [],
    )
    expect(await pool.protocol.read.config()).toEqual(pool.config)
  })
})

describe('config versions and blocks', () => {
  it("keeps each block's window, slash and late-reward rates from its own version", async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice)
    const old = await pool.proposeBlock()
    expect(old.block).toMatchObject({ configVersion: 1n, proofWindow: 36n })
    const { at } = await schedule(harsh())
    await pool.setNextTimestamp(at)
    await pool.send(pool.protocol.write.applyConfig({ account: bob }))
    const fresh = await pool.proposeBlock()
    expect(fresh.block).toMatchObject({
      configVersion: 2n,
      proofWindow: proofWindow(harsh(), pool.initialAvgProofDelayMs),
    })
    expect(fresh.block.proofWindow).toBe(100n)
    expect(await pool.protocol.read.getBlock([old.blockId])).toEqual(old.block)

    // Block 1 (version 1), an hour late: 1 % slash (of 2,000 TKO) and 1.5 × the base reward.
    const base1 = old.block.rewardPerGas * old.block.gasUsed
    const first = await pool.prove(bob, old.blockId)
    const slash1 = slashAmount(pool.config, DEFAULT_STAKE, base1)
    expect(slash1).toBe(20n * TKO)
    expect(pool.events(first.receipt, 'Slashed')[0]).toMatchObject({ amount: slash1 })
    expect(first.proven[0]!.reward).toBe((base1 * 15_000n) / 10_000n)

    // Block 2 (version 2), late after its 100 s window: 10 % slash and 2 × the base reward.
    await pool.setNextTimestamp(fresh.block.proposedAt + fresh.block.proofWindow + 1n)
    const second = await pool.prove(bob, fresh.blockId)
    const base2 = fresh.block.rewardPerGas * fresh.block.gasUsed
    const slash2 = slashAmount(harsh(), DEFAULT_STAKE - slash1, base2)
    expect(slash2).toBe(198n * TKO)
    expect(pool.events(second.receipt, 'Slashed')[0]).toMatchObject({ amount: slash2 })
    expect(second.proven[0]!.reward).toBe(base2 * 2n)
  })

  it("pays an in-window proof of an older block its own version's bonus", async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice)
    const { at } = await schedule(harsh())
    await pool.setNextTimestamp(at - 10n)
    const old = await pool.proposeBlock() // version 1, window 36 s
    await pool.setNextTimestamp(at)
    await pool.send(pool.protocol.write.applyConfig({ account: bob }))
    await pool.setNextTimestamp(at + 1n) // delay 11 s ≤ the 12 s average: the normal tier
    const { proven } = await pool.prove(alice, old.blockId)
    const expected = proofReward(pool.config, {
      rewardPerGas: old.block.rewardPerGas,
      gasUsed: old.block.gasUsed,
      kind: 'assigned',
      delay: 11n,
      avgProofDelayMs: old.block.avgProofDelayMs,
      stabilized: false,
    })
    expect(expected.performanceBonus).toBe(expected.base / 20n) // 5 %, not version 2's 50 %
    expect(proven[0]!.reward).toBe(expected.total)
  })
})

describe('ownership (Ownable2Step)', () => {
  it('moves only when the new owner accepts; until then the old owner keeps every power', async () => {
    const { owner, alice, bob } = pool.accounts
    await pool.expectRevert(
      pool.protocol.write.transferOwnership([alice], { account: alice }),
      'OwnableUnauthorizedAccount',
      [alice],
    )
    const started = await pool.send(pool.protocol.write.transferOwnership([alice], { account: owner }))
    expect(pool.events(started, 'OwnershipTransferStarted')).toEqual([
      { previousOwner: owner, newOwner: alice },
    ])
    expect(await pool.protocol.read.owner()).toBe(owner)
    expect(await pool.protocol.read.pendingOwner()).toBe(alice)
    await pool.expectRevert(
      pool.protocol.write.scheduleConfig([pool.config], { account: alice }),
      'OwnableUnauthorizedAccount',
      [alice],
    )
    await pool.expectRevert(
      pool.protocol.write.acceptOwnership({ account: bob }),
      'OwnableUnauthorizedAccount',
      [bob],
    )
    const accepted = await pool.send(pool.protocol.write.acceptOwnership({ account: alice }))
    expect(pool.events(accepted, 'OwnershipTransferred')).toEqual([{ previousOwner: owner, newOwner: alice }])
    expect(await pool.protocol.read.owner()).toBe(alice)
    expect(await pool.protocol.read.pendingOwner()).toBe(zeroAddress)
    expect((await pool.lens.read.getPool([pool.addresses.protocol])).owner).toBe(alice)
    await pool.expectRevert(
      pool.protocol.write.scheduleConfig([pool.config], { account: owner }),
      'OwnableUnauthorizedAccount',
      [owner],
    )
    await schedule(pool.config, alice)
  })
})
