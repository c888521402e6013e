/**
 * The adversarial review of issue 9, one `describe` per finding, each written as the attack it was and
 * now failing: the attacker gets nothing, with the numbers. Each finding has its own deployment.
 * The fuzzed invariants over random command sequences are in attacks-invariants.test.ts.
 */
import { decodeErrorResult, encodeDeployData, type Hex, keccak256, toHex } from 'viem'
import { describe, expect, it } from 'vitest'
import { BlockProtocol } from '@/contracts-abi/BlockProtocol'
import { defaultConfig, type PoolConfig } from '@/lib/pool-math/config'
import { setupPool } from '../support'
import {
  BPS,
  MAX_UINT32,
  MAX_UINT64,
  maxSlashAmount,
  nextFeePerGas,
  proofReward,
  slashAmount,
  TKO,
  weight,
} from '../support/expected'

const WEEK = 7n * 86_400n
const commitment: Hex = keccak256(toHex('an attacker block'))

describe('attack: the owner takes every stake with one config change', () => {
  // Like production: a week's delay. Enough exits per day for every prover, no emergency in the way.
  const pool = setupPool({
    config: {
      configDelay: WEEK,
      maxExitsPerDay: 8n,
      congestionBacklog: 1_000n,
      maxOpenBlocks: 64n,
      minAvailableProvers: 0n,
    },
  })
  const STAKE = 40_000n * TKO // 4 × 40,000 = the 160,000 TKO the v1 attack took

  /** The worst config the hard bounds allow: 10 % slash, ×16, 2 × open reward, 50 % bonuses. */
  const harsh = (): PoolConfig => ({
    ...pool.config,
    slashBps: 1_000n,
    minSlashRewardMultiple: 16n,
    openRewardBps: 20_000n,
    perfBonusFastBps: 5_000n,
    perfBonusBps: 5_000n,
    stabilizationBonusBps: 5_000n,
  })

  async function fourProvers() {
    const provers = [pool.accounts.alice, pool.accounts.bob, pool.accounts.carol, pool.accounts.dave]
    for (const p of provers) await pool.stake(p, { amount: STAKE })
    return provers
  }

  it('a 100 % slash, bonuses of 65,535 bps and an open reward of 6.5 × are refused by the hard bounds', async () => {
    const { owner } = pool.accounts
    const refused: [Partial<PoolConfig>, bigint, bigint, bigint][] = [
      [{ slashBps: 10_000n }, 11n, 0n, 1_000n],
      [{ minSlashRewardMultiple: 255n }, 12n, 0n, 16n],
      [{ openRewardBps: 65_535n }, 5n, 0n, 20_000n],
      [{ perfBonusFastBps: 65_535n }, 20n, 0n, 5_000n],
      [{ perfBonusBps: 65_535n }, 21n, 0n, 5_000n],
      [{ stabilizationBonusBps: 65_535n }, 22n, 0n, 5_000n],
      [{ exitDelay: 0n }, 14n, pool.config.maxProofWindow, 30n * 86_400n], // no escape hatch removed either
    ]
    for (const [change, field, min, max] of refused) {
      const value = Object.values(change)[0]!
      await pool.expectRevert(
        pool.protocol.write.scheduleConfig([{ ...pool.config, ...change }], { account: owner }),
        'ProverPoolConfigInvalid',
        [field, value, min, max],
      )
    }
    // The most one late block can ever take from a 40,000 TKO stake: 10 %, never all of it.
    const base = pool.initialFeePerGas * pool.config.minGasPerBlock
    expect(maxSlashAmount(STAKE, base)).toBe(4_000n * TKO)
  })

  it('the harshest bounded config waits a week and never reaches the blocks already proposed', async () => {
    const { owner } = pool.accounts
    const provers = await fourProvers()
    // The v1 attack: 24 proposals, proven late after the config change. Here they are proposed first …
    const blocks = []
    for (let i = 0; i < 24; i++) blocks.push(await pool.proposeBlock({ gasUsed: pool.config.minGasPerBlock }))
    expect(blocks.every((b) => !b.block.open && b.block.configVersion === 1n)).toBe(true)
    const scheduled = await pool.send(pool.protocol.write.scheduleConfig([harsh()], { account: owner }))
    const activatesAt = (await pool.timestampOf(scheduled)) + WEEK
    // … and the owner cannot apply it early.
    await pool.setNextTimestamp(activatesAt - 1n)
    await pool.expectRevert(
      pool.protocol.write.applyConfig({ account: owner }),
      'BlockProtocolConfigNotDue',
      [activatesAt, activatesAt - 1n],
    )
    await pool.setNextTimestamp(activatesAt)
    await pool.send(pool.protocol.write.applyConfig({ account: owner }))
    expect(await pool.protocol.read.configVersion()).toBe(2n)

    // A week later every block is late: the owner proves them all and collects the slashes' worth.
    const stakes = new Map(provers.map((p) => [p, STAKE]))
    let slashed = 0n
    let ownerRewards = 0n
    for (const { blockId, block } of blocks) {
      const { receipt, proven } = await pool.prove(owner, blockId)
      const [slash] = pool.events(receipt, 'Slashed')
      const before = stakes.get(block.assignedProver)!
      const base = block.rewardPerGas * block.gasUsed
      // Version 1's rate (1 % of the stake), not version 2's 10 %.
      expect(slash!.amount).toBe(slashAmount(pool.config, before, base))
      expect(slash!.amount).toBeLessThan(slashAmount(harsh(), before, base))
      stakes.set(block.assignedProver, before - slash!.amount)
      slashed += slash!.amount
      // And version 1's late reward (1.5 ×), not version 2's 2 × plus bonuses.
      expect(proven[0]!.reward).toBe((base * 15_000n) / BPS)
      ownerRewards += proven[0]!.reward
    }
    const left = provers.reduce((s, p) => s + stakes.get(p)!, 0n)
    expect(await pool.protocol.read.totalStaked()).toBe(left)
    // v1: 160,000 TKO to 0. v2: at most 1 % per late block of the stake it hits (24 × 400 TKO).
    expect(slashed).toBeLessThanOrEqual(24n * 400n * TKO)
    expect(left).toBeGreaterThanOrEqual(160_000n * TKO - 24n * 400n * TKO)
    expect(ownerRewards).toBe(
      blocks.reduce((s, b) => s + (b.block.rewardPerGas * b.block.gasUsed * 3n) / 2n, 0n),
    )
  })

  it('provers who see ConfigScheduled exit and withdraw before it applies: every stake survives', async () => {
    const { owner } = pool.accounts
    const provers = await fourProvers()
    const balances = await Promise.all(provers.map((p) => pool.token.read.balanceOf([p])))
    const treasury = await pool.protocol.read.treasury()
    const scheduled = await pool.send(pool.protocol.write.scheduleConfig([harsh()], { account: owner }))
    const activatesAt = (await pool.timestampOf(scheduled)) + WEEK
    for (const p of provers) await pool.send(pool.protocol.write.requestExit({ account: p }))
    const { exitUnlocksAt } = await pool.protocol.read.getStaker([provers[3]!])
    expect(exitUnlocksAt).toBeLessThan(activatesAt) // 300 s of exit delay against a week
    await pool.setNextTimestamp(exitUnlocksAt)
    for (const p of provers) await pool.send(pool.protocol.write.withdraw({ account: p }))
    const after = await Promise.all(provers.map((p) => pool.token.read.balanceOf([p])))
    expect(after).toEqual(balances.map((b) => b + STAKE)) // 160,000 TKO back, to the wei
    await pool.setNextTimestamp(activatesAt)
    await pool.send(pool.protocol.write.applyConfig({ account: owner }))
    expect(await pool.protocol.read.totalStaked()).toBe(0n)
    expect(await pool.protocol.read.totalQueued()).toBe(0n)
    expect(await pool.protocol.read.treasury()).toBe(treasury) // the owner gained nothing
  })
})

