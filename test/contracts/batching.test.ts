import { describe, expect, it } from 'vitest'
import { setupPool } from '../support'
import { batchSize, proofReward } from '../support/expected'

// Batching from backlog 4: batchSize = clamp(⌈backlog/2⌉, 2, 3). No emergency mode in this file.
const pool = setupPool({ config: { congestionBacklog: 40n, maxOpenBlocks: 40n } })

describe('adaptive batching', () => {
  it('sizes batches by the backlog: 1 below batchingBacklog, then ⌈backlog/batchDivisor⌉ within [2, maxBatchSize]', async () => {
    await pool.stake(pool.accounts.alice, { capacity: 20n })
    const sizes: bigint[] = []
    for (let backlog = 0n; backlog <= 9n; backlog++) {
      expect(await pool.protocol.read.backlog()).toBe(backlog)
      sizes.push(await pool.protocol.read.currentBatchSize())
      await pool.proposeBlock()
    }
    expect(sizes).toEqual([1n, 1n, 1n, 1n, 2n, 3n, 3n, 3n, 3n, 3n])
    expect(sizes).toEqual(Array.from({ length: 10 }, (_, b) => batchSize(pool.config, BigInt(b))))
  })

  it('rejects more blocks than currentBatchSize() with BlockProtocolBatchTooLarge(length, max)', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const ids = await pool.proposeBlocks(3) // backlog 3: no batching
    await pool.expectRevert(
      pool.protocol.write.proveBlocks([ids.slice(0, 2), '0x01'], { account: alice }),
      'BlockProtocolBatchTooLarge',
      [2n, 1n],
    )
    await pool.proposeBlock() // backlog 4: batches of 2
    await pool.expectRevert(
      pool.protocol.write.proveBlocks([ids, '0x01'], { account: alice }),
      'BlockProtocolBatchTooLarge',
      [3n, 2n],
    )
  })

  it('evaluates the batch size once, at the start of the call', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const ids = await pool.proposeBlocks(5) // backlog 5: batches of 3, although it drops while proving
    const { proven } = await pool.prove(alice, ids.slice(0, 3))
    expect(proven.map((p) => p.blockId)).toEqual(ids.slice(0, 3))
    expect(await pool.protocol.read.backlog()).toBe(2n)
  })

  it('marks batched proofs and pays each block the stabilization bonus', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const ids = await pool.proposeBlocks(4)
    const blocks = await Promise.all(ids.map((id) => pool.protocol.read.getBlock([id])))
    const provedAt = blocks[3]!.proposedAt + 2n
    await pool.setNextTimestamp(provedAt)
    const { proven } = await pool.prove(alice, [ids[1]!, ids[0]!]) // any order; rewards per block
    const expected = [blocks[1]!, blocks[0]!].map((b) => {
      const delay = provedAt - b.proposedAt
      return proofReward(pool.config, {
        rewardPerGas: b.rewardPerGas,
        gasUsed: b.gasUsed,
        kind: 'assigned',
        delay,
        avgProofDelayMs: b.avgProofDelayMs,
        stabilized: true,
      })
    })
    expect(expected.every((e) => e.stabilizationBonus > 0n)).toBe(true)
    expect(proven).toEqual([
      expect.objectContaining({ blockId: ids[1], batched: true, late: false, reward: expected[0]!.total }),
      expect.objectContaining({ blockId: ids[0], batched: true, late: false, reward: expected[1]!.total }),
    ])
  })

  it('does not pay the stabilization bonus for a batch of one', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const ids = await pool.proposeBlocks(4)
    const block = await pool.protocol.read.getBlock([ids[0]!])
    const provedAt = (await pool.latestTimestamp()) + 2n
    await pool.setNextTimestamp(provedAt)
    const { proven } = await pool.prove(alice, [ids[0]!])
    const expected = proofReward(pool.config, {
      rewardPerGas: block.rewardPerGas,
      gasUsed: block.gasUsed,
      kind: 'assigned',
      delay: provedAt - block.proposedAt,
      avgProofDelayMs: block.avgProofDelayMs,
      stabilized: false,
    })
    expect(proven[0]).toMatchObject({ batched: false, reward: expected.total })
  })

  it('rejects a batch that names a block twice (BlockProtocolAlreadyProven)', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const ids = await pool.proposeBlocks(4)
    await pool.expectRevert(
      pool.protocol.write.proveBlocks([[ids[0]!, ids[0]!], '0x01'], { account: alice }),
      'BlockProtocolAlreadyProven',
      [ids[0]],
    )
  })

  it('rejects the whole batch when one block in it cannot be proven', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const ids = await pool.proposeBlocks(4)
    await pool.prove(alice, ids[0]!)
    await pool.proposeBlock() // backlog back to 4
    await pool.expectRevert(
      pool.protocol.write.proveBlocks([[ids[1]!, ids[0]!], '0x01'], { account: alice }),
      'BlockProtocolAlreadyProven',
      [ids[0]],
    )
    expect((await pool.protocol.read.getBlock([ids[1]!])).proven).toBe(false)
  })
})
