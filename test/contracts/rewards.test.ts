import { describe, expect, it } from 'vitest'
import { DEFAULT_GAS_USED, setupPool } from '../support'
import { nextAvgProofDelay, nextFeePerGas, proofReward, proofWindow } from '../support/expected'

// Initial F = 1 gwei, average delay 12,000 ms (fast tier: delay ≤ 6 s, normal: ≤ 12 s), window 36 s.
const pool = setupPool()

/** Proposes a block to `alice` (the only prover, R = F so R' = F) and proves it after `delay` seconds. */
async function assignedProofAfter(delay: bigint) {
  const { alice } = pool.accounts
  await pool.stake(alice)
  const { blockId, block } = await pool.proposeBlock()
  await pool.setNextTimestamp(block.proposedAt + delay)
  const { proven, receipt } = await pool.prove(alice, blockId)
  return { blockId, block, proven: proven[0]!, receipt }
}

describe('reward tiers of the assigned prover inside its window', () => {
  for (const [tier, delay, bonusBps] of [
    ['fast (2 × delay ≤ average): +10 %', 6n, 1_000n],
    ['normal (delay ≤ average): +5 %', 7n, 500n],
    ['normal at exactly the average: +5 %', 12n, 500n],
    ['none (delay > average): no bonus', 13n, 0n],
  ] as const) {
    it(`pays R′ × gasUsed plus the ${tier} performance bonus`, async () => {
      const { alice } = pool.accounts
      const { blockId, block, proven } = await assignedProofAfter(delay)
      const base = block.rewardPerGas * DEFAULT_GAS_USED
      const expected = proofReward(pool.config, {
        rewardPerGas: block.rewardPerGas,
        gasUsed: block.gasUsed,
        kind: 'assigned',
        delay,
        avgProofDelayMs: block.avgProofDelayMs,
        stabilized: false,
      })
      expect(expected.total).toBe(base + (base * bonusBps) / 10_000n)
      expect(proven).toEqual({
        blockId,
        prover: alice,
        reward: expected.total,
        delay,
        late: false,
        open: false,
        batched: false,
      })
      expect((await pool.protocol.read.getStaker([alice])).rewards).toBe(expected.total)
    })
  }

  it('judges the tier against the average delay snapshotted at proposal, not the current one', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    const first = await pool.proposeBlock()
    const second = await pool.proposeBlock()
    await pool.setNextTimestamp(second.block.proposedAt + 1n)
    await pool.prove(alice, first.blockId)
    const avg = await pool.protocol.read.avgProofDelayMs()
    // The two proposals may land in the same second or in consecutive ones: a delay of 1 or 2 s.
    const delay = second.block.proposedAt + 1n - first.block.proposedAt
    expect(avg).toBe((12_000n * 1023n + delay * 1000n) / 1024n) // 11,989 or 11,990 ms: below 12,000
    // 12 s > the current average 11.989 s, but ≤ the snapshot 12 s: still the normal tier.
    await pool.setNextTimestamp(second.block.proposedAt + 12n)
    const { proven } = await pool.prove(alice, second.blockId)
    const base = second.block.rewardPerGas * second.block.gasUsed
    expect(proven[0]!.reward).toBe(base + (base * 500n) / 10_000n)
  })
})

describe('open and late rewards', () => {
  it('pays 1.5 × F × gasUsed for an open block, with no performance bonus even when fast', async () => {
    const { bob } = pool.accounts
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(block.proposedAt + 3n)
    const { proven } = await pool.prove(bob, blockId)
    const expected = (pool.initialFeePerGas * DEFAULT_GAS_USED * 15_000n) / 10_000n
    expect(proven[0]).toMatchObject({ reward: expected, open: true, late: false, prover: bob })
  })

  it('pays 1.5 × R′ × gasUsed to whoever proves after the window', async () => {
    const { alice, bob } = pool.accounts
    await pool.updateConfig({ minAvailableProvers: 0n }) // no emergency mode (and so no bonus) here
    await pool.stake(alice, { rewardPerGas: 2n * pool.initialFeePerGas })
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(block.proposedAt + block.proofWindow + 1n)
    const { proven } = await pool.prove(bob, blockId)
    expect(block.rewardPerGas).toBe((pool.initialFeePerGas * 10_500n) / 10_000n)
    expect(proven[0]).toMatchObject({
      reward: (block.rewardPerGas * DEFAULT_GAS_USED * 15_000n) / 10_000n,
      late: true,
      prover: bob,
    })
    expect((await pool.protocol.read.getStaker([bob])).rewards).toBe(proven[0]!.reward)
  })
})