describe('attack: junk blocks jam every prover for ~F wei each', () => {
  // Four provers of capacity 8 and 10 open blocks: the capacity, not emergency mode, is what fills up.
  const pool = setupPool({
    config: { congestionBacklog: 1_000n, maxOpenBlocks: 10n, minAvailableProvers: 0n },
  })

  it('refuses proposals of 1 gas (and anything below minGasPerBlock), taking no fee', async () => {
    const { proposer } = pool.accounts
    const balance = await pool.token.read.balanceOf([proposer])
    for (const gasUsed of [1, 1_000, Number(pool.config.minGasPerBlock) - 1]) {
      await pool.expectRevert(
        pool.protocol.write.proposeBlock([gasUsed, commitment], { account: proposer }),
        'BlockProtocolGasUsedOutOfRange',
        [BigInt(gasUsed), pool.config.minGasPerBlock, MAX_UINT32],
      )
    }
    expect(await pool.token.read.balanceOf([proposer])).toBe(balance)
    expect(await pool.protocol.read.backlog()).toBe(0n)
  })

  it('filling every prover and the open-block cap costs minGasPerBlock × F per block, paid to the provers', async () => {
    const { alice, bob, carol, dave, proposer } = pool.accounts
    for (const p of [alice, bob, carol, dave]) await pool.stake(p, { capacity: 8n })
    const F = pool.initialFeePerGas
    const balance = await pool.token.read.balanceOf([proposer])
    const jam = 4 * 8 + 10 // every capacity unit, then the open-block cap
    const ids = await pool.proposeBlocks(jam, { gasUsed: pool.config.minGasPerBlock })
    expect(ids).toHaveLength(jam)
    expect(await pool.protocol.read.openBlocks()).toBe(10n)
    await pool.expectRevert(
      pool.protocol.write.proposeBlock([Number(pool.config.minGasPerBlock), commitment], {
        account: proposer,
      }),
      'BlockProtocolTooManyOpenBlocks',
      [10n, 10n],
    )
    const cost = balance - (await pool.token.read.balanceOf([proposer]))
    expect(cost).toBe(BigInt(jam) * pool.config.minGasPerBlock * F)
    // v1 charged 1 gas: 42 × F wei. Now 100,000 × that (the demo minimum), every wei into the treasury that
    // pays the provers who prove these blocks at R' per gas.
    expect(cost / (BigInt(jam) * F)).toBe(100_000n)
    // At the production defaults: 32 provers × capacity 8 and 64 open blocks at 1,000,000 gas and F = 1 gwei
    // of TKO per gas cost 0.32 TKO per jam (v1: 3.2e-7 TKO) — a jam that lasts until the blocks are proven.
    const production = (32n * 8n + defaultConfig.maxOpenBlocks) * defaultConfig.minGasPerBlock * F
    expect(production).toBe((32n * TKO) / 100n)
  })
})

