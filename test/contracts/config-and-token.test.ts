import { describe, expect, it } from 'vitest'
import { BlockProtocol } from '@/contracts-abi/BlockProtocol'
import type { PoolConfig } from '@/lib/pool-math/config'
import { setupPool } from '../support'
import { MAX_UINT32, TKO } from '../support/expected'

const pool = setupPool()

/** `Config`'s fields in struct order, from the ABI (`config()`'s return tuple). */
const configFields: string[] = (() => {
  const fn = BlockProtocol.abi.find((item) => item.type === 'function' && item.name === 'config')
  const output = fn && 'outputs' in fn ? fn.outputs[0] : undefined
  if (!output || !('components' in output)) throw new Error('config() has no tuple output')
  return output.components.map((c) => c.name)
})()

describe('config', () => {
  it('returns the deployed config field by field', async () => {
    expect(await pool.protocol.read.config()).toEqual(pool.config)
  })

  it('goes through scheduleConfig and applyConfig (no delay in this deployment), with both events', async () => {
    const { owner, alice } = pool.accounts
    const next: PoolConfig = { ...pool.config, maxOpenBlocks: 3n, exitDelay: 600n, slashBps: 250n }
    const scheduled = await pool.send(pool.protocol.write.scheduleConfig([next], { account: owner }))
    const at = await pool.timestampOf(scheduled)
    expect(pool.events(scheduled, 'ConfigScheduled')).toEqual([{ config: next, activatesAt: at }])
    expect(await pool.protocol.read.config()).toEqual(pool.config) // not before applyConfig
    const applied = await pool.send(pool.protocol.write.applyConfig({ account: alice }))
    expect(pool.events(applied, 'ConfigUpdated')).toEqual([{ version: 2n, config: next }])
    expect(await pool.protocol.read.config()).toEqual(next)
    expect(await pool.protocol.read.configVersion()).toBe(2n)
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

  it('has no updateConfig any more: scheduling is owner-only', async () => {
    const { alice } = pool.accounts
    const names = BlockProtocol.abi.map((item) => ('name' in item ? item.name : ''))
    expect(names).toContain('scheduleConfig')
    expect(names).not.toContain('updateConfig')
    await pool.expectRevert(
      pool.protocol.write.scheduleConfig([pool.config], { account: alice }),
      'OwnableUnauthorizedAccount',
      [alice],
    )
  })

  // [field, change, value, min, max]; the field's index is its position in the ABI's `Config` tuple.
  const invalid: [string, Partial<PoolConfig>, bigint, bigint, bigint][] = [
    ['maxActiveProvers', { maxActiveProvers: 0n }, 0n, 1n, 32n],
    ['maxActiveProvers', { maxActiveProvers: 33n }, 33n, 1n, 32n],
    ['rewardFloorBps', { rewardFloorBps: 10_001n, rewardCapBps: 10_002n }, 10_001n, 5_000n, 10_000n],
    ['rewardFloorBps', { rewardFloorBps: 4_999n }, 4_999n, 5_000n, 10_000n],
    ['rewardCapBps', { rewardCapBps: 9_000n }, 9_000n, 9_500n, 20_000n],
    ['rewardRangeMaxBps', { rewardRangeMaxBps: 4_000n }, 4_000n, 5_000n, 40_000n],
    ['openRewardBps', { openRewardBps: 20_001n }, 20_001n, 0n, 20_000n],
    ['feeSmoothing', { feeSmoothing: 0n }, 0n, 1n, MAX_UINT32],
    ['delaySmoothing', { delaySmoothing: 0n }, 0n, 1n, MAX_UINT32],
    ['minProofWindow', { minProofWindow: 200n, maxProofWindow: 100n }, 200n, 1n, 100n],
    ['minProofWindow', { minProofWindow: 0n }, 0n, 1n, 180n],
    ['slashBps', { slashBps: 1_001n }, 1_001n, 0n, 1_000n],
    ['slashBps', { slashBps: 10_000n }, 10_000n, 0n, 1_000n],
    ['minSlashRewardMultiple', { minSlashRewardMultiple: 17n }, 17n, 0n, 16n],
    ['exitDelay', { exitDelay: 179n }, 179n, 180n, 30n * 86_400n],
    ['maxExitsPerDay', { maxExitsPerDay: 0n }, 0n, 1n, MAX_UINT32],
    ['baseMinCapacity', { baseMinCapacity: 256n }, 256n, 0n, 255n],
    ['targetBacklog', { targetBacklog: 0n }, 0n, 1n, 2n ** 24n - 1n],
    ['perfBonusFastBps', { perfBonusFastBps: 5_001n }, 5_001n, 0n, 5_000n],
    ['perfBonusBps', { perfBonusBps: 65_535n }, 65_535n, 0n, 5_000n],
    ['stabilizationBonusBps', { stabilizationBonusBps: 5_001n }, 5_001n, 0n, 5_000n],
    ['congestionBacklog', { congestionBacklog: 0n }, 0n, 1n, MAX_UINT32],
    ['minAvailableProvers', { minAvailableProvers: 33n }, 33n, 0n, 32n],
    ['batchDivisor', { batchDivisor: 0n }, 0n, 1n, MAX_UINT32],
    ['maxBatchSize', { maxBatchSize: 1n }, 1n, 2n, 64n],
    ['minGasPerBlock', { minGasPerBlock: 0n }, 0n, 1n, MAX_UINT32],
    ['configDelay', { configDelay: 2n ** 32n }, 2n ** 32n, 0n, MAX_UINT32],
  ]
  for (const [field, change, value, min, max] of invalid) {
    it(`rejects ${JSON.stringify(change, (_, v) => (typeof v === 'bigint' ? Number(v) : v))} with ProverPoolConfigInvalid(${field}, ${value}, ${min}, ${max})`, async () => {
      const index = configFields.indexOf(field)
      expect(index).toBeGreaterThanOrEqual(0)
      await pool.expectRevert(
        pool.protocol.write.scheduleConfig([{ ...pool.config, ...change }], { account: pool.accounts.owner }),
        'ProverPoolConfigInvalid',
        [BigInt(index), value, min, max],
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
