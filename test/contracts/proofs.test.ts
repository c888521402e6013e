import { zeroHash } from 'viem'
import { describe, expect, it } from 'vitest'
import { DEFAULT_GAS_USED, DEFAULT_STAKE, setupPool } from '../support'
import { proofReward, slashAmount, TKO, weight } from '../support/expected'

const pool = setupPool()

const deadlineOf = (block: { proposedAt: bigint; proofWindow: bigint }) =>
  block.proposedAt + block.proofWindow

describe('the proof window', () => {
  it('takes a proof by the assigned prover at exactly the deadline as in time', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(deadlineOf(block))
    const { receipt, proven } = await pool.prove(alice, blockId)
    expect(proven).toEqual([
      expect.objectContaining({ blockId, prover: alice, late: false, open: false, batched: false }),
    ])
    expect(pool.events(receipt, 'Slashed')).toEqual([])
    expect((await pool.protocol.read.getStaker([alice])).stake).toBe(DEFAULT_STAKE)
  })

  it('lets only the assigned prover prove inside the window (BlockProtocolNotAssignedProver)', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice)
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(deadlineOf(block))
    await pool.expectRevert(
      pool.protocol.write.proveBlock([blockId, '0x01'], { account: bob }),
      'BlockProtocolNotAssignedProver',
      [blockId, alice, deadlineOf(block)],
    )
  })

  it('one second after the deadline lets anyone prove and slashes the assigned prover', async () => {
    const { alice, bob } = pool.accounts
    await pool.updateConfig({ minAvailableProvers: 0n }) // keep emergency mode out of this one
    await pool.stake(alice)
    const { blockId, block } = await pool.proposeBlock()
    const treasury = await pool.protocol.read.treasury()
    await pool.setNextTimestamp(deadlineOf(block) + 1n)
    const { receipt, proven } = await pool.prove(bob, blockId)
    const slash = slashAmount(pool.config, DEFAULT_STAKE, block.rewardPerGas * block.gasUsed)
    expect(slash).toBe(20n * TKO) // 1 % of 2000 TKO beats 4 × the base reward
    expect(pool.events(receipt, 'Slashed')).toEqual([
      { prover: alice, blockId, amount: slash, remainingStake: DEFAULT_STAKE - slash },
    ])
    const reward = proofReward(pool.config, {
      rewardPerGas: block.rewardPerGas,
      gasUsed: block.gasUsed,
      kind: 'open',
      delay: block.proofWindow + 1n,
      avgProofDelayMs: block.avgProofDelayMs,
      stabilized: false,
    })
    expect(proven).toEqual([
      {
        blockId,
        prover: bob,
        reward: reward.total,
        delay: block.proofWindow + 1n,
        late: true,
        open: false,
        batched: false,
      },
    ])
    expect(await pool.protocol.read.treasury()).toBe(treasury + slash - reward.total)
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({
      stake: DEFAULT_STAKE - slash,
      slashed: slash,
      deposited: DEFAULT_STAKE,
    })
    expect(await pool.protocol.read.getBlock([blockId])).toMatchObject({ proven: true, slashed: true })
    // The slot's whole-TKO stake is recomputed: the weight drops with the stake.
    expect((await pool.protocol.read.weights())[0]).toBe(
      weight(
        pool.config,
        DEFAULT_STAKE - slash,
        block.rewardPerGas,
        8n,
        await pool.protocol.read.feePerGas(),
      ),
    )
  })

  it('slashes exactly once: the block cannot be proven again (BlockProtocolAlreadyProven)', async () => {
    const { alice, bob, carol } = pool.accounts
    await pool.stake(alice)
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(deadlineOf(block) + 1n)
    await pool.prove(bob, blockId)
    await pool.expectRevert(
      pool.protocol.write.proveBlock([blockId, '0x01'], { account: carol }),
      'BlockProtocolAlreadyProven',
      [blockId],
    )
    expect((await pool.protocol.read.getStaker([alice])).slashed).toBe(20n * TKO)
  })

  it('lets the assigned prover itself prove late: slashed and paid the late rate', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(deadlineOf(block) + 100n)
    const { receipt, proven } = await pool.prove(alice, blockId)
    expect(pool.events(receipt, 'Slashed')).toHaveLength(1)
    expect(proven[0]).toMatchObject({ late: true, prover: alice })
  })

  it('slashes at least minSlashRewardMultiple × the base reward', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice, { amount: 600n * TKO })
    const gasUsed = 2_000_000_000n // base reward 2 TKO: 4 × 2 TKO beats 1 % of 600 TKO
    const { blockId, block } = await pool.proposeBlock({ gasUsed })
    await pool.setNextTimestamp(deadlineOf(block) + 1n)
    const { receipt } = await pool.prove(bob, blockId)
    const slash = slashAmount(pool.config, 600n * TKO, block.rewardPerGas * gasUsed)
    expect(slash).toBe(8n * TKO)
    expect(pool.events(receipt, 'Slashed')[0]).toMatchObject({ amount: slash, remainingStake: 592n * TKO })
  })

  it('slashes at most the whole stake, leaving the prover with zero weight', async () => {
    const { alice, bob } = pool.accounts
    await pool.updateConfig({ baseMinStake: 2n * TKO }) // minStake(0) = 1 TKO
    await pool.stake(alice, { amount: TKO })
    const { blockId, block } = await pool.proposeBlock({ gasUsed: 1_000_000_000n }) // 4 × base = 4 TKO
    await pool.setNextTimestamp(deadlineOf(block) + 1n)
    const { receipt } = await pool.prove(bob, blockId)
    expect(pool.events(receipt, 'Slashed')[0]).toMatchObject({ amount: TKO, remainingStake: 0n })
    expect((await pool.protocol.read.weights())[0]).toBe(0n)
  })

  it('slashes a pending exit: the queued amount pays', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice)
    const { blockId, block } = await pool.proposeBlock()
    await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.setNextTimestamp(deadlineOf(block) + 1n)
    const { receipt } = await pool.prove(bob, blockId)
    const slash = slashAmount(pool.config, DEFAULT_STAKE, block.rewardPerGas * block.gasUsed)
    expect(pool.events(receipt, 'Slashed')).toEqual([
      { prover: alice, blockId, amount: slash, remainingStake: DEFAULT_STAKE - slash },
    ])
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({
      stake: 0n,
      exitAmount: DEFAULT_STAKE - slash,
      slashed: slash,
    })
  })

  it('still lets an exiting prover prove its assigned block in time', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice)
    const { blockId, block } = await pool.proposeBlock()
    await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.expectRevert(
      pool.protocol.write.proveBlock([blockId, '0x01'], { account: bob }),
      'BlockProtocolNotAssignedProver',
      [blockId, alice, deadlineOf(block)],
    )
    const { proven } = await pool.prove(alice, blockId)
    expect(proven[0]).toMatchObject({ prover: alice, late: false })
    expect((await pool.protocol.read.getStaker([alice])).rewards).toBe(proven[0]!.reward)
  })
})

