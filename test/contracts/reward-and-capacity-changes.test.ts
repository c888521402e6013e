import type { Address } from 'viem'
import { describe, expect, it } from 'vitest'
import { DEFAULT_STAKE, setupPool } from '../support'
import { rewardRange, weight } from '../support/expected'

const pool = setupPool()

/**
 * Stakes and moves the clock to the end of the R and C cooldowns that joining starts (Revision 2.4):
 * the next transaction may change R or C. Returns the join time.
 */
async function joinAndWait(prover: Address, p: Parameters<typeof pool.stake>[1] = {}) {
  const joined = await pool.timestampOf(await pool.stake(prover, p))
  await pool.setNextTimestamp(joined + pool.config.rewardChangeCooldown)
  return joined
}

describe('changing R', () => {
  it('Revision 2.4: refuses a change right after joining; once the cooldown joining started has passed, emits RewardPerGasChanged', async () => {
    const { alice } = pool.accounts
    const F = pool.initialFeePerGas
    const joined = await pool.timestampOf(await pool.stake(alice, { rewardPerGas: F }))
    expect((await pool.protocol.read.getStaker([alice])).lastRewardChangeAt).toBe(joined)
    const availableAt = joined + pool.config.rewardChangeCooldown
    await pool.setNextTimestamp(availableAt - 1n)
    await pool.expectRevert(
      pool.protocol.write.changeRewardPerGas([F + 7n], { account: alice }),
      'ProverPoolCooldownActive',
      [availableAt, availableAt - 1n],
    )
    await pool.setNextTimestamp(availableAt)
    const receipt = await pool.send(pool.protocol.write.changeRewardPerGas([F + 7n], { account: alice }))
    expect(pool.events(receipt, 'RewardPerGasChanged')).toEqual([
      { prover: alice, oldRewardPerGas: F, newRewardPerGas: F + 7n },
    ])
    const info = await pool.protocol.read.getStaker([alice])
    expect(info.rewardPerGas).toBe(F + 7n)
    expect(info.lastRewardChangeAt).toBe(await pool.timestampOf(receipt))
  })

  it('rejects a second change one second before the cooldown ends with ProverPoolCooldownActive(availableAt, now)', async () => {
    const { alice } = pool.accounts
    const F = pool.initialFeePerGas
    await joinAndWait(alice)
    const first = await pool.send(pool.protocol.write.changeRewardPerGas([F + 1n], { account: alice }))
    const availableAt = (await pool.timestampOf(first)) + pool.config.rewardChangeCooldown
    await pool.setNextTimestamp(availableAt - 1n)
    await pool.expectRevert(
      pool.protocol.write.changeRewardPerGas([F + 2n], { account: alice }),
      'ProverPoolCooldownActive',
      [availableAt, availableAt - 1n],
    )
  })

  it('allows the next change exactly when the cooldown ends', async () => {
    const { alice } = pool.accounts
    const F = pool.initialFeePerGas
    await joinAndWait(alice)
    const first = await pool.send(pool.protocol.write.changeRewardPerGas([F + 1n], { account: alice }))
    await pool.setNextTimestamp((await pool.timestampOf(first)) + pool.config.rewardChangeCooldown)
    await pool.send(pool.protocol.write.changeRewardPerGas([F + 2n], { account: alice }))
    expect((await pool.protocol.read.getStaker([alice])).rewardPerGas).toBe(F + 2n)
  })

  it('rejects R outside the range around F with ProverPoolRewardPerGasOutOfRange(R, min, max)', async () => {
    const { alice } = pool.accounts
    await joinAndWait(alice)
    const range = rewardRange(pool.config, await pool.protocol.read.feePerGas())
    for (const r of [range.min - 1n, range.max + 1n]) {
      await pool.expectRevert(
        pool.protocol.write.changeRewardPerGas([r], { account: alice }),
        'ProverPoolRewardPerGasOutOfRange',
        [r, range.min, range.max],
      )
    }
  })

  it('does not re-rank the active list: the slot stays and only the weight moves', async () => {
    const { alice, bob } = pool.accounts
    const F = pool.initialFeePerGas
    await pool.stake(alice)
    await joinAndWait(bob)
    await pool.send(pool.protocol.write.changeRewardPerGas([2n * F], { account: alice }))
    const owners = await pool.protocol.read.slotOwners()
    expect(owners.slice(0, 2)).toEqual([alice, bob])
    const weights = await pool.protocol.read.weights()
    expect(weights[0]).toBe(weight(pool.config, DEFAULT_STAKE, 2n * F, 8n, F))
    expect(weights[1]).toBe(weight(pool.config, DEFAULT_STAKE, F, 8n, F))
  })

  it('is for active provers only (ProverPoolNotActive(prover))', async () => {
    const { alice, bob } = pool.accounts
    await pool.expectRevert(
      pool.protocol.write.changeRewardPerGas([pool.initialFeePerGas], { account: alice }),
      'ProverPoolNotActive',
      [alice],
    )
    await pool.stake(bob)
    await pool.send(pool.protocol.write.requestExit({ account: bob }))
    await pool.expectRevert(
      pool.protocol.write.changeRewardPerGas([pool.initialFeePerGas], { account: bob }),
      'ProverPoolNotActive',
      [bob],
    )
  })
})

