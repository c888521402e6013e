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
      totalQueued: 0n,
      treasury: await p.treasury(),
      totalOwed: 0n,
      exitsToday: 0n,
      stakerCount: 1n,
      configVersion: 1n,
      pendingConfigAt: 0n,
      owner: pool.accounts.owner,
    })
  })

  it('lists the active provers only, in slot order, with weights equal to weights()', async () => {
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
    ])
    for (const row of view.provers) expect(row.weight, row.prover).toBe(weights[Number(row.slot) - 1])
    expect(view).toMatchObject({
      activeProvers: 4n,
      stakerCount: 6n,
      totalQueued: 2n * DEFAULT_STAKE, // alice's and bob's, though neither is listed
    })
  })

  it('pages through every staker ever seen with getStakers(offset, limit), weights 0', async () => {
    const { alice, bob, carol, dave, erin, frank } = pool.accounts
    for (const prover of [alice, bob, carol, dave]) await pool.stake(prover)
    await pool.send(pool.protocol.write.requestExit({ account: bob }))
    await pool.stake(erin, { amount: 3_000n * TKO })
    await pool.stake(frank, { amount: 3_000n * TKO }) // evicts alice
    const core = pool.addresses.protocol
    const [rows, total] = await pool.lens.read.getStakers([core, 0n, 100n])
    expect(total).toBe(6n)
    expect(rows.map((r) => [r.prover, r.status, r.slot, r.weight])).toEqual([
      [alice, Status.Evicted, 0n, 0n],
      [bob, Status.Exiting, 0n, 0n],
      [carol, Status.Active, 3n, 0n],
      [dave, Status.Active, 4n, 0n],
      [erin, Status.Active, 2n, 0n],
      [frank, Status.Active, 1n, 0n],
    ])
    expect(rows[0]).toMatchObject({ stake: 0n, exitAmount: DEFAULT_STAKE })
    const page = async (offset: bigint, limit: bigint) => {
      const [r, t] = await pool.lens.read.getStakers([core, offset, limit])
      return [r.map((x) => x.prover), t]
    }
    expect(await page(1n, 2n)).toEqual([[bob, carol], 6n])
    expect(await page(5n, 2n)).toEqual([[frank], 6n])
    expect(await page(6n, 2n)).toEqual([[], 6n])
    expect(await page(100n, 2n)).toEqual([[], 6n])
    expect(await page(0n, 0n)).toEqual([[], 6n])
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
      outstandingBlocks: 1n,
      weight: (await pool.protocol.read.weights())[0],
      healthBps: healthBps(info.deposited, info.slashed),
      deposited: info.deposited,
      slashed: info.slashed,
      exitAmount: info.exitAmount,
      exitUnlocksAt: info.exitUnlocksAt,
      unclaimedRewards: info.rewards,
      owedRewards: info.owedRewards,
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
