import { zeroAddress, zeroHash } from 'viem'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../config'
import { MAX_GAS_USED } from '../constants'
import { nextAvgProofDelay } from '../nextAvgProofDelay'
import { nextFeePerGas } from '../nextFeePerGas'
import { selectionSeed } from '../selectionSeed'
import { selectProver } from '../selectProver'
import { slashAmount } from '../slashAmount'
import { StakerStatus } from '../types'
import {
  alice,
  bob,
  carol,
  commitmentOf,
  expectConserved,
  expectPoolError,
  F0,
  newModel,
  outsider,
  parentHash,
  propose,
  proposeFor,
  proposer,
  stake,
  T0,
  TKO,
  testConfig,
} from './testing'

const gasUsed = 1_000_000n

describe('PoolModel proposals', () => {
  it("charges F * gasUsed into the treasury and snapshots F, R', the window and the average delay", () => {
    const model = newModel()
    stake(model, alice, { rewardPerGas: 1_200_000_000n })
    const treasury = model.treasury
    const now = T0 + 7n
    const commitment = commitmentOf(1n)
    const r = model.proposeBlock({ proposer, gasUsed, commitment, parentHash: parentHash(1n), now })
    expect(r).toMatchObject({ blockId: 1n, assignedProver: alice, open: false })
    const window = 36n // 3 × 12 s
    expect(r.events).toEqual([
      {
        eventName: 'BlockProposed',
        args: [1n, proposer, alice, gasUsed, F0, 1_050_000_000n, now + window, commitment],
      },
    ])
    expect(model.treasury - treasury).toBe(F0 * gasUsed)
    // Revision 2: no prover/provenAt/feePerGas in the record (events carry them); the version and commitment.
    expect(model.getBlock(1n)).toEqual({
      blockId: 1n,
      assignedProver: alice,
      proposedAt: now,
      gasUsed,
      rewardPerGas: 1_050_000_000n, // R' capped at 1.05 F
      proofWindow: window,
      avgProofDelayMs: 12_000n,
      configVersion: 1n,
      commitment,
      open: false,
      proven: false,
      slashed: false,
    })
    expect(model.getStaker(alice).currentCapacity).toBe(3n)
    expect(model.backlog).toBe(1n)
    expect(model.nextBlockId).toBe(2n)
    expectConserved(model)
  })

  it('assigns the prover that selectProver picks from weights() and selectionSeed', () => {
    const model = newModel()
    stake(model, alice, { amount: 1_000n * TKO })
    stake(model, bob, { amount: 3_000n * TKO, capacity: 50n })
    stake(model, carol, { amount: 2_000n * TKO, rewardPerGas: 900_000_000n, capacity: 50n })
    for (let i = 0n; i < 20n; i++) {
      const weights = model.weights()
      const blockId = model.nextBlockId
      const expected = selectProver({ weights, seed: selectionSeed({ parentHash: parentHash(i), blockId }) })
      const r = model.proposeBlock({
        proposer,
        gasUsed,
        commitment: commitmentOf(blockId),
        parentHash: parentHash(i),
        now: T0,
      })
      expect(r.assignedProver).toBe(expected === null ? zeroAddress : model.slotOwners()[expected])
    }
  })

  it('selects with a given selectionSeed instead of the parent hash (the simulator draws its own)', () => {
    const model = newModel()
    stake(model, alice, { amount: 1_000n * TKO, capacity: 50n })
    stake(model, bob, { amount: 3_000n * TKO, capacity: 50n })
    for (const seed of [0n, 999n * TKO, 1_000n * TKO, 3_999n * TKO, 2n ** 255n + 17n]) {
      const expected = selectProver({ weights: model.weights(), seed })
      const r = model.proposeBlock({
        proposer,
        gasUsed,
        commitment: commitmentOf(model.nextBlockId),
        parentHash: parentHash(0n),
        now: T0,
        selectionSeed: seed,
      })
      expect(r.assignedProver).toBe(model.slotOwners()[expected!])
    }
  })

  it('Revision 2.2: refuses a proposal below minGasPerBlock or above uint32, before the commitment', () => {
    const model = newModel() // minGasPerBlock 100,000 (the demo's)
    const min = testConfig.minGasPerBlock
    expect(min).toBe(100_000n)
    for (const gas of [0n, 1n, min - 1n])
      expectPoolError(() => propose(model, { gasUsed: gas }), 'BlockProtocolGasUsedOutOfRange', [
        gas,
        min,
        MAX_GAS_USED,
      ])
    expectPoolError(() => propose(model, { gasUsed: MAX_GAS_USED + 1n }), 'BlockProtocolGasUsedOutOfRange', [
      MAX_GAS_USED + 1n,
      min,
      MAX_GAS_USED,
    ])
    // The gas is checked first: 1 gas with no commitment is a gas error.
    expectPoolError(
      () =>
        model.proposeBlock({
          proposer,
          gasUsed: 1n,
          commitment: zeroHash,
          parentHash: parentHash(0n),
          now: T0,
        }),
      'BlockProtocolGasUsedOutOfRange',
      [1n, min, MAX_GAS_USED],
    )
    expect(model.nextBlockId).toBe(1n)
    expect(propose(model, { gasUsed: min }).blockId).toBe(1n)
    expect(propose(model, { gasUsed: MAX_GAS_USED }).blockId).toBe(2n)
  })

  it('Revision 2.2: the minimum follows the config in force (default 1,000,000)', () => {
    expect(defaultConfig.minGasPerBlock).toBe(1_000_000n)
    const model = newModel({ ...testConfig, minGasPerBlock: 1_000_000n })
    expectPoolError(() => propose(model, { gasUsed: 999_999n }), 'BlockProtocolGasUsedOutOfRange', [
      999_999n,
      1_000_000n,
      MAX_GAS_USED,
    ])
    propose(model, { gasUsed: 1_000_000n })
  })

  it('Revision 2.2: refuses an empty commitment, and stores and emits a given one', () => {
    const model = newModel()
    stake(model, alice)
    const before = model.snapshot()
    expectPoolError(
      () =>
        model.proposeBlock({ proposer, gasUsed, commitment: zeroHash, parentHash: parentHash(0n), now: T0 }),
      'BlockProtocolEmptyCommitment',
      [],
    )
    expect(model.snapshot()).toEqual(before) // no fee taken, no id used
    const commitment = `0x${'00'.repeat(31)}01` as const // the smallest non-zero one
    const r = model.proposeBlock({ proposer, gasUsed, commitment, parentHash: parentHash(0n), now: T0 })
    expect(r.events.at(-1)).toMatchObject({ eventName: 'BlockProposed' })
    expect(r.events.at(-1)!.args.at(-1)).toBe(commitment)
    expect(model.getBlock(r.blockId).commitment).toBe(commitment)
    // Each block keeps its own.
    const second = propose(model)
    expect(model.getBlock(second.blockId).commitment).toBe(commitmentOf(second.blockId))
    expect(model.getBlock(r.blockId).commitment).toBe(commitment)
  })

  it("makes a block open at R' = F when nobody has weight, up to maxOpenBlocks", () => {
    const model = newModel() // maxOpenBlocks 3
    for (let i = 0; i < 3; i++) {
      const r = propose(model)
      expect(r).toMatchObject({ open: true, assignedProver: zeroAddress })
      expect(model.getBlock(r.blockId).rewardPerGas).toBe(F0)
    }
    expect(model.openBlocks).toBe(3n)
    const before = model.snapshot()
    expectPoolError(() => propose(model), 'BlockProtocolTooManyOpenBlocks', [3n, 3n])
    expect(model.snapshot()).toEqual(before) // no fee taken, nothing changed
    model.proveBlocks({ prover: outsider, blockIds: [1n], now: model.timestamp })
    expect(propose(model).open).toBe(true)
  })

  it('assigns blocks while provers have capacity, then opens them', () => {
    const model = newModel()
    stake(model, alice, { capacity: 1n })
    expect(propose(model).assignedProver).toBe(alice)
    expect(model.weights()[0]).toBe(0n)
    expect(propose(model).open).toBe(true)
  })
})