describe('changing C', () => {
  it('Revision 2.4: refuses a change right after joining; once the cooldown joining started has passed, emits CapacityChanged', async () => {
    const { alice } = pool.accounts
    const joined = await pool.timestampOf(await pool.stake(alice, { capacity: 8n }))
    const availableAt = joined + pool.config.rewardChangeCooldown
    await pool.expectRevert(
      pool.protocol.write.changeCapacity([12n], { account: alice }),
      'ProverPoolCooldownActive',
      [availableAt, expect.any(BigInt)],
    )
    await pool.setNextTimestamp(availableAt)
    const receipt = await pool.send(pool.protocol.write.changeCapacity([12n], { account: alice }))
    expect(pool.events(receipt, 'CapacityChanged')).toEqual([
      { prover: alice, oldCapacity: 8n, newCapacity: 12n },
    ])
    const info = await pool.protocol.read.getStaker([alice])
    expect(info).toMatchObject({ maxCapacity: 12n, currentCapacity: 12n })
    expect(info.lastCapacityChangeAt).toBe(await pool.timestampOf(receipt))
  })

  it('has its own cooldown: one second before the boundary reverts, at the boundary succeeds', async () => {
    const { alice } = pool.accounts
    await joinAndWait(alice)
    const first = await pool.send(pool.protocol.write.changeCapacity([9n], { account: alice }))
    const availableAt = (await pool.timestampOf(first)) + pool.config.rewardChangeCooldown
    await pool.setNextTimestamp(availableAt - 1n)
    await pool.expectRevert(
      pool.protocol.write.changeCapacity([10n], { account: alice }),
      'ProverPoolCooldownActive',
      [availableAt, availableAt - 1n],
    )
    await pool.setNextTimestamp(availableAt)
    await pool.send(pool.protocol.write.changeCapacity([10n], { account: alice }))
    expect((await pool.protocol.read.getStaker([alice])).maxCapacity).toBe(10n)
  })

  it('keeps the R and C cooldowns separate', async () => {
    const { alice } = pool.accounts
    const F = pool.initialFeePerGas
    await joinAndWait(alice)
    await pool.send(pool.protocol.write.changeRewardPerGas([F + 1n], { account: alice }))
    // A change of R does not block a change of C, nor the other way round …
    await pool.send(pool.protocol.write.changeCapacity([9n], { account: alice }))
    // … but each blocks its own kind.
    await pool.expectRevert(
      pool.protocol.write.changeRewardPerGas([F + 2n], { account: alice }),
      'ProverPoolCooldownActive',
    )
    await pool.expectRevert(
      pool.protocol.write.changeCapacity([10n], { account: alice }),
      'ProverPoolCooldownActive',
    )
  })

  it('rejects C outside [minCapacity, 255] (0 aside) with ProverPoolCapacityOutOfRange(C, min, 255)', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice, { capacity: 50n })
    await pool.proposeBlocks(5) // minCapacity(5) = max(1, 2·13/16) = 1 … raise it with the backlog:
    await pool.updateConfig({ baseMinCapacity: 8n, congestionBacklog: 100n }) // minCapacity(5) = 8·13/16 = 6
    await pool.setNextTimestamp((await pool.latestTimestamp()) + pool.config.rewardChangeCooldown)
    const min = await pool.protocol.read.currentMinCapacity()
    expect(min).toBe(6n)
    for (const c of [1n, min - 1n, 256n]) {
      await pool.expectRevert(
        pool.protocol.write.changeCapacity([c], { account: alice }),
        'ProverPoolCapacityOutOfRange',
        [c, min, 255n],
      )
    }
    await pool.send(pool.protocol.write.changeCapacity([min], { account: alice }))
  })

  it('Revision 2.7: accepts capacity 0 at once, inside the cooldown, and the prover gets no new blocks', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice, { capacity: 8n })
    await pool.stake(bob, { capacity: 8n })
    const receipt = await pool.send(pool.protocol.write.changeCapacity([0n], { account: alice }))
    expect(pool.events(receipt, 'CapacityChanged')).toEqual([
      { prover: alice, oldCapacity: 8n, newCapacity: 0n },
    ])
    const now = await pool.timestampOf(receipt)
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({
      slot: 1n,
      maxCapacity: 0n,
      currentCapacity: 0n,
      lastCapacityChangeAt: now,
    })
    expect((await pool.protocol.read.weights())[0]).toBe(0n)
    for (let i = 0; i < 4; i++) expect((await pool.proposeBlock()).block.assignedProver).toBe(bob)
    // Back up only after the cooldown this change restarted.
    await pool.expectRevert(
      pool.protocol.write.changeCapacity([8n], { account: alice }),
      'ProverPoolCooldownActive',
      [now + pool.config.rewardChangeCooldown, expect.any(BigInt)],
    )
  })

  it('is for active provers only (ProverPoolNotActive(prover))', async () => {
    const { alice } = pool.accounts
    await pool.expectRevert(
      pool.protocol.write.changeCapacity([4n], { account: alice }),
      'ProverPoolNotActive',
      [alice],
    )
  })
})

