import { describe, expect, it } from 'vitest'
import { DEFAULT_CAPACITY, DEFAULT_STAKE, setupPool } from '../support'
import { TKO, weight } from '../support/expected'

// testConfig: 4 active slots.
const pool = setupPool()

const Status = { None: 0, Active: 1, Exiting: 2, Evicted: 3 } as const

describe('eviction when the active list is full', () => {
  it('evicts the lowest standing weight into the exit queue when a strictly better one stakes', async () => {
    const { alice, bob, carol, dave, erin } = pool.accounts
    const F = pool.initialFeePerGas
    // Same stake; the highest R weighs least (weight ∝ 1/R²).
    await pool.stake(alice, { rewardPerGas: F })
    await pool.stake(bob, { rewardPerGas: (F * 12n) / 10n })
    await pool.stake(carol, { rewardPerGas: (F * 11n) / 10n })
    await pool.stake(dave, { rewardPerGas: F })
    const exitsBefore = await pool.protocol.read.exitsToday()

    const receipt = await pool.stake(erin, { rewardPerGas: F })
    const now = await pool.timestampOf(receipt)
    expect(pool.events(receipt, 'Evicted')).toEqual([
      { prover: bob, by: erin, amount: DEFAULT_STAKE, unlocksAt: now + pool.config.exitDelay },
    ])
    expect(await pool.protocol.read.getStaker([bob])).toMatchObject({
      status: Status.Evicted,
      slot: 0n,
      stake: 0n,
      exitAmount: DEFAULT_STAKE,
      exitUnlocksAt: now + pool.config.exitDelay,
    })
    expect((await pool.protocol.read.getStaker([erin])).slot).toBe(2n) // bob's slot
    expect((await pool.protocol.read.slotOwners()).slice(0, 4)).toEqual([alice, erin, carol, dave])
    // An eviction is not a voluntary exit.
    expect(await pool.protocol.read.exitsToday()).toBe(exitsBefore)
  })

  it('evicts the lowest slot index first when weights tie', async () => {
    const { alice, bob, carol, dave, erin } = pool.accounts
    for (const prover of [alice, bob, carol, dave]) await pool.stake(prover)
    const receipt = await pool.stake(erin, { amount: DEFAULT_STAKE + TKO })
    expect(pool.events(receipt, 'Evicted').map((e) => e.prover)).toEqual([alice])
    expect((await pool.protocol.read.getStaker([erin])).slot).toBe(1n)
  })

  it('rejects a newcomer whose weight only equals the lowest with ProverPoolWeightTooLow(weight, lowest)', async () => {
    const { alice, bob, carol, dave, erin } = pool.accounts
    for (const prover of [alice, bob, carol, dave]) await pool.stake(prover)
    const w = weight(
      pool.config,
      DEFAULT_STAKE,
      pool.initialFeePerGas,
      DEFAULT_CAPACITY,
      pool.initialFeePerGas,
    )
    await pool.expectRevert(
      pool.protocol.write.stake([DEFAULT_STAKE, pool.initialFeePerGas, DEFAULT_CAPACITY], { account: erin }),
      'ProverPoolWeightTooLow',
      [w, w],
    )
  })

  it('says by how much a newcomer falls short: both its weight and the lowest weight', async () => {
    const { alice, bob, carol, dave, erin } = pool.accounts
    const F = pool.initialFeePerGas
    for (const prover of [alice, bob, carol, dave]) await pool.stake(prover, { amount: 3_000n * TKO })
    const amount = 2_500n * TKO
    const r = (F * 11n) / 10n
    const newWeight = weight(pool.config, amount, r, DEFAULT_CAPACITY, F)
    const lowest = weight(pool.config, 3_000n * TKO, F, DEFAULT_CAPACITY, F)
    expect(newWeight).toBeLessThan(lowest)
    const error = await pool.expectRevert(
      pool.protocol.write.stake([amount, r, DEFAULT_CAPACITY], { account: erin }),
      'ProverPoolWeightTooLow',
      [newWeight, lowest],
    )
    expect(error.args).toEqual(await pool.protocol.read.weights().then((w) => [newWeight, w[0]]))
  })

  it('compares whole TKO only: a fractional extra stake does not beat an equal whole stake', async () => {
    const { alice, bob, carol, dave, erin } = pool.accounts
    for (const prover of [alice, bob, carol, dave]) await pool.stake(prover)
    const amount = DEFAULT_STAKE + TKO - 1n
    await pool.expectRevert(
      pool.protocol.write.stake([amount, pool.initialFeePerGas, DEFAULT_CAPACITY], { account: erin }),
      'ProverPoolWeightTooLow',
    )
  })

  it('bidding below the pay floor buys no extra weight', async () => {
    const { alice, bob, carol, dave, erin } = pool.accounts
    const F = pool.initialFeePerGas
    const floor = (F * pool.config.rewardFloorBps) / 10_000n
    for (const prover of [alice, bob, carol, dave]) await pool.stake(prover, { rewardPerGas: floor })
    // R = F/2 is allowed but weighs like R = 0.95F: a tie, not a win.
    await pool.expectRevert(
      pool.protocol.write.stake([DEFAULT_STAKE, F / 2n, DEFAULT_CAPACITY], { account: erin }),
      'ProverPoolWeightTooLow',
    )
  })

  it('Revision 2.3: compares an ineligible prover by its standing weight, not its momentary 0', async () => {
    const { alice, bob, carol, dave, erin } = pool.accounts
    const F = pool.initialFeePerGas
    await pool.stake(alice)
    await pool.stake(bob, { amount: 600n * TKO }) // eligible at backlog 0 (min 500 TKO)
    await pool.stake(carol)
    await pool.stake(dave)
    await pool.proposeBlocks(2) // minStake(2) = 1000·10/16 = 625 TKO: bob weighs 0 for the next block
    expect((await pool.protocol.read.weights())[1]).toBe(0n)
    const bobStanding = weight(pool.config, 600n * TKO, F, DEFAULT_CAPACITY, F)
    // 700 TKO at R = 1.1 F weighs 700/1.21 ≈ 578.5 TKO-units: less than bob's standing 600.
    const r = (F * 11n) / 10n
    const erinWeight = weight(pool.config, 700n * TKO, r, DEFAULT_CAPACITY, F)
    expect(erinWeight).toBeLessThan(bobStanding)
    await pool.expectRevert(
      pool.protocol.write.stake([700n * TKO, r, DEFAULT_CAPACITY], { account: erin }),
      'ProverPoolWeightTooLow',
      [erinWeight, bobStanding],
    )
    // At R = F it weighs 700 and evicts bob, the lowest standing weight.
    const receipt = await pool.stake(erin, { amount: 700n * TKO })
    expect(pool.events(receipt, 'Evicted').map((e) => e.prover)).toEqual([bob])
  })

  it('Revision 2.3: a prover with every capacity unit in use keeps its slot against a smaller newcomer', async () => {
    const { alice, bob, carol, dave, erin } = pool.accounts
    await pool.stake(alice, { capacity: 1n }) // alone: the next block is hers
    expect((await pool.proposeBlock()).block.assignedProver).toBe(alice)
    for (const prover of [bob, carol, dave]) await pool.stake(prover, { amount: 3_000n * TKO })
    expect((await pool.protocol.read.weights())[0]).toBe(0n) // busy: no capacity left
    const F = pool.initialFeePerGas
    const standing = weight(pool.config, DEFAULT_STAKE, F, 1n, F)
    const smaller = 1_500n * TKO
    await pool.expectRevert(
      pool.protocol.write.stake([smaller, F, DEFAULT_CAPACITY], { account: erin }),
      'ProverPoolWeightTooLow',
      [weight(pool.config, smaller, F, DEFAULT_CAPACITY, F), standing],
    )
    // A tie keeps the incumbent too.
    await pool.expectRevert(
      pool.protocol.write.stake([DEFAULT_STAKE, F, DEFAULT_CAPACITY], { account: erin }),
      'ProverPoolWeightTooLow',
      [standing, standing],
    )
    const receipt = await pool.stake(erin, { amount: DEFAULT_STAKE + TKO })
    expect(pool.events(receipt, 'Evicted').map((e) => e.prover)).toEqual([alice])
  })

  it('lets an evicted prover withdraw after the exit delay', async () => {
    const { alice, bob, carol, dave, erin } = pool.accounts
    for (const prover of [alice, bob, carol, dave]) await pool.stake(prover)
    await pool.stake(erin, { amount: 3_000n * TKO })
    const { exitUnlocksAt } = await pool.protocol.read.getStaker([alice])
    await pool.setNextTimestamp(exitUnlocksAt - 1n)
    await pool.expectRevert(pool.protocol.write.withdraw({ account: alice }), 'ProverPoolExitLocked', [
      exitUnlocksAt,
      exitUnlocksAt - 1n,
    ])
    const before = await pool.token.read.balanceOf([alice])
    await pool.setNextTimestamp(exitUnlocksAt)
    await pool.send(pool.protocol.write.withdraw({ account: alice }))
    expect(await pool.token.read.balanceOf([alice])).toBe(before + DEFAULT_STAKE)
  })
})
