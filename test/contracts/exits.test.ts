import { zeroAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import { DEFAULT_STAKE, type PoolFixture, setupPool } from '../support'
import { TKO } from '../support/expected'

// testConfig: exitDelay 300 s, maxExitsPerDay 2.
const pool = setupPool()

const DAY = 86_400n
const Status = { None: 0, Active: 1, Exiting: 2, Evicted: 3 } as const

/** The start of a UTC day at least one full day after the chain's latest block. */
async function nextDayStart(p: PoolFixture) {
  return ((await p.latestTimestamp()) / DAY + 2n) * DAY
}

describe('requestExit', () => {
  it('leaves the active list at once and queues the whole stake for the exit delay', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice)
    await pool.stake(bob)
    const receipt = await pool.send(pool.protocol.write.requestExit({ account: alice }))
    const now = await pool.timestampOf(receipt)
    const unlocksAt = now + pool.config.exitDelay
    expect(pool.events(receipt, 'ExitRequested')).toEqual([
      { prover: alice, amount: DEFAULT_STAKE, unlocksAt },
    ])
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({
      status: Status.Exiting,
      slot: 0n,
      stake: 0n,
      exitAmount: DEFAULT_STAKE,
      exitUnlocksAt: unlocksAt,
    })
    expect((await pool.protocol.read.slotOwners())[0]).toBe(zeroAddress)
    expect((await pool.protocol.read.weights())[0]).toBe(0n)
    expect(await pool.protocol.read.exitsToday()).toBe(1n)
    // The next block goes to the remaining prover.
    expect((await pool.proposeBlock()).block.assignedProver).toBe(bob)
  })

  it('is for active provers only (ProverPoolNotActive(prover))', async () => {
    const { alice } = pool.accounts
    await pool.expectRevert(pool.protocol.write.requestExit({ account: alice }), 'ProverPoolNotActive', [
      alice,
    ])
    await pool.stake(alice)
    await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.expectRevert(pool.protocol.write.requestExit({ account: alice }), 'ProverPoolNotActive', [
      alice,
    ])
  })

  it('merges a second queued amount and restarts the delay', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice, { amount: 700n * TKO })
    await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.stake(alice, { amount: 800n * TKO })
    await pool.increaseTime(100)
    const receipt = await pool.send(pool.protocol.write.requestExit({ account: alice }))
    const unlocksAt = (await pool.timestampOf(receipt)) + pool.config.exitDelay
    expect(pool.events(receipt, 'ExitRequested')).toEqual([{ prover: alice, amount: 800n * TKO, unlocksAt }])
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({
      exitAmount: 1_500n * TKO,
      exitUnlocksAt: unlocksAt,
    })
  })
})