describe('attack: a smaller newcomer evicts a bigger prover that is busy', () => {
  const pool = setupPool()

  it('12,891 TKO cannot evict 20,012 TKO whose capacity is all in use', async () => {
    const { alice, bob, carol, dave, erin } = pool.accounts
    const F = pool.initialFeePerGas
    const incumbent = 20_012n * TKO
    const newcomer = 12_891n * TKO
    await pool.stake(alice, { amount: incumbent, capacity: 2n }) // alone: the next blocks are hers
    await pool.proposeBlocks(2)
    for (const p of [bob, carol, dave]) await pool.stake(p, { amount: 30_000n * TKO })
    // Every capacity unit of alice's is in use: she weighs 0 for the next block …
    expect((await pool.protocol.read.getStaker([alice])).currentCapacity).toBe(0n)
    expect((await pool.protocol.read.weights())[0]).toBe(0n)
    const newWeight = weight(pool.config, newcomer, F, 8n, F)
    expect(newWeight).toBeGreaterThan(0n) // … which is what the v1 eviction compared against
    // … but eviction compares standing weights: 20,012 at her maximum capacity.
    const standing = weight(pool.config, incumbent, F, 2n, F)
    const balance = await pool.token.read.balanceOf([erin])
    await pool.expectRevert(
      pool.protocol.write.stake([newcomer, F, 8n], { account: erin }),
      'ProverPoolWeightTooLow',
      [newWeight, standing],
    )
    expect(await pool.protocol.read.getStaker([alice])).toMatchObject({ slot: 1n, stake: incumbent })
    expect(await pool.token.read.balanceOf([erin])).toBe(balance)
  })
})

describe('attack: join low, raise R at once', () => {
  const pool = setupPool()

  it('joins at 0.95·F, and the raise in the next transaction is refused until the cooldown ends', async () => {
    const { alice, bob, carol, dave, erin, frank } = pool.accounts
    const F = pool.initialFeePerGas
    for (const p of [alice, bob, carol, dave]) await pool.stake(p) // 2,000 TKO at R = F
    const low = (F * 95n) / 100n
    const joined = await pool.timestampOf(await pool.stake(erin, { rewardPerGas: low }))
    expect((await pool.protocol.read.getStaker([erin])).slot).toBe(1n) // evicted alice
    const availableAt = joined + pool.config.rewardChangeCooldown
    await pool.setNextTimestamp(joined + 1n)
    await pool.expectRevert(
      pool.protocol.write.changeRewardPerGas([2n * F], { account: erin }),
      'ProverPoolCooldownActive',
      [availableAt, joined + 1n],
    )
    expect((await pool.protocol.read.getStaker([erin])).rewardPerGas).toBe(low)
    // After the cooldown the raise goes through, but it does not keep the slot: the standing weight
    // falls to a quarter (2,000 / 2² ≈ 500 TKO-units), the lowest, and the next newcomer evicts it.
    await pool.setNextTimestamp(availableAt)
    await pool.send(pool.protocol.write.changeRewardPerGas([2n * F], { account: erin }))
    expect(weight(pool.config, 2_000n * TKO, 2n * F, 8n, F) * 4n).toBe(
      weight(pool.config, 2_000n * TKO, F, 8n, F),
    )
    const receipt = await pool.stake(frank)
    expect(pool.events(receipt, 'Evicted').map((e) => e.prover)).toEqual([erin])
  })
})

