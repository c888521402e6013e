import type { Address } from 'viem'
import { describe, expect, it } from 'vitest'
import { healthBps } from '@/lib/pool-math/healthBps'
import type { PoolEvent } from '../events'
import { blockStatus, foldBlocks } from './blocks'
import { feeHistoryFromEvents, foldFeeHistory } from './fees'
import { emptyProverHistory, foldProverHistory } from './prover'

const alice = '0x00000000000000000000000000000000000000a1' as Address
const bob = '0x00000000000000000000000000000000000000b0' as Address
const proposer = '0x00000000000000000000000000000000000000c0' as Address
const TKO = 10n ** 18n

let log = 0
function at(blockNumber: bigint) {
  return { blockNumber, logIndex: log++ }
}
function proposed(blockId: bigint, assignedProver: Address | null, blockNumber = blockId): PoolEvent {
  return {
    ...at(blockNumber),
    type: 'BlockProposed',
    blockId,
    proposer,
    assignedProver,
    gasUsed: 1_000n,
    feePerGas: 10n,
    rewardPerGas: 10n,
    proofDeadline: 100n + blockId,
  }
}
function proven(blockId: bigint, prover: Address, late = false, blockNumber = blockId + 1n): PoolEvent {
  return {
    ...at(blockNumber),
    type: 'BlockProven',
    blockId,
    prover,
    reward: 1_000n,
    delay: 5n,
    late,
    open: false,
    batched: false,
  }
}

describe('foldBlocks', () => {
  it('follows a block from proposal to proof, newest first', () => {
    const blocks = foldBlocks([], [proposed(1n, alice), proposed(2n, null), proven(1n, alice)], { keep: 10 })
    expect(blocks.map((b) => b.blockId)).toEqual([2n, 1n])
    expect(blocks[1]?.proof?.reward).toBe(1_000n)
    expect(blockStatus(blocks[1]!, 0n)).toBe('proven')
    expect(blockStatus(blocks[0]!, 0n)).toBe('open')
  })

  it('calls an assigned block late once its deadline passed, proven or not', () => {
    const [unproven] = foldBlocks([], [proposed(1n, alice)], { keep: 10 })
    expect(blockStatus(unproven!, 101n)).toBe('proving')
    expect(blockStatus(unproven!, 102n)).toBe('late')
    const [slashed] = foldBlocks(
      [],
      [
        proposed(1n, alice),
        proven(1n, bob, true),
        { ...at(3n), type: 'Slashed', prover: alice, blockId: 1n, amount: 5n, remainingStake: 95n },
      ],
      { keep: 10 },
    )
    expect(blockStatus(slashed!, 0n)).toBe('late')
    expect(slashed?.slashed).toBe(5n)
  })

  it('keeps every unproven block when trimming, so a later proof still finds it', () => {
    const events = [proposed(1n, alice), ...Array.from({ length: 5 }, (_, i) => proposed(BigInt(i + 2), bob))]
    const trimmed = foldBlocks([], events, { keep: 2 })
    expect(trimmed.map((b) => b.blockId)).toContain(1n)
    const later = foldBlocks(trimmed, [proven(1n, alice, false, 20n)], { keep: 2 })
    expect(later.find((b) => b.blockId === 1n)).toBeUndefined() // proven, and older than the newest two
    const withAll = foldBlocks(trimmed, [proven(1n, alice, false, 20n)], { keep: 10 })
    expect(withAll.find((b) => b.blockId === 1n)?.proof?.prover).toBe(alice)
  })
})

describe('fee history', () => {
  it('is one point per FeePerGasChanged, appended in order', () => {
    const change = (blockId: bigint, fee: bigint): PoolEvent => ({
      ...at(blockId),
      type: 'FeePerGasChanged',
      blockId,
      oldFeePerGas: fee - 1n,
      newFeePerGas: fee,
      timestamp: 1_000n + blockId,
    })
    const first = feeHistoryFromEvents([change(1n, 11n), proposed(2n, alice)])
    expect(first).toEqual([{ blockId: 1n, timestamp: 1_001n, feePerGas: 11n }])
    expect(foldFeeHistory(first, [change(3n, 12n)]).map((p) => p.feePerGas)).toEqual([11n, 12n])
  })
})

describe('foldProverHistory', () => {
  it('tracks stake, health, slashes, blocks and rewards of one prover', () => {
    const events: PoolEvent[] = [
      {
        ...at(1n),
        type: 'Staked',
        prover: alice,
        amount: 1_000n * TKO,
        totalStake: 1_000n * TKO,
        rewardPerGas: 10n,
        capacity: 4n,
        slot: 1n,
      },
      {
        ...at(1n),
        type: 'Staked',
        prover: bob,
        amount: 500n * TKO,
        totalStake: 500n * TKO,
        rewardPerGas: 10n,
        capacity: 4n,
        slot: 2n,
      },
      proposed(1n, alice, 2n),
      proven(1n, alice, false, 3n),
      proposed(2n, alice, 4n),
      proven(2n, bob, true, 9n),
      {
        ...at(9n),
        type: 'Slashed',
        prover: alice,
        blockId: 2n,
        amount: 10n * TKO,
        remainingStake: 990n * TKO,
      },
      { ...at(10n), type: 'RewardsClaimed', prover: alice, amount: 600n },
      { ...at(11n), type: 'ExitRequested', prover: alice, amount: 990n * TKO, unlocksAt: 500n },
      { ...at(12n), type: 'Withdrawn', prover: alice, amount: 990n * TKO },
    ]
    const h = foldProverHistory(emptyProverHistory(alice, 0n), events, 12n)
    expect(h.assignedCount).toBe(2)
    expect(h.provenCount).toBe(1)
    expect(h.missedCount).toBe(1)
    expect(h.rewardsEarned).toBe(1_000n)
    expect(h.rewardsClaimed).toBe(600n)
    expect(h.slashes).toEqual([
      { blockNumber: 9n, blockId: 2n, amount: 10n * TKO, remainingStake: 990n * TKO },
    ])
    expect(h.points.map((p) => [p.event, p.stake, p.exitAmount])).toEqual([
      ['staked', 1_000n * TKO, 0n],
      ['slashed', 990n * TKO, 0n],
      ['exit requested', 0n, 990n * TKO],
      ['withdrawn', 0n, 0n],
    ])
    expect(h.points[1]?.healthBps).toBe(healthBps({ deposited: 1_000n * TKO, slashed: 10n * TKO }))
    expect(h.blocks.map((b) => b.blockId)).toEqual([2n, 1n])
    expect(h.toBlock).toBe(12n)
  })

  it('continues from an earlier fold (the browser adds new blocks to the server history)', () => {
    const first: PoolEvent[] = [
      {
        ...at(1n),
        type: 'Staked',
        prover: alice,
        amount: 100n * TKO,
        totalStake: 100n * TKO,
        rewardPerGas: 10n,
        capacity: 2n,
        slot: 1n,
      },
      proposed(1n, alice, 2n),
    ]
    const server = foldProverHistory(emptyProverHistory(alice, 0n), first, 2n)
    const browser = foldProverHistory(server, [proven(1n, alice, false, 3n)], 3n)
    const once = foldProverHistory(
      emptyProverHistory(alice, 0n),
      [...first, proven(1n, alice, false, 3n)],
      3n,
    )
    expect(browser).toEqual(once)
  })
})