describe('capacity bookkeeping', () => {
  it('takes one capacity per assigned block and returns it when the block is proven', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice, { capacity: 3n })
    const [first] = await pool.proposeBlocks(2)
    expect((await pool.protocol.read.getStaker([alice])).currentCapacity).toBe(1n)
    await pool.prove(alice, first!)
    expect((await pool.protocol.read.getStaker([alice])).currentCapacity).toBe(2n)
  })

  it('a prover with no capacity left gets no more blocks: they are open', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice, { capacity: 1n })
    const assigned = await pool.proposeBlock()
    expect(assigned.block.assignedProver).toBe(alice)
    expect((await pool.protocol.read.weights())[0]).toBe(0n)
    const open = await pool.proposeBlock()
    expect(open.block).toMatchObject({
      open: true,
      assignedProver: '0x0000000000000000000000000000000000000000',
    })
  })

  it('a reduced maximum keeps outstanding blocks counted and never returns capacity above it', async () => {
    const { alice } = pool.accounts
    await joinAndWait(alice, { capacity: 8n })
    const ids = await pool.proposeBlocks(3) // 3 outstanding, current 5
    await pool.send(pool.protocol.write.changeCapacity([2n], { account: alice }))
    // max(0, 2 - 3) = 0
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({
      maxCapacity: 2n,
      currentCapacity: 0n,
    })
    const currents: bigint[] = []
    for (const id of ids) {
      await pool.prove(alice, id)
      currents.push((await pool.protocol.read.getStaker([alice])).currentCapacity)
    }
    // max(0, 2 − outstanding) after each proof: 2, 1 and 0 outstanding (docs/contracts.md, capacity accounting).
    expect(currents).toEqual([0n, 1n, 2n])
  })

  it('a raised maximum keeps outstanding blocks counted', async () => {
    const { alice } = pool.accounts
    await joinAndWait(alice, { capacity: 8n })
    await pool.proposeBlocks(3)
    await pool.send(pool.protocol.write.changeCapacity([10n], { account: alice }))
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({
      maxCapacity: 10n,
      currentCapacity: 7n,
    })
  })
})