/** The revert data of a failed `eth_call` (somewhere down its causes), decoded with BlockProtocol's errors. */
function decodedRevert(error: unknown) {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const data = (e as { data?: unknown }).data
    const hex = typeof data === 'string' ? data : (data as { data?: unknown } | undefined)?.data
    if (typeof hex === 'string' && hex.startsWith('0x') && hex.length >= 10)
      return decodeErrorResult({ abi: BlockProtocol.abi, data: hex as Hex })
  }
  throw error
}

for (const initialFeePerGas of [10n ** 12n, 2n ** 63n]) {
  describe(`attack: F above 4.3e9 (v1's uint32 R) — a deployment at F = ${initialFeePerGas}`, () => {
    // 10 gas per block at F = 2^63 is 92 TKO: proposals stay affordable for the test accounts.
    const pool = setupPool({
      initialFeePerGas,
      config: { minGasPerBlock: initialFeePerGas > 10n ** 12n ? 10n : 100_000n },
    })

    it('takes stakes across the whole R range up to 2^64 - 1, and refuses one above', async () => {
      const { alice, bob, carol } = pool.accounts
      const F = initialFeePerGas
      expect(F / 2n).toBeGreaterThan(MAX_UINT32) // every v1 stake was refused: R ≤ 2^32 - 1 < F/2
      const top = (2n * F < MAX_UINT64 ? 2n * F : MAX_UINT64) as bigint
      await pool.expectRevert(
        pool.protocol.write.stake([2_000n * TKO, top + 1n, 8n], { account: alice }),
        'ProverPoolRewardPerGasOutOfRange',
        [top + 1n, F / 2n, top],
      )
      await pool.stake(alice, { rewardPerGas: F / 2n })
      await pool.stake(bob, { rewardPerGas: F })
      await pool.stake(carol, { rewardPerGas: top })
      const weights = await pool.protocol.read.weights()
      expect(weights.slice(0, 3)).toEqual([
        weight(pool.config, 2_000n * TKO, F / 2n, 8n, F),
        weight(pool.config, 2_000n * TKO, F, 8n, F),
        weight(pool.config, 2_000n * TKO, top, 8n, F),
      ])
    })

    it('moves F after an in-window proof, and never past 2^64 - 1', async () => {
      const { alice } = pool.accounts
      const F = initialFeePerGas
      await pool.stake(alice, { rewardPerGas: 2n * F < MAX_UINT64 ? 2n * F : MAX_UINT64 }) // R' = 1.05 F
      const { blockId, block } = await pool.proposeBlock({ gasUsed: pool.config.minGasPerBlock })
      expect(block.rewardPerGas).toBe((F * 10_500n) / BPS)
      const { receipt } = await pool.prove(alice, blockId)
      const next = nextFeePerGas(pool.config, F, block.rewardPerGas)
      expect(next).toBeGreaterThan(F)
      expect(next).toBeLessThanOrEqual(MAX_UINT64)
      expect(pool.events(receipt, 'FeePerGasChanged')[0]).toMatchObject({
        oldFeePerGas: F,
        newFeePerGas: next,
      })
      expect(await pool.protocol.read.feePerGas()).toBe(next)
    })

    it('refuses a deployment above 2^64 - 1 with ProverPoolConfigInvalid(31, F, 1, 2^64 - 1)', async () => {
      const data = encodeDeployData({
        abi: BlockProtocol.abi,
        bytecode: BlockProtocol.bytecode,
        args: [pool.addresses.token, pool.addresses.verifier, pool.config, MAX_UINT64 + 1n, 12_000n],
      })
      const error = await pool.publicClient.call({ account: pool.accounts.owner, data }).then(
        () => null,
        (e: unknown) => e,
      )
      expect(decodedRevert(error)).toMatchObject({
        errorName: 'ProverPoolConfigInvalid',
        args: [31n, MAX_UINT64 + 1n, 1n, MAX_UINT64],
      })
    })
  })
}

