import { describe, expect, it } from 'vitest'
import { assertTokenConservation, setupPool, TEST_TREASURY_FUNDING } from '../support'
import { TKO } from '../support/expected'

const pool = setupPool()

describe('token conservation', () => {
  it('holds after every step of a run through every token-moving action', async () => {
    const { alice, bob, carol, heidi } = pool.accounts
    const steps: [string, () => Promise<unknown>][] = [
      ['stake', () => pool.stake(alice)],
      ['stake', () => pool.stake(bob, { amount: 900n * TKO })],
      ['top-up', () => pool.send(pool.protocol.write.topUp([TKO + 1n], { account: bob }))],
      [
        'fund the treasury',
        () => pool.send(pool.protocol.write.fundTreasury([3n * TKO], { account: carol })),
      ],
      ['propose', () => pool.proposeBlocks(3)],
      [
        'prove in time',
        () => pool.protocol.read.getBlock([1n]).then((b) => pool.prove(b.assignedProver, 1n)),
      ],
      [
        'prove late (slash)',
        async () => {
          const block = await pool.protocol.read.getBlock([2n])
          await pool.setNextTimestamp(block.proposedAt + block.proofWindow + 1n)
          return pool.prove(heidi, 2n)
        },
      ],
      ['exit', () => pool.send(pool.protocol.write.requestExit({ account: bob }))],
      [
        'prove late again (slashing bob’s queued exit if the block was his)',
        async () => {
          const block = await pool.protocol.read.getBlock([3n])
          const late = block.proposedAt + block.proofWindow + 1n
          const latest = await pool.latestTimestamp()
          await pool.setNextTimestamp(late > latest ? late : latest + 1n)
          return pool.prove(heidi, 3n)
        },
      ],
      ['claim', () => pool.send(pool.protocol.write.claimRewards({ account: heidi }))],
      [
        'withdraw',
        async () => {
          const { exitUnlocksAt } = await pool.protocol.read.getStaker([bob])
          await pool.setNextTimestamp(exitUnlocksAt)
          return pool.send(pool.protocol.write.withdraw({ account: bob }))
        },
      ],
    ]
    for (const [name, step] of steps) {
      await step()
      await expect(assertTokenConservation(pool), name).resolves.toBeDefined()
    }
    const accounts = await assertTokenConservation(pool)
    expect(accounts.stakes).toBe((await pool.protocol.read.getStaker([alice])).stake)
    expect(accounts.exits).toBe(0n)
  })

  it('starts with the deployer’s treasury funding as the only balance', async () => {
    expect(await assertTokenConservation(pool)).toEqual({
      balance: TEST_TREASURY_FUNDING,
      accounted: TEST_TREASURY_FUNDING,
      stakes: 0n,
      exits: 0n,
      rewards: 0n,
      treasury: TEST_TREASURY_FUNDING,
    })
  })

  it('counts rewards of provers that never staked (open and late blocks)', async () => {
    const { heidi } = pool.accounts
    const { blockId } = await pool.proposeBlock()
    const { proven } = await pool.prove(heidi, blockId)
    expect((await assertTokenConservation(pool)).rewards).toBe(proven[0]!.reward)
    expect((await pool.protocol.read.getStaker([heidi])).rewards).toBe(proven[0]!.reward)
    expect(await pool.protocol.read.stakerCount()).toBe(0n)
  })
})
