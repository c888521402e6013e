import { zeroAddress } from 'viem'
import { describe, expect, it } from 'vitest'
import { DEFAULT_GAS_USED, DEFAULT_STAKE, setupPool } from '../support'
import {
  effectiveRewardPerGas,
  proofWindow,
  selectionSeed,
  selectProver,
  TKO,
  weight,
} from '../support/expected'

const pool = setupPool()

describe('proposeBlock', () => {
  it('numbers blocks from 1', async () => {
    expect(await pool.protocol.read.nextBlockId()).toBe(1n)
    const ids = await pool.proposeBlocks(3)
    expect(ids).toEqual([1n, 2n, 3n])
    expect(await pool.protocol.read.nextBlockId()).toBe(4n)
    expect(await pool.protocol.read.backlog()).toBe(3n)
  })

  it('charges F × gasUsed from the proposer into the treasury', async () => {
    const { proposer } = pool.accounts
    const F = await pool.protocol.read.feePerGas()
    const gasUsed = 1_234_567n
    const [balance, treasury] = [
      await pool.token.read.balanceOf([proposer]),
      await pool.protocol.read.treasury(),
    ]
    await pool.proposeBlock({ gasUsed })
    expect(await pool.token.read.balanceOf([proposer])).toBe(balance - F * gasUsed)
    expect(await pool.protocol.read.treasury()).toBe(treasury + F * gasUsed)
  })

  it('charges the current F after it moved', async () => {
    const { alice, proposer } = pool.accounts
    await pool.stake(alice, { rewardPerGas: 2n * pool.initialFeePerGas }) // R' = 1.05 F: F rises
    const { blockId } = await pool.proposeBlock()
    await pool.prove(alice, blockId)
    const F = await pool.protocol.read.feePerGas()
    expect(F).toBeGreaterThan(pool.initialFeePerGas)
    const balance = await pool.token.read.balanceOf([proposer])
    const { proposed } = await pool.proposeBlock({ gasUsed: 10n })
    expect(proposed.feePerGas).toBe(F)
    expect(await pool.token.read.balanceOf([proposer])).toBe(balance - F * 10n)
  })

  it('rejects gasUsed 0 with BlockProtocolGasUsedOutOfRange(0, 2^32-1)', async () => {
    await pool.expectRevert(
      pool.protocol.write.proposeBlock([0], { account: pool.accounts.proposer }),
      'BlockProtocolGasUsedOutOfRange',
      [0n, 2n ** 32n - 1n],
    )
  })

  it('needs the proposer’s allowance for the fee', async () => {
    const { proposer } = pool.accounts
    await pool.send(pool.token.write.approve([pool.addresses.protocol, 0n], { account: proposer }))
    await pool.expectRevert(
      pool.protocol.write.proposeBlock([1_000], { account: proposer }),
      'ERC20InsufficientAllowance',
      [pool.addresses.protocol, 0n, pool.initialFeePerGas * 1_000n],
    )
  })

  it('assigns a prover, takes one of its capacity and snapshots F, R′, the window and the average delay', async () => {
    const { alice, proposer } = pool.accounts
    const F = pool.initialFeePerGas
    await pool.stake(alice, { rewardPerGas: F + 100n, capacity: 4n })
    const { blockId, receipt, proposed, block } = await pool.proposeBlock({ gasUsed: DEFAULT_GAS_USED })
    const now = await pool.timestampOf(receipt)
    const window = proofWindow(pool.config, pool.initialAvgProofDelayMs)
    expect(window).toBe(36n)
    expect(proposed).toEqual({
      blockId,
      proposer,
      assignedProver: alice,
      gasUsed: DEFAULT_GAS_USED,
      feePerGas: F,
      rewardPerGas: F + 100n,
      proofDeadline: now + window,
    })
    expect(block).toMatchObject({
      blockId,
      assignedProver: alice,
      proposedAt: now,
      gasUsed: DEFAULT_GAS_USED,
      feePerGas: F,
      rewardPerGas: F + 100n,
      proofWindow: window,
      avgProofDelayMs: pool.initialAvgProofDelayMs,
      provenAt: 0n,
      prover: zeroAddress,
      open: false,
      proven: false,
      slashed: false,
    })
    expect((await pool.protocol.read.getStaker([alice])).currentCapacity).toBe(3n)
    expect(await pool.protocol.read.openBlocks()).toBe(0n)
  })

  it('snapshots R′ clamped to [0.95 F, 1.05 F]', async () => {
    const { alice, bob } = pool.accounts
    const F = pool.initialFeePerGas
    await pool.stake(alice, { rewardPerGas: 2n * F })
    expect((await pool.proposeBlock()).block.rewardPerGas).toBe((F * 10_500n) / 10_000n)
    await pool.send(pool.protocol.write.requestExit({ account: alice }))
    await pool.stake(bob, { rewardPerGas: F / 2n })
    const { block } = await pool.proposeBlock()
    expect(block.assignedProver).toBe(bob)
    expect(block.rewardPerGas).toBe((F * 9_500n) / 10_000n)
    expect(block.rewardPerGas).toBe(effectiveRewardPerGas(pool.config, F / 2n, F))
  })

  it('makes the block open with R′ = F when no prover has weight', async () => {
    const { blockId, proposed, block } = await pool.proposeBlock()
    expect(proposed.assignedProver).toBe(zeroAddress)
    expect(block).toMatchObject({
      open: true,
      assignedProver: zeroAddress,
      rewardPerGas: pool.initialFeePerGas,
    })
    expect(blockId).toBe(1n)
    expect(await pool.protocol.read.openBlocks()).toBe(1n)
  })

  it('keeps a block’s window fixed at proposal while the average delay moves', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const first = await pool.proposeBlock()
    await pool.updateConfig({ delaySmoothing: 1n }) // avg = the last delay
    const second = await pool.proposeBlock()
    await pool.setNextTimestamp(second.block.proposedAt + 15n)
    await pool.prove(alice, second.blockId)
    expect(await pool.protocol.read.avgProofDelayMs()).toBe(15_000n) // 15 s, in ms
    expect(await pool.protocol.read.currentProofWindow()).toBe(45n)
    expect((await pool.protocol.read.getBlock([first.blockId])).proofWindow).toBe(36n)
  })
})