describe('the daily exit limit', () => {
  it('rejects the exit beyond maxExitsPerDay in one UTC day with ProverPoolExitLimitReached(count, max, resetsAt)', async () => {
    const { alice, bob, carol } = pool.accounts
    for (const prover of [alice, bob, carol]) await pool.stake(prover)
    const day = await nextDayStart(pool)
    await pool.setNextTimestamp(day)
    await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.setNextTimestamp(day + 10n)
    await pool.send(pool.protocol.write.requestExit({ account: bob }))
    expect(await pool.protocol.read.exitsToday()).toBe(2n)
    await pool.setNextTimestamp(day + DAY - 1n)
    await pool.expectRevert(
      pool.protocol.write.requestExit({ account: carol }),
      'ProverPoolExitLimitReached',
      [2n, 2n, day + DAY],
    )
  })

  it('resets at the UTC day boundary', async () => {
    const { alice, bob, carol } = pool.accounts
    for (const prover of [alice, bob, carol]) await pool.stake(prover)
    const day = await nextDayStart(pool)
    await pool.setNextTimestamp(day + DAY - 20n)
    await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.setNextTimestamp(day + DAY - 10n)
    await pool.send(pool.protocol.write.requestExit({ account: bob }))
    // The view already reads 0 in the new day, before anyone exits in it.
    await pool.setNextTimestamp(day + DAY)
    await pool.mine()
    expect(await pool.protocol.read.exitsToday()).toBe(0n)
    await pool.setNextTimestamp(day + DAY + 1n)
    await pool.send(pool.protocol.write.requestExit({ account: carol }))
    expect(await pool.protocol.read.exitsToday()).toBe(1n)
  })

  it('does not count evictions', async () => {
    const { alice, bob, carol, dave, erin, frank } = pool.accounts
    for (const prover of [alice, bob, carol, dave]) await pool.stake(prover)
    await pool.stake(erin, { amount: 3_000n * TKO }) // evicts alice
    await pool.stake(frank, { amount: 3_000n * TKO }) // evicts bob
    expect(await pool.protocol.read.exitsToday()).toBe(0n)
    await pool.send(pool.protocol.write.requestExit({ account: carol }))
    await pool.send(pool.protocol.write.requestExit({ account: dave }))
  })
  it('Revision 2.7: lets a prover the limit holds back set capacity 0 at once, so it gets no new blocks', async () => {
    const { alice, bob, carol, dave } = pool.accounts
    const day = await nextDayStart(pool)
    await pool.setNextTimestamp(day)
    for (const prover of [alice, bob, carol, dave]) await pool.stake(prover)
    await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.send(pool.protocol.write.requestExit({ account: bob }))
    await pool.expectRevert(
      pool.protocol.write.requestExit({ account: carol }),
      'ProverPoolExitLimitReached',
      [2n, 2n, day + DAY],
    )
    // Inside the cooldown its join started, capacity 0 is still accepted.
    await pool.send(pool.protocol.write.changeCapacity([0n], { account: carol }))
    expect((await pool.protocol.read.getStaker([carol])).currentCapacity).toBe(0n)
    for (const id of await pool.proposeBlocks(3))
      expect((await pool.protocol.read.getBlock([id])).assignedProver).toBe(dave)
    await pool.setNextTimestamp(day + DAY)
    await pool.send(pool.protocol.write.requestExit({ account: carol }))
    expect((await pool.protocol.read.getStaker([carol])).status).toBe(Status.Exiting)
  })
})

describe('withdraw', () => {
  it('rejects a withdrawal before the exit delay with ProverPoolExitLocked(unlocksAt, now) and pays at the boundary', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const receipt = await pool.send(pool.protocol.write.requestExit({ account: alice }))
    const unlocksAt = (await pool.timestampOf(receipt)) + pool.config.exitDelay
    await pool.setNextTimestamp(unlocksAt - 1n)
    await pool.expectRevert(pool.protocol.write.withdraw({ account: alice }), 'ProverPoolExitLocked', [
      unlocksAt,
      unlocksAt - 1n,
    ])
    const before = await pool.token.read.balanceOf([alice])
    await pool.setNextTimestamp(unlocksAt)
    const paid = await pool.send(pool.protocol.write.withdraw({ account: alice }))
    expect(pool.events(paid, 'Withdrawn')).toEqual([{ prover: alice, amount: DEFAULT_STAKE }])
    expect(await pool.token.read.balanceOf([alice])).toBe(before + DEFAULT_STAKE)
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({
      status: Status.None,
      exitAmount: 0n,
      stake: 0n,
    })
  })

  it('rejects a withdrawal with nothing queued with ProverPoolNothingToWithdraw', async () => {
    const { alice, bob } = pool.accounts
    await pool.expectRevert(
      pool.protocol.write.withdraw({ account: alice }),
      'ProverPoolNothingToWithdraw',
      [],
    )
    await pool.stake(bob) // an active stake is not withdrawable
    await pool.expectRevert(pool.protocol.write.withdraw({ account: bob }), 'ProverPoolNothingToWithdraw', [])
  })

  it('pays the queued amount only, leaving a re-joined active stake in place', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice, { amount: 700n * TKO })
    const receipt = await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.stake(alice, { amount: 900n * TKO })
    await pool.setNextTimestamp((await pool.timestampOf(receipt)) + pool.config.exitDelay)
    const paid = await pool.send(pool.protocol.write.withdraw({ account: alice }))
    expect(pool.events(paid, 'Withdrawn')).toEqual([{ prover: alice, amount: 700n * TKO }])
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({
      status: Status.Active,
      stake: 900n * TKO,
      exitAmount: 0n,
    })
  })
})