describe('capacity on proof', () => {
  it('returns the assigned prover’s capacity when anyone proves the block', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice, { capacity: 4n })
    const { blockId, block } = await pool.proposeBlock()
    expect((await pool.protocol.read.getStaker([alice])).currentCapacity).toBe(3n)
    await pool.setNextTimestamp(deadlineOf(block) + 1n)
    await pool.prove(bob, blockId)
    expect((await pool.protocol.read.getStaker([alice])).currentCapacity).toBe(4n)
  })

  it('returns nothing to a prover that left, nor to the new owner of its slot', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice, { capacity: 4n })
    const { blockId } = await pool.proposeBlock()
    await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.stake(bob, { capacity: 4n }) // takes slot 1
    const bobBlock = await pool.proposeBlock()
    expect(bobBlock.block.assignedProver).toBe(bob)
    await pool.prove(alice, blockId)
    expect(await pool.protocol.read.getStaker([bob])).toMatchObject({ slot: 1n, currentCapacity: 3n })
    expect((await pool.protocol.read.getStaker([alice])).currentCapacity).toBe(0n)
  })
})

describe('proof validation', () => {
  it('rejects an unknown block with BlockProtocolUnknownBlock(id, nextBlockId)', async () => {
    await pool.proposeBlock()
    for (const id of [0n, 2n, 99n]) {
      await pool.expectRevert(
        pool.protocol.write.proveBlock([id, '0x01'], { account: pool.accounts.alice }),
        'BlockProtocolUnknownBlock',
        [id, 2n],
      )
    }
  })

  it('getBlock rejects an unknown id the same way', async () => {
    await pool.expectRevert(pool.protocol.read.getBlock([1n]), 'BlockProtocolUnknownBlock', [1n, 1n])
  })

  it('rejects an empty batch with BlockProtocolEmptyBatch', async () => {
    await pool.expectRevert(
      pool.protocol.write.proveBlocks([[], '0x01'], { account: pool.accounts.alice }),
      'BlockProtocolEmptyBatch',
      [],
    )
  })

  it('rejects a proof the verifier refuses with BlockProtocolProofRejected(blockId)', async () => {
    const { blockId } = await pool.proposeBlock()
    await pool.expectRevert(
      pool.protocol.write.proveBlock([blockId, '0x'], { account: pool.accounts.alice }),
      'BlockProtocolProofRejected',
      [blockId],
    )
  })

  it('names the first block of a batch the verifier refuses, after the batch checks', async () => {
    const ids = await pool.proposeBlocks(4) // backlog 4: batches of 2
    await pool.expectRevert(
      pool.protocol.write.proveBlocks([[ids[1]!, ids[0]!], '0x'], { account: pool.accounts.alice }),
      'BlockProtocolProofRejected',
      [ids[1]!],
    )
    await pool.expectRevert(
      pool.protocol.write.proveBlocks([[...ids], '0x'], { account: pool.accounts.alice }),
      'BlockProtocolBatchTooLarge',
      [4n, 2n],
    )
    // A single proveBlock has no batch check: it works at any batch size.
    await pool.prove(pool.accounts.alice, ids[3]!)
  })

  it('lets anyone prove an open block at any time, without slashing anyone', async () => {
    const { bob } = pool.accounts
    const { blockId } = await pool.proposeBlock()
    const { receipt, proven } = await pool.prove(bob, blockId)
    expect(proven[0]).toMatchObject({ blockId, prover: bob, open: true, late: false })
    expect(pool.events(receipt, 'Slashed')).toEqual([])
    expect(await pool.protocol.read.openBlocks()).toBe(0n)
    expect(await pool.protocol.read.backlog()).toBe(0n)
  })

  it('pays an open block proven after its window the same 1.5 × F rate, flags it late and slashes no one', async () => {
    const { bob } = pool.accounts
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(deadlineOf(block) + 1n)
    const { receipt, proven } = await pool.prove(bob, blockId)
    expect(proven[0]).toMatchObject({
      open: true,
      late: true,
      reward: (block.rewardPerGas * block.gasUsed * 15_000n) / 10_000n,
    })
    expect(pool.events(receipt, 'Slashed')).toEqual([])
  })

  it('records that the block is proven; who proved it and when are in BlockProven and its block', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const { blockId, block } = await pool.proposeBlock({ gasUsed: DEFAULT_GAS_USED })
    const { receipt, proven } = await pool.prove(alice, blockId)
    expect(await pool.protocol.read.getBlock([blockId])).toEqual({ ...block, proven: true })
    expect(proven[0]).toMatchObject({
      blockId,
      prover: alice,
      delay: (await pool.timestampOf(receipt)) - block.proposedAt,
    })
  })
})

describe('DevelopmentProofVerifier', () => {
  it('rejects an empty proof and accepts any non-empty one, whatever the block and commitment', async () => {
    const c = `0x${'12'.repeat(32)}` as const
    expect(await pool.verifier.read.verify([1n, c, '0x'])).toBe(false)
    expect(await pool.verifier.read.verify([1n, c, '0x00'])).toBe(true)
    expect(await pool.verifier.read.verify([0n, zeroHash, '0xdeadbeef'])).toBe(true)
  })
})
