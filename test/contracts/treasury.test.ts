import { describe, expect, it } from 'vitest'
import { DEFAULT_GAS_USED, setupPool } from '../support'
import { proofReward, TKO } from '../support/expected'

// An unfunded treasury: only proposal fees (and slashes) fill it.
const pool = setupPool({ treasuryFunding: 0n })

describe('the treasury', () => {
  it('starts with what the deployer funded and holds every TKO the protocol owns', async () => {
    expect(await pool.protocol.read.treasury()).toBe(0n)
    expect(await pool.protocol.read.accountedBalance()).toBe(0n)
    expect(await pool.token.read.balanceOf([pool.addresses.protocol])).toBe(0n)
  })

  it('Revision 2.5: pays what the treasury holds and records the rest as owed (RewardOwed)', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice, { rewardPerGas: 2n * pool.initialFeePerGas }) // R' = 1.05 F > F
    const { blockId, block } = await pool.proposeBlock()
    const treasury = await pool.protocol.read.treasury()
    expect(treasury).toBe(pool.initialFeePerGas * DEFAULT_GAS_USED)
    await pool.setNextTimestamp(block.proposedAt + 2n)
    const { receipt, proven } = await pool.prove(alice, blockId)
    const reward = proofReward(pool.config, {
      rewardPerGas: block.rewardPerGas,
      gasUsed: block.gasUsed,
      kind: 'assigned',
      delay: 2n,
      avgProofDelayMs: block.avgProofDelayMs,
      stabilized: false,
    }).total
    expect(reward).toBeGreaterThan(treasury)
    expect(proven[0]!.reward).toBe(reward) // the whole reward, paid and owed
    expect(pool.events(receipt, 'RewardOwed')).toEqual([
      { prover: alice, blockId, amount: reward - treasury },
    ])
    expect(await pool.protocol.read.treasury()).toBe(0n)
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({
      rewards: treasury,
      owedRewards: reward - treasury,
    })
    expect(await pool.protocol.read.owedRewards([alice])).toBe(reward - treasury)
    expect(await pool.protocol.read.totalOwed()).toBe(reward - treasury)
    const view = await pool.lens.read.getPool([pool.addresses.protocol])
    expect(view.totalOwed).toBe(reward - treasury)
    expect(view.provers[0]).toMatchObject({ unclaimedRewards: treasury, owedRewards: reward - treasury })
  })

  it('Revision 2.5: owes the whole reward when the treasury is empty, and the proof still counts', async () => {
    const { bob } = pool.accounts
    const fee = pool.initialFeePerGas * DEFAULT_GAS_USED
    const ids = await pool.proposeBlocks(3) // open blocks: 3 fees in, each proof earns 1.5 fees
    const paid: bigint[] = []
    const owed: bigint[] = []
    for (const id of ids) {
      const { receipt, proven } = await pool.prove(bob, id)
      expect(proven[0]!.reward).toBe((fee * 3n) / 2n)
      const [o] = pool.events(receipt, 'RewardOwed')
      owed.push(o?.amount ?? 0n)
      paid.push(proven[0]!.reward - (o?.amount ?? 0n))
    }
    expect(paid).toEqual([(fee * 3n) / 2n, (fee * 3n) / 2n, 0n])
    expect(owed).toEqual([0n, 0n, (fee * 3n) / 2n])
    expect(await pool.protocol.read.treasury()).toBe(0n)
    expect(await pool.protocol.read.owedRewards([bob])).toBe((fee * 3n) / 2n)
    expect(await pool.protocol.read.getBlock([ids[2]!])).toMatchObject({ proven: true })
    expect(await pool.protocol.read.backlog()).toBe(0n)
  })

  it('Revision 2.5: pays owed rewards first at claim once refilled; OwedUnfunded while it is empty', async () => {
    const { bob, carol } = pool.accounts
    const fee = pool.initialFeePerGas * DEFAULT_GAS_USED
    const ids = await pool.proposeBlocks(2)
    for (const id of ids) await pool.prove(bob, id) // 2 fees in, 3 fees earned: 1 fee owed
    await pool.send(pool.protocol.write.claimRewards({ account: bob })) // the paid part
    const owed = await pool.protocol.read.owedRewards([bob])
    expect(owed).toBe(fee)
    await pool.expectRevert(pool.protocol.write.claimRewards({ account: bob }), 'BlockProtocolOwedUnfunded', [
      owed,
      0n,
    ])
    // A new reward waits behind the owed one: carol proves an open block whose fee just came in.
    const third = await pool.proposeBlock()
    const { receipt: r3 } = await pool.prove(carol, third.blockId)
    expect(pool.events(r3, 'RewardOwed')).toEqual([
      { prover: carol, blockId: third.blockId, amount: (fee * 3n) / 2n },
    ])
    expect(await pool.protocol.read.rewards([carol])).toBe(0n) // the fee stays for bob's owed reward
    expect(await pool.protocol.read.treasury()).toBe(fee)
    // bob's claim now pays his owed reward out of that fee.
    const before = await pool.token.read.balanceOf([bob])
    const receipt = await pool.send(pool.protocol.write.claimRewards({ account: bob }))
    expect(pool.events(receipt, 'OwedRewardsPaid')).toEqual([{ prover: bob, amount: fee }])
    expect(pool.events(receipt, 'RewardsClaimed')).toEqual([{ prover: bob, amount: fee }])
    expect(await pool.token.read.balanceOf([bob])).toBe(before + fee)
    expect(await pool.protocol.read.owedRewards([bob])).toBe(0n)
    // fundTreasury pays carol's.
    await pool.send(pool.protocol.write.fundTreasury([(fee * 3n) / 2n], { account: bob }))
    const claim = await pool.send(pool.protocol.write.claimRewards({ account: carol }))
    expect(pool.events(claim, 'OwedRewardsPaid')).toEqual([{ prover: carol, amount: (fee * 3n) / 2n }])
    expect(await pool.protocol.read.totalOwed()).toBe(0n)
    expect(await pool.protocol.read.treasury()).toBe(0n)
  })

  it('receives slashed stake', async () => {
    const { alice, bob } = pool.accounts
    await pool.updateConfig({ minAvailableProvers: 0n })
    await pool.stake(alice)
    const { blockId, block } = await pool.proposeBlock()
    const before = await pool.protocol.read.treasury()
    await pool.setNextTimestamp(block.proposedAt + block.proofWindow + 1n)
    const { receipt, proven } = await pool.prove(bob, blockId)
    const [slashed] = pool.events(receipt, 'Slashed')
    expect(slashed!.amount).toBe(20n * TKO)
    // The reward is paid after the slash landed in the treasury, so it is paid in full.
    const owed = (block.rewardPerGas * block.gasUsed * 15_000n) / 10_000n
    expect(proven[0]!.reward).toBe(owed)
    expect(await pool.protocol.read.treasury()).toBe(before + slashed!.amount - owed)
  })

  it('fundTreasury lets anyone add TKO', async () => {
    const { bob } = pool.accounts
    await pool.send(pool.protocol.write.fundTreasury([7n * TKO], { account: bob }))
    expect(await pool.protocol.read.treasury()).toBe(7n * TKO)
    expect(await pool.token.read.balanceOf([pool.addresses.protocol])).toBe(7n * TKO)
  })

  it('fundTreasury rejects zero with ProverPoolZeroAmount', async () => {
    await pool.expectRevert(
      pool.protocol.write.fundTreasury([0n], { account: pool.accounts.bob }),
      'ProverPoolZeroAmount',
      [],
    )
  })
})
