import { describe, expect, it } from 'vitest'
import { setupPool } from '../support'
import { minCapacity, minStake, TKO } from '../support/expected'

// minStake(b) = clamp(1000·(8+b)/16, 500, 2000) TKO; minCapacity(b) = max(1, clamp(2·(8+b)/16, 1, 4)).
// Open blocks raise the backlog without touching any prover; no emergency mode in this file.
const pool = setupPool({ config: { congestionBacklog: 60n, maxOpenBlocks: 60n } })

describe('dynamic minimums', () => {
  it('follow the backlog: low demand lowers the bar, high demand raises it, within [base/2, 2·base]', async () => {
    const seen: { backlog: bigint; stake: bigint; capacity: bigint }[] = []
    for (const target of [0n, 1n, 2n, 8n, 9n, 16n, 24n, 25n, 40n]) {
      const backlog = await pool.protocol.read.backlog()
      await pool.proposeBlocks(Number(target - backlog))
      seen.push({
        backlog: target,
        stake: await pool.protocol.read.currentMinStake(),
        capacity: await pool.protocol.read.currentMinCapacity(),
      })
    }
    expect(seen).toEqual(
      seen.map(({ backlog }) => ({
        backlog,
        stake: minStake(pool.config, backlog),
        capacity: minCapacity(pool.config, backlog),
      })),
    )
    expect(seen[0]).toMatchObject({ stake: 500n * TKO, capacity: 1n })
    expect(seen[2]!.stake).toBe(625n * TKO)
    expect(seen[3]).toMatchObject({ stake: 1_000n * TKO, capacity: 2n })
    expect(seen[7]).toMatchObject({ stake: 2_000n * TKO, capacity: 4n }) // clamped at 2·base
  })

  it('a prover below the minimum stake at the current backlog weighs 0 and gets no blocks', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice, { amount: 600n * TKO, capacity: 8n })
    await pool.stake(bob, { amount: 2_000n * TKO, capacity: 8n })
    expect((await pool.protocol.read.weights())[0]).toBeGreaterThan(0n)
    await pool.send(pool.protocol.write.requestExit({ account: bob }))
    await pool.proposeBlocks(2) // alice's blocks: backlog 2, minStake 625 TKO
    expect((await pool.protocol.read.weights())[0]).toBe(0n)
    expect((await pool.proposeBlock()).block.open).toBe(true)
  })

  it('a prover whose stated capacity is below the minimum capacity weighs 0, even with capacity left', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice, { capacity: 1n })
    expect((await pool.protocol.read.weights())[0]).toBeGreaterThan(0n)
    await pool.updateConfig({ baseMinCapacity: 4n }) // minCapacity(0) = 2
    expect((await pool.protocol.read.getStaker([alice])).currentCapacity).toBe(1n)
    expect((await pool.protocol.read.weights())[0]).toBe(0n)
    expect(await pool.protocol.read.availableProvers()).toBe(0n)
    expect((await pool.proposeBlock()).block.open).toBe(true)
  })

  it('a newcomer must meet the minimums at the current backlog', async () => {
    const { alice } = pool.accounts
    await pool.proposeBlocks(8) // minStake 1000 TKO, minCapacity 2
    await pool.expectRevert(
      pool.protocol.write.stake([999n * TKO, pool.initialFeePerGas, 4n], { account: alice }),
      'ProverPoolStakeTooLow',
      [999n * TKO, 1_000n * TKO],
    )
    await pool.expectRevert(
      pool.protocol.write.stake([1_000n * TKO, pool.initialFeePerGas, 1n], { account: alice }),
      'ProverPoolCapacityOutOfRange',
      [1n, 2n, 255n],
    )
    await pool.stake(alice, { amount: 1_000n * TKO, capacity: 2n })
  })
})
