import { describe, expect, it } from 'vitest'
import { DEFAULT_STAKE, setupPool } from '../support'
import { healthBps, TKO } from '../support/expected'

const pool = setupPool()

const Status = { None: 0, Active: 1, Exiting: 2, Evicted: 3 } as const

describe('ProverPoolLens.getPool', () => {
  it('returns the pool state in one call, equal to the core’s views', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    await pool.proposeBlocks(2)
    const latest = await pool.publicClient.getBlock()
    const view = await pool.lens.read.getPool([pool.addresses.protocol])
    const p = pool.protocol.read
    expect(view).toMatchObject({
      config: await p.config(),
      token: pool.addresses.token,
      chainBlockNumber: latest.number,
      chainTimestamp: latest.timestamp,
      feePerGas: await p.feePerGas(),
      avgProofDelayMs: await p.avgProofDelayMs(),
      proofWindow: await p.currentProofWindow(),
      backlog: 2n,
      openBlocks: 0n,
      nextBlockId: 3n,
      emergency: false,
      emergencyReason: 0,
      batchSize: await p.currentBatchSize(),
      minStake: await p.currentMinStake(),
      minCapacity: await p.currentMinCapacity(),
      activeProvers: 1n,
      totalStaked: DEFAULT_STAKE,
      treasury: await p.treasury(),
      exitsToday: 0n,
    })
  })

  it('lists active provers in slot order, then exiting and evicted ones, with weights equal to weights()', async () => {
    const { alice, bob, carol, dave, erin, frank } = pool.accounts
    for (const prover of [alice, bob, carol, dave]) await pool.stake(prover)
    await pool.send(pool.protocol.write.requestExit({ account: bob })) // exiting
    await pool.stake(erin, { amount: 3_000n * TKO }) // takes bob's free slot 2
    await pool.stake(frank, { amount: 3_000n * TKO }) // full: evicts alice (tie → lowest slot)
    const view = await pool.lens.read.getPool([pool.addresses.protocol])
    const weights = await pool.protocol.read.weights()
    expect(view.provers.map((r) => [r.prover, r.status, r.slot])).toEqual([
      [frank, Status.Active, 1n],
      [erin, Status.Active, 2n],
      [carol, Status.Active, 3n],
      [dave, Status.Active, 4n],
      [alice, Status.Evicted, 0n],
      [bob, Status.Exiting, 0n],
    ])
    for (const row of view.provers) {
      expect(row.weight, row.prover).toBe(row.slot === 0n ? 0n : weights[Number(row.slot) - 1])
    }
    expect(view.activeProvers).toBe(4n)
  })

  it('shows each prover’s stake, capacities, health, exit and rewards as getStaker does', async () => {
    const { alice, bob } = pool.accounts
    await pool.updateConfig({ minAvailableProvers: 0n })
    await pool.stake(alice)
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(block.proposedAt + block.proofWindow + 1n)
    await pool.prove(bob, blockId) // alice slashed 20 TKO
    await pool.proposeBlock() // alice holds one block
    const view = await pool.lens.read.getPool([pool.addresses.protocol])
    const info = await pool.protocol.read.getStaker([alice])
    const [row] = view.provers
    expect(row).toEqual({
      prover: alice,
      status: Status.Active,
      slot: 1n,
      stake: info.stake,
      rewardPerGas: info.rewardPerGas,
      currentCapacity: info.currentCapacity,
      maxCapacity: info.maxCapacity,
      weight: (await pool.protocol.read.weights())[0],
      healthBps: healthBps(info.deposited, info.slashed),
      deposited: info.deposited,
      slashed: info.slashed,
      exitAmount: info.exitAmount,
      exitUnlocksAt: info.exitUnlocksAt,
      unclaimedRewards: info.rewards,
      lastRewardChangeAt: info.lastRewardChangeAt,
      lastCapacityChangeAt: info.lastCapacityChangeAt,
    })
    expect(row!.healthBps).toBe(9_900n) // 1 % slashed
    expect(row!.currentCapacity).toBe(7n)
  })

  it('reports emergency mode, its reason and the forced batch size', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice)
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(block.proposedAt + block.proofWindow + 1n)
    await pool.prove(bob, blockId) // one prover only: prover failure
    const view = await pool.lens.read.getPool([pool.addresses.protocol])
    expect(view).toMatchObject({ emergency: true, emergencyReason: 2, batchSize: 2n })
  })

  it('drops a prover that withdrew everything', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const receipt = await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.setNextTimestamp((await pool.timestampOf(receipt)) + pool.config.exitDelay)
    await pool.send(pool.protocol.write.withdraw({ account: alice }))
    expect((await pool.lens.read.getPool([pool.addresses.protocol])).provers).toEqual([])
  })
})
