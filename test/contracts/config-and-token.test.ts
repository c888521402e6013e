import { describe, expect, it } from 'vitest'
import type { PoolConfig } from '@/lib/pool-math/config'
import { setupPool } from '../support'
import { TKO } from '../support/expected'

const pool = setupPool()

describe('config', () => {
  it('returns the deployed config field by field', async () => {
    expect(await pool.protocol.read.config()).toEqual(pool.config)
  })

  it('lets the owner update it, with ConfigUpdated', async () => {
    const next: PoolConfig = { ...pool.config, maxOpenBlocks: 3n, exitDelay: 600n, slashBps: 250n }
    const receipt = await pool.send(
      pool.protocol.write.updateConfig([next], { account: pool.accounts.owner }),
    )
    expect(pool.events(receipt, 'ConfigUpdated')).toEqual([{ config: next }])
    expect(await pool.protocol.read.config()).toEqual(next)
  })

  it('takes effect for the next action', async () => {
    const { alice } = pool.accounts
    await pool.updateConfig({ exitDelay: 1_000n })
    await pool.stake(alice)
    const receipt = await pool.send(pool.protocol.write.requestExit({ account: alice }))
    expect((await pool.protocol.read.getStaker([alice])).exitUnlocksAt).toBe(
      (await pool.timestampOf(receipt)) + 1_000n,
    )
  })

  it('is owner-only', async () => {
    const { alice } = pool.accounts
    await pool.expectRevert(
      pool.protocol.write.updateConfig([pool.config], { account: alice }),
      'OwnableUnauthorizedAccount',
      [alice],
    )
  })

  const invalid: [string, Partial<PoolConfig>][] = [
    ['maxActiveProvers', { maxActiveProvers: 0n }],
    ['maxActiveProvers', { maxActiveProvers: 33n }],
    ['rewardFloorBps', { rewardFloorBps: 10_001n, rewardCapBps: 10_002n }],
    ['rewardCapBps', { rewardCapBps: 9_000n }],
    ['rewardRangeMaxBps', { rewardRangeMaxBps: 4_000n }],
    ['feeSmoothing', { feeSmoothing: 0n }],
    ['delaySmoothing', { delaySmoothing: 0n }],
    ['minProofWindow', { minProofWindow: 200n, maxProofWindow: 100n }],
    ['slashBps', { slashBps: 10_001n }],
    ['maxExitsPerDay', { maxExitsPerDay: 0n }],
    ['targetBacklog', { targetBacklog: 0n }],
    ['congestionBacklog', { congestionBacklog: 0n }],
    ['minAvailableProvers', { minAvailableProvers: 33n }],
    ['batchDivisor', { batchDivisor: 0n }],
    ['maxBatchSize', { maxBatchSize: 1n }],
    ['baseMinCapacity', { baseMinCapacity: 256n }],
  ]
  for (const [field, change] of invalid) {
    it(`rejects ${JSON.stringify(change, (_, v) => (typeof v === 'bigint' ? Number(v) : v))} with ProverPoolConfigInvalid("${field}")`, async () => {
      await pool.expectRevert(
        pool.protocol.write.updateConfig([{ ...pool.config, ...change }], { account: pool.accounts.owner }),
        'ProverPoolConfigInvalid',
        [field],
      )
    })
  }
})

describe('TaikoToken', () => {
  it('is an 18-decimal ERC-20 named TKO', async () => {
    expect(await pool.token.read.decimals()).toBe(18)
    expect(await pool.token.read.symbol()).toBe('TKO')
  })

  it('lets the owner mint', async () => {
    const { owner, heidi } = pool.accounts
    const before = await pool.token.read.balanceOf([heidi])
    await pool.send(pool.token.write.mint([heidi, 5n * TKO], { account: owner }))
    expect(await pool.token.read.balanceOf([heidi])).toBe(before + 5n * TKO)
  })

  it('lets nobody else mint', async () => {
    const { alice } = pool.accounts
    await pool.expectRevert(
      pool.token.write.mint([alice, TKO], { account: alice }),
      'OwnableUnauthorizedAccount',
      [alice],
    )
  })
})