describe('PoolModel proofs', () => {
  function oneAssigned() {
    const model = newModel()
    stake(model, alice)
    stake(model, bob)
    const { blockId } = proposeFor(model, alice)
    const block = model.getBlock(blockId)
    return { model, blockId, block, deadline: block.proposedAt + block.proofWindow }
  }

  it('lets only the assigned prover prove inside the window, up to and including the deadline', () => {
    const { model, blockId, deadline } = oneAssigned()
    expectPoolError(
      () => model.proveBlocks({ prover: bob, blockIds: [blockId], now: deadline }),
      'BlockProtocolNotAssignedProver',
      [blockId, alice, deadline],
    )
    const r = model.proveBlocks({ prover: alice, blockIds: [blockId], now: deadline })
    expect(r.events.map((e) => e.eventName)).toEqual([
      'FeePerGasChanged',
      'AvgProofDelayChanged',
      'BlockProven',
    ])
    expect(model.getBlock(blockId)).toMatchObject({ proven: true, slashed: false })
    // Who proved it and when live in the events (Revision 2 dropped them from the record).
    expect(r.events.at(-1)).toEqual({
      eventName: 'BlockProven',
      args: [blockId, alice, expect.any(BigInt), 36n, false, false, false], // delay 36 s: the whole window
    })
  })

  it('moves F and the average delay on an in-window proof, with events even when they do not move', () => {
    const { model, blockId, block } = oneAssigned()
    const delay = 5n
    const r = model.proveBlocks({ prover: alice, blockIds: [blockId], now: block.proposedAt + delay })
    const fee = nextFeePerGas({ feePerGas: F0, effectiveRewardPerGas: F0 }, testConfig)
    const avg = nextAvgProofDelay({ avgProofDelay: 12_000n, delay: delay * 1_000n }, testConfig)
    expect(fee).toBe(F0)
    expect(r.events.slice(0, 2)).toEqual([
      { eventName: 'FeePerGasChanged', args: [blockId, F0, fee, block.proposedAt + delay] },
      { eventName: 'AvgProofDelayChanged', args: [blockId, 12_000n, avg] },
    ])
    // In milliseconds: (12,000 * 1023 + 5,000) / 1024 = 11,993.16 → 11,993 (in seconds it was 11.99 → 11)
    expect(model.avgProofDelayMs).toBe(11_993n)
  })

  it('keeps the average near the delays provers take: 1,024 proofs alternating 5 s and 20 s', () => {
    const model = newModel()
    stake(model, alice)
    let now = model.timestamp
    let expected = 12_000n
    for (let i = 0; i < 1_024; i++) {
      const delay = i % 2 === 0 ? 5n : 20n
      const { blockId, assignedProver } = propose(model, { now })
      expect(assignedProver).toBe(alice)
      now += delay
      const r = model.proveBlocks({ prover: alice, blockIds: [blockId], now })
      expect(r.events.map((e) => e.eventName)).toContain('AvgProofDelayChanged') // in window
      expected = nextAvgProofDelay({ avgProofDelay: expected, delay: delay * 1_000n }, testConfig)
      expect(model.avgProofDelayMs).toBe(expected)
      expect(model.avgProofDelayMs).toBeGreaterThanOrEqual(11_500n)
    }
    // The mean delay is 12.5 s; the average rests just below it (flooring), and so does the window,
    // instead of collapsing to 5 s and the 20 s minimum window as the whole-second average did.
    expect(model.avgProofDelayMs).toBeGreaterThanOrEqual(11_500n)
    expect(model.avgProofDelayMs).toBeLessThanOrEqual(12_500n)
    expect(model.currentProofWindow()).toBeGreaterThanOrEqual(34n)
  })

  it('pays the fast, normal and no performance tier by the delay against the snapshot average', () => {
    // avg 12,000 ms: fast when 2·delay·1000 <= 12,000, normal when delay·1000 <= 12,000.
    for (const [delay, bonusBps] of [
      [6n, 1_000n],
      [7n, 500n],
      [12n, 500n],
      [13n, 0n],
    ] as const) {
      const { model, blockId, block } = oneAssigned()
      const r = model.proveBlocks({ prover: alice, blockIds: [blockId], now: block.proposedAt + delay })
      const base = F0 * gasUsed
      expect(r.paid).toEqual([base + (base * bonusBps) / 10_000n])
      expect(model.getStaker(alice).rewards).toBe(r.paid[0])
    }
  })

  it('lets anyone prove after the window, pays 1.5 × and slashes the assigned prover once', () => {
    const { model, blockId, deadline } = oneAssigned()
    const now = deadline + 1n
    const stakeBefore = model.getStaker(alice).stake
    const slash = slashAmount({ stake: stakeBefore, baseReward: F0 * gasUsed }, testConfig)
    expect(slash).toBe(10n * TKO) // 1 % of 1,000 TKO beats 4 × 0.001 TKO
    const r = model.proveBlocks({ prover: carol, blockIds: [blockId], now })
    expect(r.paid).toEqual([(F0 * gasUsed * 3n) / 2n])
    expect(r.events).toEqual([
      { eventName: 'Slashed', args: [alice, blockId, slash, stakeBefore - slash] },
      {
        eventName: 'BlockProven',
        args: [blockId, carol, (F0 * gasUsed * 3n) / 2n, now - (deadline - 36n), true, false, false],
      },
    ])
    expect(model.getStaker(alice)).toMatchObject({
      stake: stakeBefore - slash,
      slashed: slash,
      currentCapacity: 4n,
    })
    expect(model.getBlock(blockId)).toMatchObject({ slashed: true, proven: true })
    expect(model.feePerGas).toBe(F0) // F and the average move only on in-window proofs
    expect(model.avgProofDelayMs).toBe(12_000n)
    expect(model.lens().provers[0]!.healthBps).toBe(9_900n)
    expectPoolError(
      () => model.proveBlocks({ prover: alice, blockIds: [blockId], now }),
      'BlockProtocolAlreadyProven',
      [blockId],
    )
    expect(model.getStaker(alice).slashed).toBe(slash)
    expectConserved(model)
  })

  it('slashes the assigned prover that proves its own block late, and pays it the late reward', () => {
    const { model, blockId, deadline } = oneAssigned()
    const r = model.proveBlocks({ prover: alice, blockIds: [blockId], now: deadline + 100n })
    expect(r.events[0]).toMatchObject({ eventName: 'Slashed' })
    expect(r.paid).toEqual([(F0 * gasUsed * 3n) / 2n])
  })

  it('slashes the queued exit amount of a prover that already left', () => {
    const { model, blockId, deadline } = oneAssigned()
    model.requestExit({ prover: alice, now: deadline })
    model.proveBlocks({ prover: bob, blockIds: [blockId], now: deadline + 1n })
    expect(model.getStaker(alice)).toMatchObject({
      status: StakerStatus.Exiting,
      stake: 0n,
      exitAmount: 990n * TKO,
      slashed: 10n * TKO,
      currentCapacity: 0n, // no capacity back outside the active list
    })
    expectConserved(model)
  })

  it('returns capacity to the assigned prover when anyone proves, never above its maximum', () => {
    const model = newModel()
    stake(model, alice, { capacity: 2n })
    const a = propose(model).blockId
    const b = propose(model).blockId
    expect(model.getStaker(alice).currentCapacity).toBe(0n)
    model.proveBlocks({ prover: alice, blockIds: [a], now: model.timestamp })
    expect(model.getStaker(alice).currentCapacity).toBe(1n)
    model.proveBlocks({ prover: bob, blockIds: [b], now: model.getBlock(b).proposedAt + 37n })
    expect(model.getStaker(alice).currentCapacity).toBe(2n)
  })

  it('pays a non-staker who proves an open block at 1.5 × F and lets it claim', () => {
    const model = newModel()
    const { blockId } = propose(model)
    const r = model.proveBlocks({ prover: carol, blockIds: [blockId], now: T0 + 3n })
    expect(r.paid).toEqual([(F0 * gasUsed * 3n) / 2n])
    expect(r.events).toEqual([
      { eventName: 'BlockProven', args: [blockId, carol, (F0 * gasUsed * 3n) / 2n, 3n, false, true, false] },
    ])
    expect(model.openBlocks).toBe(0n)
    const balance = model.balance
    const claim = model.claimRewards({ prover: carol, now: T0 + 3n })
    expect(claim.events).toEqual([{ eventName: 'RewardsClaimed', args: [carol, (F0 * gasUsed * 3n) / 2n] }])
    expect(model.balance).toBe(balance - (F0 * gasUsed * 3n) / 2n)
    expectPoolError(
      () => model.claimRewards({ prover: carol, now: T0 + 3n }),
      'BlockProtocolNothingToClaim',
      [],
    )
    expectConserved(model)
  })

  it('Revision 2.5: never pays more than the treasury holds, and owes the rest', () => {
    const model = newModel(testConfig, 0n)
    stake(model, alice)
    const { blockId } = propose(model, { gasUsed })
    expect(model.treasury).toBe(F0 * gasUsed) // only the fee
    const r = model.proveBlocks({ prover: alice, blockIds: [blockId], now: T0 })
    const bonus = (F0 * gasUsed) / 10n
    expect(r.paid).toEqual([F0 * gasUsed]) // the 10 % bonus is not covered …
    expect(r.owed).toEqual([bonus]) // … it is owed
    expect(model.treasury).toBe(0n)
    expect(model.totalOwed).toBe(bonus)
    const second = propose(model)
    const late = model.getBlock(second.blockId)
    // Late: the slash lands in the treasury before the reward is paid from what it holds beyond the owed.
    const s = model.proveBlocks({
      prover: bob,
      blockIds: [second.blockId],
      now: late.proposedAt + late.proofWindow + 1n,
    })
    expect(s.paid).toEqual([(F0 * gasUsed * 3n) / 2n])
    expect(s.owed).toEqual([0n])
    expectConserved(model)
  })

  it('rejects empty, oversized and unknown batches and empty proofs', () => {
    const model = newModel()
    stake(model, alice, { capacity: 10n })
    propose(model)
    propose(model)
    const now = model.timestamp
    expectPoolError(
      () => model.proveBlocks({ prover: alice, blockIds: [], now }),
      'BlockProtocolEmptyBatch',
      [],
    )
    expectPoolError(
      () => model.proveBlocks({ prover: alice, blockIds: [1n, 2n], now }),
      'BlockProtocolBatchTooLarge',
      [2n, 1n],
    )
    expectPoolError(
      () => model.proveBlocks({ prover: alice, blockIds: [1n], now, proof: '0x' }),
      'BlockProtocolProofRejected',
      [1n],
    )
    expectPoolError(
      () => model.proveBlocks({ prover: alice, blockIds: [0n], now }),
      'BlockProtocolUnknownBlock',
      [0n, 3n],
    )
    expectPoolError(
      () => model.proveBlocks({ prover: alice, blockIds: [3n], now }),
      'BlockProtocolUnknownBlock',
      [3n, 3n],
    )
    expectPoolError(() => model.getBlock(3n), 'BlockProtocolUnknownBlock', [3n, 3n])
  })

  it('time goes forward only', () => {
    const model = newModel()
    expect(() => propose(model, { now: T0 - 1n })).toThrow(RangeError)
  })
})

