/**
 * Found by the adversarial suite: capacity is "how many unproven blocks the prover can hold" (SPEC, Actors).
 * A per-slot current capacity alone (v2's first draft, like v1) clamps `C - outstanding` at 0 and gives one
 * unit back per proof, so it forgets outstanding blocks it cannot record and the pool assigns more than the
 * stated capacity. Three ways in; the held-back count (docs/contracts.md, "Capacity accounting") closes all.
 * Outstanding is counted from the chain's block records, independently of `outstandingBlocks`.
 */
import type { Address } from 'viem'
import { describe, expect, it } from 'vitest'
import { setupPool } from '../support'

// No emergency mode (it would make the blocks open); one prover, so every block is hers.
const pool = setupPool({ config: { congestionBacklog: 1_000n, minAvailableProvers: 0n, maxOpenBlocks: 64n } })

/** Blocks assigned to `prover` and not yet proven, from the chain's block records. */
async function outstanding(prover: Address) {
  const next = await pool.protocol.read.nextBlockId()
  let n = 0n
  for (let id = 1n; id < next; id++) {
    const b = await pool.protocol.read.getBlock([id])
    if (!b.proven && b.assignedProver === prover) n++
  }
  return n
}

/** Proposes until the pool stops assigning blocks to `prover` (at most `limit`); returns how many it took. */
async function assignUntilFull(prover: Address, limit = 10) {
  let n = 0
  for (; n < limit; n++) {
    const { block } = await pool.proposeBlock()
    if (block.assignedProver !== prover) break
  }
  return n
}

describe('capacity is never over-committed', () => {
  it('after an exit and a re-join with blocks still unproven', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice, { capacity: 2n })
    expect(await assignUntilFull(alice)).toBe(2)
    await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.stake(alice, { capacity: 2n }) // a fresh slot: the two old blocks still count
    expect(await assignUntilFull(alice)).toBe(0)
    expect(await outstanding(alice)).toBe(2n)
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({
      outstandingBlocks: 2n,
      currentCapacity: 0n,
    })
  })

  it('after capacity 0 (Revision 2.7) and back up', async () => {
    const { alice } = pool.accounts
    const joined = await pool.timestampOf(await pool.stake(alice, { capacity: 2n }))
    expect(await assignUntilFull(alice)).toBe(2)
    await pool.send(pool.protocol.write.changeCapacity([0n], { account: alice }))
    await pool.setNextTimestamp(joined + pool.config.rewardChangeCooldown + 1n)
    await pool.send(pool.protocol.write.changeCapacity([2n], { account: alice }))
    // Without the held-back count: current = 2 - (oldMax 0 - oldCurrent 0) = 2 with two blocks outstanding.
    expect(await assignUntilFull(alice)).toBe(0)
    expect(await outstanding(alice)).toBe(2n)
  })

  it('after lowering capacity below the outstanding blocks and proving one', async () => {
    const { alice } = pool.accounts
    const joined = await pool.timestampOf(await pool.stake(alice, { capacity: 4n }))
    await pool.setNextTimestamp(joined + pool.config.rewardChangeCooldown)
    expect(await assignUntilFull(alice)).toBe(4)
    await pool.send(pool.protocol.write.changeCapacity([2n], { account: alice })) // current max(0, 2 - 4) = 0
    const first = (await pool.protocol.read.nextBlockId()) - 5n // the first of her four
    await pool.prove(alice, first) // 3 outstanding: current stays 0 (without the count it went 0 → 1)
    expect(await assignUntilFull(alice)).toBe(0)
    expect(await outstanding(alice)).toBe(3n)
    await pool.prove(alice, [first + 1n])
    await pool.prove(alice, first + 2n) // 1 outstanding of 2: one capacity free again
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({
      outstandingBlocks: 1n,
      currentCapacity: 1n,
    })
    expect(await assignUntilFull(alice)).toBe(1)
    expect(await outstanding(alice)).toBe(2n)
  })
})