describe('the open-block cap', () => {
  it('rejects a block that would be open when maxOpenBlocks are unproven (BlockProtocolTooManyOpenBlocks)', async () => {
    await pool.updateConfig({ maxOpenBlocks: 2n })
    const [first] = await pool.proposeBlocks(2)
    await pool.expectRevert(
      pool.protocol.write.proposeBlock([1_000], { account: pool.accounts.proposer }),
      'BlockProtocolTooManyOpenBlocks',
      [2n, 2n],
    )
    await pool.prove(pool.accounts.bob, first!)
    expect(await pool.protocol.read.openBlocks()).toBe(1n)
    expect((await pool.proposeBlock()).block.open).toBe(true)
  })

  it('does not limit blocks that get a prover', async () => {
    await pool.updateConfig({ maxOpenBlocks: 1n })
    await pool.proposeBlock()
    await pool.stake(pool.accounts.alice)
    const { block } = await pool.proposeBlock()
    expect(block.assignedProver).toBe(pool.accounts.alice)
    expect(await pool.protocol.read.openBlocks()).toBe(1n)
  })
})

describe('prover selection', () => {
  it('picks the prover that keccak256(abi.encode(blockhash(n-1), blockId)) and the weights predict', async () => {
    const { alice, bob, carol, dave } = pool.accounts
    const F = pool.initialFeePerGas
    await pool.updateConfig({ congestionBacklog: 100n }) // no emergency mode while the backlog grows
    await pool.stake(alice, { amount: 600n * TKO, rewardPerGas: F, capacity: 50n })
    await pool.stake(bob, { amount: DEFAULT_STAKE, rewardPerGas: (F * 3n) / 2n, capacity: 50n })
    await pool.stake(carol, { amount: 5_000n * TKO, rewardPerGas: 2n * F, capacity: 50n })
    await pool.stake(dave, { amount: 1_500n * TKO, rewardPerGas: (F * 9n) / 10n, capacity: 50n })
    const picks = new Set<string>()
    for (let i = 0; i < 24; i++) {
      const [weights, owners] = await Promise.all([
        pool.protocol.read.weights(),
        pool.protocol.read.slotOwners(),
      ])
      const { blockId, receipt, block } = await pool.proposeBlock()
      const mined = await pool.publicClient.getBlock({ blockNumber: receipt.blockNumber })
      const index = selectProver(weights, selectionSeed(mined.parentHash, blockId))
      expect(index).not.toBeNull()
      expect(block.assignedProver, `block ${blockId}`).toBe(owners[index!])
      picks.add(block.assignedProver)
    }
    expect(picks.size).toBeGreaterThan(1)
  })

  it('weights() are the doc’s weights at the current F and backlog', async () => {
    const { alice, bob, carol } = pool.accounts
    const F = pool.initialFeePerGas
    const stakes = [
      { prover: alice, amount: 600n * TKO + 5n, rewardPerGas: F, capacity: 3n },
      { prover: bob, amount: DEFAULT_STAKE, rewardPerGas: (F * 3n) / 2n, capacity: 8n },
      { prover: carol, amount: 5_000n * TKO, rewardPerGas: F / 2n, capacity: 8n },
    ]
    for (const { prover, ...p } of stakes) await pool.stake(prover, p)
    const weights = await pool.protocol.read.weights()
    expect(weights.slice(0, 4)).toEqual([
      ...stakes.map((s) => weight(pool.config, s.amount, s.rewardPerGas, s.capacity, F)),
      0n,
    ])
    expect(weights.slice(3).every((w) => w === 0n)).toBe(true)
  })
})