describe('PoolModel batches', () => {
  const config = { ...testConfig, batchingBacklog: 4n, batchDivisor: 2n, maxBatchSize: 3n }

  function busy() {
    const model = newModel(config)
    stake(model, alice, { capacity: 50n })
    for (let i = 0; i < 6; i++) propose(model)
    return model
  }

  it('allows up to ceil(backlog / divisor) blocks per proof from the batching backlog on', () => {
    const model = busy()
    expect(model.currentBatchSize()).toBe(3n) // ceil(6/2) = 3 = max
    expectPoolError(
      () => model.proveBlocks({ prover: alice, blockIds: [1n, 2n, 3n, 4n], now: model.timestamp }),
      'BlockProtocolBatchTooLarge',
      [4n, 3n],
    )
    const r = model.proveBlocks({ prover: alice, blockIds: [3n, 1n, 2n], now: model.timestamp })
    const base = F0 * 1_000_000n
    // fast tier (delay 0) + 5 % stabilisation for a batch of ≥ 2
    expect(r.paid).toEqual([0, 1, 2].map(() => base + base / 10n + base / 20n))
    expect(r.events.filter((e) => e.eventName === 'BlockProven').map((e) => e.args[0])).toEqual([3n, 1n, 2n])
    expect(r.events.every((e) => e.eventName !== 'BlockProven' || e.args[6] === true)).toBe(true)
    expect(model.backlog).toBe(3n)
    expect(model.currentBatchSize()).toBe(1n)
  })

  it('reverts the whole batch when one block fails, in the given order', () => {
    const model = busy()
    const before = model.snapshot()
    expectPoolError(
      () => model.proveBlocks({ prover: alice, blockIds: [1n, 9n], now: model.timestamp }),
      'BlockProtocolUnknownBlock',
      [9n, 7n],
    )
    expectPoolError(
      () => model.proveBlocks({ prover: alice, blockIds: [1n, 1n], now: model.timestamp }),
      'BlockProtocolAlreadyProven',
      [1n],
    )
    expectPoolError(
      () => model.proveBlocks({ prover: bob, blockIds: [1n, 2n], now: model.timestamp }),
      'BlockProtocolNotAssignedProver',
    )
    expect(model.snapshot()).toEqual(before)
  })
})
