import { decodeFunctionData, type Hex, keccak256, toHex, zeroAddress, zeroHash } from 'viem'
import { describe, expect, it } from 'vitest'
import { DevelopmentProofVerifier } from '@/contracts-abi/DevelopmentProofVerifier'
import { DEFAULT_GAS_USED, DEFAULT_PROOF, DEFAULT_STAKE, setupPool } from '../support'
import {
  effectiveRewardPerGas,
  MAX_UINT32,
  proofWindow,
  selectionSeed,
  selectProver,
  TKO,
  weight,
} from '../support/expected'

const pool = setupPool()

/** A non-zero block commitment for the calls made by hand. */
const commitment: Hex = keccak256(toHex('a block'))

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
    const gasUsed = pool.config.minGasPerBlock
    const { proposed } = await pool.proposeBlock({ gasUsed })
    expect(proposed.feePerGas).toBe(F)
    expect(await pool.token.read.balanceOf([proposer])).toBe(balance - F * gasUsed)
  })

  it('Revision 2.2: rejects gasUsed below minGasPerBlock with BlockProtocolGasUsedOutOfRange(gasUsed, min, 2^32-1)', async () => {
    const min = pool.config.minGasPerBlock
    expect(min).toBe(100_000n)
    for (const gasUsed of [0n, 1n, min - 1n]) {
      await pool.expectRevert(
        pool.protocol.write.proposeBlock([Number(gasUsed), commitment], { account: pool.accounts.proposer }),
        'BlockProtocolGasUsedOutOfRange',
        [gasUsed, min, MAX_UINT32],
      )
    }
    // The gas is checked before the commitment.
    await pool.expectRevert(
      pool.protocol.write.proposeBlock([1, zeroHash], { account: pool.accounts.proposer }),
      'BlockProtocolGasUsedOutOfRange',
      [1n, min, MAX_UINT32],
    )
    expect(await pool.protocol.read.nextBlockId()).toBe(1n)
    expect((await pool.proposeBlock({ gasUsed: min })).blockId).toBe(1n)
    expect((await pool.proposeBlock({ gasUsed: MAX_UINT32 })).block.gasUsed).toBe(MAX_UINT32)
  })

  it('Revision 2.2: rejects an empty commitment with BlockProtocolEmptyCommitment, taking no fee', async () => {
    const { proposer } = pool.accounts
    const balance = await pool.token.read.balanceOf([proposer])
    await pool.expectRevert(
      pool.protocol.write.proposeBlock([Number(DEFAULT_GAS_USED), zeroHash], { account: proposer }),
      'BlockProtocolEmptyCommitment',
      [],
    )
    expect(await pool.token.read.balanceOf([proposer])).toBe(balance)
    expect(await pool.protocol.read.nextBlockId()).toBe(1n)
  })

  it('Revision 2.2: stores the commitment, emits it and hands it to the verifier with the block id', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const smallest = `0x${'00'.repeat(31)}01` as const
    const first = await pool.proposeBlock({ commitment: smallest })
    const second = await pool.proposeBlock({ commitment })
    expect(first.proposed.commitment).toBe(smallest)
    expect(first.block.commitment).toBe(smallest)
    expect(second.block.commitment).toBe(commitment)
    expect((await pool.protocol.read.getBlock([first.blockId])).commitment).toBe(smallest)
    // The proof call passes (blockId, commitment, proof) to the verifier: seen in the call trace.
    const { receipt } = await pool.prove(alice, second.blockId)
    const trace = (await pool.publicClient.request({
      method: 'debug_traceTransaction' as never,
      params: [receipt.transactionHash, { tracer: 'callTracer' }] as never,
    })) as { calls?: { to: string; input: Hex }[] }
    const call = trace.calls?.find((c) => c.to.toLowerCase() === pool.addresses.verifier.toLowerCase())
    expect(call, 'a call to the verifier').toBeDefined()
    expect(decodeFunctionData({ abi: DevelopmentProofVerifier.abi, data: call!.input })).toEqual({
      functionName: 'verify',
      args: [second.blockId, commitment, DEFAULT_PROOF],
    })
  })

  it('needs the proposer’s allowance for the fee', async () => {
    const { proposer } = pool.accounts
    await pool.send(pool.token.write.approve([pool.addresses.protocol, 0n], { account: proposer }))
    await pool.expectRevert(
      pool.protocol.write.proposeBlock([100_000, commitment], { account: proposer }),
      'ERC20InsufficientAllowance',
      [pool.addresses.protocol, 0n, pool.initialFeePerGas * 100_000n],
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
      commitment: proposed.commitment,
    })
    expect(BigInt(proposed.commitment)).not.toBe(0n)
    // F at proposal is in the event; the record keeps R', the window, the version and the commitment.
    expect(block).toEqual({
      blockId,
      assignedProver: alice,
      proposedAt: now,
      gasUsed: DEFAULT_GAS_USED,
      rewardPerGas: F + 100n,
      proofWindow: window,
      avgProofDelayMs: pool.initialAvgProofDelayMs,
      configVersion: 1n,
      commitment: proposed.commitment,
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
      pool.protocol.write.proposeBlock([100_000, commitment], { account: pool.accounts.proposer }),
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
