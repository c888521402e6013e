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

  it('caps a reward at the treasury: the prover is paid what is there, never more', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice, { rewardPerGas: 2n * pool.initialFeePerGas }) // R' = 1.05 F > F
    const { blockId, block } = await pool.proposeBlock()
    const treasury = await pool.protocol.read.treasury()
    expect(treasury).toBe(pool.initialFeePerGas * DEFAULT_GAS_USED)
    await pool.setNextTimestamp(block.proposedAt + 2n)
    const { proven } = await pool.prove(alice, blockId)
    const owed = proofReward(pool.config, {
      rewardPerGas: block.rewardPerGas,
      gasUsed: block.gasUsed,
      kind: 'assigned',
      delay: 2n,
      avgProofDelayMs: block.avgProofDelayMs,
      stabilized: false,
    }).total
    expect(owed).toBeGreaterThan(treasury)
    expect(proven[0]!.reward).toBe(treasury)
    expect(await pool.protocol.read.treasury()).toBe(0n)
    expect((await pool.protocol.read.getStaker([alice])).rewards).toBe(treasury)
  })

  it('pays nothing when the treasury is empty, and the proof still counts', async () => {
    const { bob } = pool.accounts
    const fee = pool.initialFeePerGas * DEFAULT_GAS_USED
    const ids = await pool.proposeBlocks(3) // open blocks: 3 fees in, each proof owes 1.5 fees
    const paid: bigint[] = []
    for (const id of ids) paid.push((await pool.prove(bob, id)).proven[0]!.reward)
    expect(paid).toEqual([(fee * 3n) / 2n, (fee * 3n) / 2n, 0n])
    expect(await pool.protocol.read.treasury()).toBe(0n)
    expect(await pool.protocol.read.getBlock([ids[2]!])).toMatchObject({ proven: true, prover: bob })
    expect(await pool.protocol.read.backlog()).toBe(0n)
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