describe('F and the average delay', () => {
  it('move after an in-window proof by the assigned prover, with FeePerGasChanged and AvgProofDelayChanged', async () => {
    const { alice } = pool.accounts
    const F = pool.initialFeePerGas
    await pool.stake(alice, { rewardPerGas: 2n * F }) // R' = 1.05 F
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(block.proposedAt + 30n)
    const { receipt } = await pool.prove(alice, blockId)
    const newF = nextFeePerGas(pool.config, F, block.rewardPerGas)
    const newAvg = nextAvgProofDelay(pool.config, pool.initialAvgProofDelayMs, 30_000n) // 30 s in ms
    expect(newF).toBeGreaterThan(F)
    expect(await pool.protocol.read.feePerGas()).toBe(newF)
    expect(await pool.protocol.read.avgProofDelayMs()).toBe(newAvg)
    expect(pool.events(receipt, 'FeePerGasChanged')).toEqual([
      { blockId, oldFeePerGas: F, newFeePerGas: newF, timestamp: block.proposedAt + 30n },
    ])
    expect(pool.events(receipt, 'AvgProofDelayChanged')).toEqual([
      { blockId, oldAvgProofDelayMs: pool.initialAvgProofDelayMs, newAvgProofDelayMs: newAvg },
    ])
  })

  it('emit their events on every in-window proof, also when the value does not move', async () => {
    const { alice } = pool.accounts
    const F = pool.initialFeePerGas
    await pool.stake(alice, { rewardPerGas: F })
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(block.proposedAt + 12n)
    const { receipt } = await pool.prove(alice, blockId)
    expect(pool.events(receipt, 'FeePerGasChanged')).toEqual([
      { blockId, oldFeePerGas: F, newFeePerGas: F, timestamp: block.proposedAt + 12n },
    ])
    // a 12 s proof against a 12,000 ms average: (12,000·1023 + 12,000) / 1024 = 12,000
    expect(pool.events(receipt, 'AvgProofDelayChanged')).toEqual([
      { blockId, oldAvgProofDelayMs: 12_000n, newAvgProofDelayMs: 12_000n },
    ])
  })

  it('keep the average delay near what provers take (no drift to the floor): 64 proofs of 5 s and 20 s', async () => {
    const { alice } = pool.accounts
    await pool.stake(alice)
    let expected = pool.initialAvgProofDelayMs
    for (let i = 0; i < 64; i++) {
      const delay = i % 2 === 0 ? 5n : 20n
      const { blockId, block } = await pool.proposeBlock()
      await pool.setNextTimestamp(block.proposedAt + delay)
      const { proven } = await pool.prove(alice, blockId)
      expect(proven[0]!.late).toBe(false)
      expected = nextAvgProofDelay(pool.config, expected, delay * 1_000n)
    }
    const avg = await pool.protocol.read.avgProofDelayMs()
    expect(avg).toBe(expected)
    // In whole seconds every 5 s proof took a full second off and the 20 s ones could not put it back:
    // after these 64 proofs the average was 5 s. In milliseconds it stays at about 12 s.
    expect(avg).toBeGreaterThanOrEqual(11_500n)
    expect(avg).toBeLessThanOrEqual(12_500n)
    expect(await pool.protocol.read.currentProofWindow()).toBe(proofWindow(pool.config, avg))
    expect(await pool.protocol.read.currentProofWindow()).toBeGreaterThanOrEqual(35n)
  })

  it('do not move after a proof of an open block', async () => {
    const { blockId } = await pool.proposeBlock()
    const { receipt } = await pool.prove(pool.accounts.bob, blockId)
    expect(pool.events(receipt, 'FeePerGasChanged')).toEqual([])
    expect(pool.events(receipt, 'AvgProofDelayChanged')).toEqual([])
    expect(await pool.protocol.read.feePerGas()).toBe(pool.initialFeePerGas)
    expect(await pool.protocol.read.avgProofDelayMs()).toBe(pool.initialAvgProofDelayMs)
  })

  it('do not move after a late proof', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice, { rewardPerGas: 2n * pool.initialFeePerGas })
    const { blockId, block } = await pool.proposeBlock()
    await pool.setNextTimestamp(block.proposedAt + block.proofWindow + 1n)
    const { receipt } = await pool.prove(bob, blockId)
    expect(pool.events(receipt, 'FeePerGasChanged')).toEqual([])
    expect(pool.events(receipt, 'AvgProofDelayChanged')).toEqual([])
    expect(await pool.protocol.read.feePerGas()).toBe(pool.initialFeePerGas)
    expect(await pool.protocol.read.avgProofDelayMs()).toBe(pool.initialAvgProofDelayMs)
  })
})

describe('claimRewards', () => {
  it('pays the unclaimed rewards out and emits RewardsClaimed', async () => {
    const { alice } = pool.accounts
    const { proven } = await assignedProofAfter(6n)
    const before = await pool.token.read.balanceOf([alice])
    const receipt = await pool.send(pool.protocol.write.claimRewards({ account: alice }))
    expect(pool.events(receipt, 'RewardsClaimed')).toEqual([{ prover: alice, amount: proven.reward }])
    expect(await pool.token.read.balanceOf([alice])).toBe(before + proven.reward)
    expect((await pool.protocol.read.getStaker([alice])).rewards).toBe(0n)
  })

  it('rejects a claim with nothing to claim (BlockProtocolNothingToClaim)', async () => {
    const { alice } = pool.accounts
    await pool.expectRevert(
      pool.protocol.write.claimRewards({ account: alice }),
      'BlockProtocolNothingToClaim',
      [],
    )
    await assignedProofAfter(6n)
    await pool.send(pool.protocol.write.claimRewards({ account: alice }))
    await pool.expectRevert(
      pool.protocol.write.claimRewards({ account: alice }),
      'BlockProtocolNothingToClaim',
      [],
    )
  })

  it('pays rewards from the treasury', async () => {
    const treasury = await pool.protocol.read.treasury()
    const F = await pool.protocol.read.feePerGas()
    const { proven, block } = await assignedProofAfter(6n)
    // The proposal fee (F at proposal × gasUsed) went in, the reward came out.
    expect(await pool.protocol.read.treasury()).toBe(treasury + F * block.gasUsed - proven.reward)
  })
})