describe('attack: F below 20,480 can only fall (v1)', () => {
  const pool = setupPool({ initialFeePerGas: 10_000n })

  it('rises by one wei per in-window proof towards R′ = 1.05 F, and falls by one towards 0.95 F', async () => {
    const { alice, bob } = pool.accounts
    const F0 = 10_000n
    // v1: (10,000 · 1023 + 10,500) / 1024 = 10,000.49 → stuck at 10,000 forever.
    await pool.stake(alice, { rewardPerGas: 2n * F0 })
    const fees: bigint[] = []
    for (let i = 0; i < 3; i++) {
      const { blockId } = await pool.proposeBlock()
      await pool.prove(alice, blockId)
      fees.push(await pool.protocol.read.feePerGas())
    }
    expect(fees).toEqual([10_001n, 10_002n, 10_003n])
    await pool.send(pool.protocol.write.requestExit({ account: alice }))
    const F = await pool.protocol.read.feePerGas()
    await pool.stake(bob, { rewardPerGas: F / 2n }) // R' = 0.95 F
    const falling: bigint[] = []
    for (let i = 0; i < 3; i++) {
      const { blockId, block } = await pool.proposeBlock()
      expect(block.rewardPerGas).toBe(((falling.at(-1) ?? F) * 9_500n) / BPS)
      await pool.prove(bob, blockId)
      falling.push(await pool.protocol.read.feePerGas())
    }
    expect(falling).toEqual([10_002n, 10_001n, 10_000n])
  })
})

describe('attack: rewards silently unpaid when the treasury runs short', () => {
  // No funding: only proposal fees fill the treasury, and open proofs earn 1.5 × the fee.
  const pool = setupPool({ treasuryFunding: 0n })

  it('records what the drained treasury cannot pay and pays it, first, once refilled', async () => {
    const { bob, carol, grace } = pool.accounts
    const fee = pool.initialFeePerGas * pool.config.minGasPerBlock
    const earned = (fee * 3n) / 2n
    // Drain: three open blocks, three fees in, 4.5 fees earned by bob.
    const ids = await pool.proposeBlocks(3, { gasUsed: pool.config.minGasPerBlock })
    const owedEvents = []
    for (const id of ids) owedEvents.push(...pool.events((await pool.prove(bob, id)).receipt, 'RewardOwed'))
    expect(await pool.protocol.read.treasury()).toBe(0n)
    // v1 paid 0 for the last block and forgot it; v2 owes it.
    expect(owedEvents).toEqual([{ prover: bob, blockId: ids[2]!, amount: earned }])
    expect(await pool.protocol.read.owedRewards([bob])).toBe(earned)
    expect(await pool.protocol.read.totalOwed()).toBe(earned)
    await pool.send(pool.protocol.write.claimRewards({ account: bob })) // the 3 fees paid so far
    await pool.expectRevert(pool.protocol.write.claimRewards({ account: bob }), 'BlockProtocolOwedUnfunded', [
      earned,
      0n,
    ])
    // A refill by fees: two more open blocks. carol proves them, but her rewards wait behind bob's.
    const more = await pool.proposeBlocks(2, { gasUsed: pool.config.minGasPerBlock })
    for (const id of more) await pool.prove(carol, id)
    expect(await pool.protocol.read.rewards([carol])).toBe(fee / 2n) // 2 fees − bob's 1.5 reserved
    expect(await pool.protocol.read.owedRewards([carol])).toBe(2n * earned - fee / 2n)
    // bob's claim pays his owed reward first, in full.
    const claim = await pool.send(pool.protocol.write.claimRewards({ account: bob }))
    expect(pool.events(claim, 'OwedRewardsPaid')).toEqual([{ prover: bob, amount: earned }])
    expect(pool.events(claim, 'RewardsClaimed')).toEqual([{ prover: bob, amount: earned }])
    // A refill by fundTreasury pays carol's.
    const carolOwed = await pool.protocol.read.owedRewards([carol])
    await pool.send(pool.protocol.write.fundTreasury([carolOwed], { account: grace }))
    const carolClaim = await pool.send(pool.protocol.write.claimRewards({ account: carol }))
    expect(pool.events(carolClaim, 'RewardsClaimed')).toEqual([
      { prover: carol, amount: fee / 2n + carolOwed },
    ])
    // Nothing vanished: every reward earned was paid.
    expect(await pool.protocol.read.totalOwed()).toBe(0n)
    expect(await pool.protocol.read.treasury()).toBe(0n)
    const reward = proofReward(pool.config, {
      rewardPerGas: pool.initialFeePerGas,
      gasUsed: pool.config.minGasPerBlock,
      kind: 'open',
      delay: 0n,
      avgProofDelayMs: pool.initialAvgProofDelayMs,
      stabilized: false,
    })
    expect(reward.total).toBe(earned)
  })
})
