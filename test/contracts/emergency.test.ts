import { type Address, keccak256, toHex, zeroAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import { setupPool } from '../support'
import { proofReward } from '../support/expected'

// testConfig: congestionBacklog 6 (enter at backlog ≥ 6 on a proposal, ≥ 3 on a slash), leave at
// backlog ≤ 1 with ≥ 2 available provers (minAvailableProvers 2).
const pool = setupPool()

const Reason = { None: 0, Congestion: 1, ProverFailure: 2 } as const

/** Proves `blockId` in its window: by its assigned prover, or by heidi when it is open. */
async function proveInWindow(blockId: bigint) {
  const block = await pool.protocol.read.getBlock([blockId])
  const prover: Address = block.open ? pool.accounts.heidi : block.assignedProver
  return pool.prove(prover, blockId)
}

/** Σ current capacity of the given provers. */
async function capacityOf(provers: readonly Address[]) {
  let sum = 0n
  for (const p of provers) sum += (await pool.protocol.read.getStaker([p])).currentCapacity
  return sum
}

/** alice only; her block is proven late by bob: too few available provers → prover failure. */
async function enterByProverFailure() {
  const { alice, bob } = pool.accounts
  await pool.stake(alice)
  const { blockId, block } = await pool.proposeBlock()
  await pool.setNextTimestamp(block.proposedAt + block.proofWindow + 1n)
  return { blockId, block, ...(await pool.prove(bob, blockId)) }
}

describe('entering emergency mode', () => {
  it('enters on a proposal once the backlog reaches congestionBacklog (reason: congestion)', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice)
    await pool.stake(bob)
    await pool.proposeBlocks(5)
    const sixth = await pool.proposeBlock() // backlog 5 before it: not yet
    expect(pool.events(sixth.receipt, 'EmergencyModeChanged')).toEqual([])
    expect(sixth.block.open).toBe(false)
    expect(await pool.protocol.read.isEmergency()).toBe(false)

    const capacity = await capacityOf([alice, bob])
    const seventh = await pool.proposeBlock() // backlog 6 before it
    expect(pool.events(seventh.receipt, 'EmergencyModeChanged')).toEqual([
      { active: true, reason: Reason.Congestion },
    ])
    expect(seventh.block).toMatchObject({ open: true, assignedProver: zeroAddress })
    expect(await capacityOf([alice, bob])).toBe(capacity)
    expect(await pool.protocol.read.isEmergency()).toBe(true)
    expect(await pool.protocol.read.emergencyReason()).toBe(Reason.Congestion)
  })

  it('enters on a slash when fewer than minAvailableProvers are available (reason: prover failure)', async () => {
    const { receipt } = await enterByProverFailure()
    expect(pool.events(receipt, 'EmergencyModeChanged')).toEqual([
      { active: true, reason: Reason.ProverFailure },
    ])
    expect(await pool.protocol.read.emergencyReason()).toBe(Reason.ProverFailure)
  })

  // docs/contracts.md, proveBlocks, per block: the reward is computed ("reward per proofReward above")
  // before the late branch slashes and runs the prover-failure check, and `stabilizationBonus` is for
  // "emergency at proof time": the proof that switches emergency mode on did not land in it.
  it('pays the late proof that switches it on without the stabilization bonus (the reward precedes the failure check)', async () => {
    const { proven, block } = await enterByProverFailure()
    const expected = proofReward(pool.config, {
      rewardPerGas: block.rewardPerGas,
      gasUsed: block.gasUsed,
      kind: 'open',
      delay: block.proofWindow + 1n,
      avgProofDelayMs: block.avgProofDelayMs,
      stabilized: false,
    })
    expect(proven[0]!.reward).toBe(expected.total)
  })

  it('enters on a slash when the backlog after the late block is at least congestionBacklog/2', async () => {
    const { alice, bob, carol, heidi } = pool.accounts
    for (const p of [alice, bob, carol]) await pool.stake(p)
    const [first] = await pool.proposeBlocks(4)
    const block = await pool.protocol.read.getBlock([first!])
    await pool.setNextTimestamp(block.proposedAt + block.proofWindow + 1n)
    const { receipt } = await pool.prove(heidi, first!) // backlog after: 3 = 6/2; 3 provers available
    expect(await pool.protocol.read.availableProvers()).toBeGreaterThanOrEqual(2n)
    expect(pool.events(receipt, 'EmergencyModeChanged')).toEqual([
      { active: true, reason: Reason.ProverFailure },
    ])
  })

  it('counts the backlog after the late block is proven: one block fewer does not trigger it', async () => {
    const { alice, bob, carol, heidi } = pool.accounts
    for (const p of [alice, bob, carol]) await pool.stake(p)
    const [first] = await pool.proposeBlocks(3)
    const block = await pool.protocol.read.getBlock([first!])
    await pool.setNextTimestamp(block.proposedAt + block.proofWindow + 1n)
    const { receipt } = await pool.prove(heidi, first!) // backlog after: 2 < 3
    expect(pool.events(receipt, 'Slashed')).toHaveLength(1)
    expect(pool.events(receipt, 'EmergencyModeChanged')).toEqual([])
    expect(await pool.protocol.read.isEmergency()).toBe(false)
  })

  it('does not announce it again when another failure happens while it is on', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice)
    const ids = await pool.proposeBlocks(2)
    const last = await pool.protocol.read.getBlock([ids[1]!])
    await pool.setNextTimestamp(last.proposedAt + last.proofWindow + 1n)
    const first = await pool.prove(bob, ids[0]!)
    expect(pool.events(first.receipt, 'EmergencyModeChanged')).toHaveLength(1)
    const second = await pool.prove(bob, ids[1]!)
    expect(pool.events(second.receipt, 'Slashed')).toHaveLength(1)
    expect(pool.events(second.receipt, 'EmergencyModeChanged')).toEqual([])
  })
})

describe('while emergency mode is on', () => {
  it('makes every new block open even though provers have weight', async () => {
    await enterByProverFailure()
    const weights = await pool.protocol.read.weights()
    expect(weights[0]).toBeGreaterThan(0n)
    const { block, proposed } = await pool.proposeBlock()
    expect(block.open).toBe(true)
    expect(proposed.assignedProver).toBe(zeroAddress)
    expect(proposed.rewardPerGas).toBe(await pool.protocol.read.feePerGas())
  })

  it('still caps open blocks at maxOpenBlocks', async () => {
    await pool.updateConfig({ maxOpenBlocks: 1n })
    await enterByProverFailure()
    await pool.proposeBlock()
    await pool.expectRevert(
      pool.protocol.write.proposeBlock([100_000, keccak256(toHex('a block'))], {
        account: pool.accounts.proposer,
      }),
      'BlockProtocolTooManyOpenBlocks',
      [1n, 1n],
    )
  })

  it('turns batching on: currentBatchSize() is at least 2', async () => {
    expect(await pool.protocol.read.currentBatchSize()).toBe(1n)
    await enterByProverFailure()
    expect(await pool.protocol.read.backlog()).toBe(0n)
    expect(await pool.protocol.read.currentBatchSize()).toBe(2n)
    const ids = await pool.proposeBlocks(2)
    const { proven } = await pool.prove(pool.accounts.heidi, ids)
    expect(proven.map((p) => p.batched)).toEqual([true, true])
  })

  it('pays the stabilization bonus on a single proof', async () => {
    await enterByProverFailure()
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(block.proposedAt + 2n)
    const { proven } = await pool.prove(pool.accounts.heidi, blockId)
    const expected = proofReward(pool.config, {
      rewardPerGas: block.rewardPerGas,
      gasUsed: block.gasUsed,
      kind: 'open',
      delay: 2n,
      avgProofDelayMs: block.avgProofDelayMs,
      stabilized: true,
    })
    expect(proven[0]).toMatchObject({ reward: expected.total, batched: false, open: true })
  })
})

describe('leaving emergency mode', () => {
  it('stays on until the backlog is ≤ congestionBacklog/4 with enough available provers, then leaves after the proof', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice)
    await pool.stake(bob)
    const ids = await pool.proposeBlocks(7) // the 7th enters emergency mode
    expect(await pool.protocol.read.isEmergency()).toBe(true)
    const changes: { backlog: bigint; events: unknown[] }[] = []
    for (const id of ids.slice(0, 6)) {
      const { receipt } = await proveInWindow(id)
      changes.push({
        backlog: await pool.protocol.read.backlog(),
        events: pool.events(receipt, 'EmergencyModeChanged'),
      })
    }
    expect(changes.map((c) => c.backlog)).toEqual([6n, 5n, 4n, 3n, 2n, 1n])
    expect(changes.slice(0, 5).every((c) => c.events.length === 0)).toBe(true)
    expect(changes[5]!.events).toEqual([{ active: false, reason: Reason.None }])
    expect(await pool.protocol.read.isEmergency()).toBe(false)
    expect(await pool.protocol.read.emergencyReason()).toBe(Reason.None)
    // Off again: the next block gets a prover.
    expect((await pool.proposeBlock()).block.open).toBe(false)
  })

  it('stays on with an empty backlog while too few provers are available', async () => {
    const { receipt } = await enterByProverFailure()
    expect(pool.events(receipt, 'EmergencyModeChanged')).toHaveLength(1)
    expect(await pool.protocol.read.backlog()).toBe(0n)
    expect(await pool.protocol.read.isEmergency()).toBe(true)
    const { blockId } = await pool.proposeBlock()
    const proof = await pool.prove(pool.accounts.heidi, blockId)
    expect(pool.events(proof.receipt, 'EmergencyModeChanged')).toEqual([])
    expect(await pool.protocol.read.isEmergency()).toBe(true)
  })

  it('leaves on a proposal once enough provers are available, and that block gets a prover', async () => {
    await enterByProverFailure()
    await pool.stake(pool.accounts.carol)
    const { receipt, block } = await pool.proposeBlock()
    expect(pool.events(receipt, 'EmergencyModeChanged')).toEqual([{ active: false, reason: Reason.None }])
    expect(block.open).toBe(false)
    expect(await pool.protocol.read.isEmergency()).toBe(false)
  })
})
