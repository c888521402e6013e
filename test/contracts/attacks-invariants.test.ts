/**
 * Fuzzed invariants on anvil: random command sequences (the `poolCommandArb` of lib/pool-math, plus more joins,
 * schedules and long waits; resolved here
 * against the chain, not the model) against a deployed pool, with the chain's state and events checked
 * after every transaction — independently of PoolModel and of lib/pool-math's formulas (test/support/expected.ts).
 *
 * What is checked, precisely:
 * 1. Token conservation: `TKO.balanceOf(core) == accountedBalance() == Σ stake + Σ queued + Σ claimable +
 *    treasury` (every staker from `getStakers`, every other actor's `rewards`), and `Σ owedRewards ==
 *    totalOwed()`.
 * 2. No slash above the hard bounds: every `Slashed(prover, blockId, amount, remaining)` has
 *    `amount ≤ min(stake, max(stake·1000/BPS, base·16))` with `stake = amount + remaining` and
 *    `base = R'·gasUsed` of that block — and is exactly `slashAmount` at the rates of the block's own
 *    config version (versions followed through `ConfigUpdated`).
 * 3. The active list holds the top standing weights: after each successful join that evicts, every active
 *    prover's standing weight `weight(stake, R, maxCapacity, F)` is ≥ the evicted one's (computed from the
 *    `Evicted` amount and its kept R and maximum capacity at the F of that block), and the newcomer's is
 *    strictly greater; after each join refused with `ProverPoolWeightTooLow(w, lowest)`, `lowest` is the
 *    least standing weight among the active provers and `w` the newcomer's weight.
 * 4. Capacity is never over-committed: `currentCapacity ≤ maxCapacity` in every slot after every step; and
 *    when a block is assigned, its prover's assigned-and-unproven blocks (followed through `BlockProposed`
 *    and `BlockProven`) are ≤ its maximum capacity; and after every step each actor's
 *    `getStaker().outstandingBlocks` equals that count, with `currentCapacity = max(0, max − outstanding)`
 *    while it holds a slot (the held-back accounting; capacity-overcommit.test.ts has the three ways v2's
 *    first draft forgot blocks).
 * 5. F stays inside `[min R', max R']` of the in-window proofs that moved it (and the starting F): each
 *    `FeePerGasChanged(blockId, old, new)` is `nextFeePerGas(old, R')` (at least one wei towards R'), with
 *    R' the block's snapshot.
 * Also: `backlog()` and `openBlocks()` equal the unproven and unproven open blocks seen in events.
 *
 * Deterministic by default (a fixed fast-check seed): `ATTACK_SEED=<n>` picks another, `ATTACK_RUNS=<n>`
 * changes the number of sequences (default 10 of 40 to 60 commands).
 */
import fc from 'fast-check'
import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  type Hash,
  keccak256,
  parseEventLogs,
  toHex,
  zeroAddress,
  zeroHash,
} from 'viem'
import { describe, expect, it } from 'vitest'
import { BlockProtocol } from '@/contracts-abi/BlockProtocol'
import type { PoolConfig } from '@/lib/pool-math/config'
import { configChanges, type PoolCommand, poolCommandArb } from '@/lib/pool-math/model/commands'
import { DEFAULT_PROOF, setupPool } from '../support'
import { BPS, maxSlashAmount, nextFeePerGas, slashAmount, TKO, weight } from '../support/expected'

const pool = setupPool({
  config: {
    maxActiveProvers: 3n,
    maxOpenBlocks: 4n,
    maxProofWindow: 60n,
    exitDelay: 60n,
    rewardChangeCooldown: 20n,
    configDelay: 30n,
  },
  // Fees and slashes only: the treasury runs short and owed rewards happen.
  treasuryFunding: 0n,
})

const RUNS = Number(process.env.ATTACK_RUNS ?? 10)
const SEED = Number(process.env.ATTACK_SEED ?? 20_250_917)

type Call =
  | { fn: 'stake'; from: Address; amount: bigint; rewardPerGas: bigint; capacity: bigint }
  | { fn: 'topUp'; from: Address; amount: bigint }
  | { fn: 'changeRewardPerGas'; from: Address; rewardPerGas: bigint }
  | { fn: 'changeCapacity'; from: Address; capacity: bigint }
  | { fn: 'requestExit' | 'withdraw' | 'claimRewards' | 'cancelConfig' | 'applyConfig'; from: Address }
  | { fn: 'proposeBlock'; from: Address; gasUsed: bigint; commitment: Hash }
  | { fn: 'proveBlocks'; from: Address; blockIds: bigint[] }
  | { fn: 'fundTreasury'; from: Address; amount: bigint }
  | { fn: 'scheduleConfig'; from: Address; config: PoolConfig }

type Event = ReturnType<typeof parseEventLogs<typeof BlockProtocol.abi>>[number]
type Outcome = { events: Event[] } | { error: { name: string; args: readonly unknown[] } }

/** What the test follows from the chain's events across one sequence. */
type Observed = {
  now: bigint
  /** Config by version: the deployment's (1), then every `ConfigUpdated`. */
  configs: Map<bigint, PoolConfig>
  version: bigint
  /** Unproven blocks: assigned prover (zeroAddress when open). */
  unproven: Map<bigint, Address>
  /** The envelope of F: the starting F and every in-window proof's R'. */
  fLow: bigint
  fHigh: bigint
  reached: Map<string, number>
}

const tally = (o: Observed, name: string) => o.reached.set(name, (o.reached.get(name) ?? 0) + 1)

const outstanding = (o: Observed, prover: Address) =>
  [...o.unproven.values()].filter((a) => a === prover).length

async function resolve(command: PoolCommand, o: Observed, actors: Address[]): Promise<Call | null> {
  const who = (i: number) => actors[i % actors.length]!
  const r = pool.protocol.read
  switch (command.kind) {
    case 'wait':
      return null
    case 'stake':
    case 'changeRewardPerGas': {
      const rewardPerGas = ((await r.feePerGas()) * command.rBps) / BPS
      return command.kind === 'stake'
        ? {
            fn: 'stake',
            from: who(command.actor),
            amount: command.units * TKO + command.wei,
            rewardPerGas,
            capacity: command.capacity,
          }
        : { fn: 'changeRewardPerGas', from: who(command.actor), rewardPerGas }
    }
    case 'topUp':
      return { fn: 'topUp', from: who(command.actor), amount: command.amount }
    case 'changeCapacity':
      return { fn: 'changeCapacity', from: who(command.actor), capacity: command.capacity }
    case 'requestExit':
      return { fn: 'requestExit', from: who(command.actor) }
    case 'withdraw': {
      const infos = await Promise.all(actors.map((a) => r.getStaker([a])))
      const queued = command.queued ? infos.find((i) => i.exitAmount > 0n)?.prover : undefined
      return { fn: 'withdraw', from: queued ?? who(command.actor) }
    }
    case 'claimRewards': {
      const infos = await Promise.all(actors.map((a) => r.getStaker([a])))
      const holder = command.holder
        ? infos.find((i) => i.rewards > 0n || i.owedRewards > 0n)?.prover
        : undefined
      return { fn: 'claimRewards', from: holder ?? who(command.actor) }
    }
    case 'proposeBlock':
      return {
        fn: 'proposeBlock',
        from: pool.accounts.proposer,
        gasUsed: command.gasUsed,
        commitment: command.emptyCommitment ? zeroHash : keccak256(toHex(command.hash)),
      }
    case 'proveBlocks': {
      const ids = [...o.unproven.keys()].sort((a, b) => (a < b ? -1 : 1))
      const at = (k: number) => ids[(command.pick + k) % Math.max(1, ids.length)]
      const next = await r.nextBlockId()
      const blockIds = Array.from({ length: command.count }, (_, k) => at(k) ?? next)
      const first = at(0)
      const assigned = first === undefined ? zeroAddress : o.unproven.get(first)!
      const from = command.assigned && assigned !== zeroAddress ? assigned : who(command.actor)
      return { fn: 'proveBlocks', from, blockIds }
    }
    case 'fundTreasury':
      return { fn: 'fundTreasury', from: pool.accounts.grace, amount: command.amount }
    case 'scheduleConfig': {
      const [key, toValue] = configChanges[command.field % configChanges.length]!
      const current = o.configs.get(o.version)!
      return {
        fn: 'scheduleConfig',
        from: command.byOwner ? pool.accounts.owner : who(0),
        config: { ...current, [key]: toValue(command.value) },
      }
    }
    case 'cancelConfig':
      return { fn: 'cancelConfig', from: command.byOwner ? pool.accounts.owner : who(0) }
    case 'applyConfig':
      return { fn: 'applyConfig', from: who(command.actor) }
  }
}

async function execute(call: Call): Promise<Outcome> {
  const w = pool.protocol.write
  const account = call.from
  let hash: Promise<Hash>
  switch (call.fn) {
    case 'stake':
      hash = w.stake([call.amount, call.rewardPerGas, call.capacity], { account })
      break
    case 'topUp':
      hash = w.topUp([call.amount], { account })
      break
    case 'changeRewardPerGas':
      hash = w.changeRewardPerGas([call.rewardPerGas], { account })
      break
    case 'changeCapacity':
      hash = w.changeCapacity([call.capacity], { account })
      break
    case 'proposeBlock':
      hash = w.proposeBlock([Number(call.gasUsed), call.commitment], { account })
      break
    case 'proveBlocks':
      hash = w.proveBlocks([call.blockIds, DEFAULT_PROOF], { account })
      break
    case 'fundTreasury':
      hash = w.fundTreasury([call.amount], { account })
      break
    case 'scheduleConfig':
      hash = w.scheduleConfig([call.config], { account })
      break
    default:
      hash = w[call.fn]({ account })
  }
  try {
    const receipt = await pool.send(hash)
    const events = parseEventLogs({ abi: BlockProtocol.abi, logs: receipt.logs }).filter(
      (log) => log.address.toLowerCase() === pool.addresses.protocol.toLowerCase(),
    )
    return { events }
  } catch (error) {
    const reverted =
      error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : null
    if (!(reverted instanceof ContractFunctionRevertedError) || !reverted.data) throw error
    return { error: { name: reverted.data.errorName, args: reverted.data.args ?? [] } }
  }
}

/** The active provers' standing weights (stake, R and maximum capacity at fee `fee`), from the lens. */
async function standing(fee: bigint, config: PoolConfig) {
  const view = await pool.lens.read.getPool([pool.addresses.protocol])
  return view.provers.map((p) => ({
    prover: p.prover,
    weight: weight(config, p.stake, p.rewardPerGas, p.maxCapacity, fee),
  }))
}

/** Invariant 1, and the backlog against the events. */
async function checkAccounts(o: Observed, actors: Address[], step: string) {
  const r = pool.protocol.read
  const core = pool.addresses.protocol
  const [balance, accounted, treasury, totalOwed, backlog, openBlocks, [rows]] = await Promise.all([
    pool.token.read.balanceOf([core]),
    r.accountedBalance(),
    r.treasury(),
    r.totalOwed(),
    r.backlog(),
    r.openBlocks(),
    pool.lens.read.getStakers([core, 0n, 100n]),
  ])
  const listed = new Set(rows.map((row) => row.prover))
  const others = actors.filter((a) => !listed.has(a))
  const [otherRewards, otherOwed] = await Promise.all([
    Promise.all(others.map((a) => r.rewards([a]))),
    Promise.all(others.map((a) => r.owedRewards([a]))),
  ])
  const sum = (xs: readonly bigint[]) => xs.reduce((s, x) => s + x, 0n)
  const recomputed =
    sum(rows.map((row) => row.stake + row.exitAmount + row.unclaimedRewards)) + sum(otherRewards) + treasury
  expect(balance, `balance == accountedBalance() after ${step}`).toBe(accounted)
  expect(accounted, `accountedBalance() == Σ after ${step}`).toBe(recomputed)
  expect(sum([...rows.map((row) => row.owedRewards), ...otherOwed]), `Σ owed after ${step}`).toBe(totalOwed)
  expect(backlog, `backlog after ${step}`).toBe(BigInt(o.unproven.size))
  const open = [...o.unproven.values()].filter((a) => a === zeroAddress).length
  expect(openBlocks, `openBlocks after ${step}`).toBe(BigInt(open))
}

async function runStep(command: PoolCommand, o: Observed, actors: Address[]) {
  if (command.kind === 'wait') {
    o.now += command.seconds
    return
  }
  const call = await resolve(command, o, actors)
  if (!call) return
  const r = pool.protocol.read
  const config = o.configs.get(o.version)!
  const fee = await r.feePerGas()
  const before = call.fn === 'stake' ? await standing(fee, config) : []

  o.now += 1n
  await pool.setNextTimestamp(o.now)
  const outcome = await execute(call)
  const step = JSON.stringify(call, (_, v) => (typeof v === 'bigint' ? `${v}` : v))

  tally(o, 'steps')
  if ('error' in outcome) {
    tally(o, `error ${outcome.error.name}`)
    // Invariant 3, refused joins: the lowest standing weight, and the newcomer's weight.
    if (outcome.error.name === 'ProverPoolWeightTooLow' && call.fn === 'stake') {
      let lowest = before[0]!.weight
      for (const p of before) if (p.weight < lowest) lowest = p.weight // bigints: no Math.min
      expect(outcome.error.args, step).toEqual([
        weight(config, call.amount, call.rewardPerGas, call.capacity, fee),
        lowest,
      ])
    }
    return
  }

  for (const event of outcome.events) {
    tally(o, event.eventName)
    switch (event.eventName) {
      case 'ConfigUpdated':
        o.configs.set(event.args.version, event.args.config)
        o.version = event.args.version
        break
      case 'BlockProposed': {
        const { blockId, assignedProver } = event.args
        o.unproven.set(blockId, assignedProver)
        // Invariant 4, at assignment.
        if (assignedProver !== zeroAddress) {
          tally(o, 'check: capacity at assignment')
          const { maxCapacity } = await r.getStaker([assignedProver])
          expect(BigInt(outstanding(o, assignedProver)), `${step}: over-committed`).toBeLessThanOrEqual(
            maxCapacity,
          )
        }
        break
      }
      case 'BlockProven': {
        o.unproven.delete(event.args.blockId)
        break
      }
      case 'Slashed': {
        // Invariant 2.
        const { blockId, amount, remainingStake } = event.args
        const block = await r.getBlock([blockId])
        const stake = amount + remainingStake
        const base = block.rewardPerGas * block.gasUsed
        expect(amount, `${step}: slash bound`).toBeLessThanOrEqual(maxSlashAmount(stake, base))
        expect(amount).toBeLessThanOrEqual(stake)
        expect(amount, `${step}: slash at version ${block.configVersion}`).toBe(
          slashAmount(o.configs.get(block.configVersion)!, stake, base),
        )
        break
      }
      case 'FeePerGasChanged': {
        // Invariant 5.
        const { blockId, oldFeePerGas, newFeePerGas } = event.args
        const rEff = (await r.getBlock([blockId])).rewardPerGas
        expect(newFeePerGas, `${step}: F step`).toBe(
          nextFeePerGas(o.configs.get(o.version)!, oldFeePerGas, rEff),
        )
        if (rEff < o.fLow) o.fLow = rEff
        if (rEff > o.fHigh) o.fHigh = rEff
        break
      }
      case 'Evicted': {
        // Invariant 3, evicting joins: the evicted one had the lowest standing weight.
        const { prover, by, amount } = event.args
        const out = await r.getStaker([prover]) // R and maximum capacity are kept after leaving
        const evicted = weight(config, amount, out.rewardPerGas, out.maxCapacity, fee)
        const after = await standing(fee, config)
        for (const p of after) {
          if (p.prover === by)
            expect(p.weight, `${step}: newcomer beats the evicted`).toBeGreaterThan(evicted)
          else
            expect(p.weight, `${step}: ${p.prover} stays above the evicted`).toBeGreaterThanOrEqual(evicted)
        }
        break
      }
    }
  }
  // Invariants 4 (per slot, and each actor's outstanding blocks) and 5 (the envelope) after every step, and 1.
  const [view, f, stakers] = await Promise.all([
    pool.lens.read.getPool([pool.addresses.protocol]),
    r.feePerGas(),
    Promise.all(actors.map((a) => r.getStaker([a]))),
  ])
  for (const p of view.provers) expect(p.currentCapacity, step).toBeLessThanOrEqual(p.maxCapacity)
  for (const st of stakers) {
    const held = BigInt(outstanding(o, st.prover))
    expect(st.outstandingBlocks, `${step}: outstanding blocks of ${st.prover}`).toBe(held)
    if (st.slot !== 0n) {
      const free = st.maxCapacity > held ? st.maxCapacity - held : 0n
      expect(st.currentCapacity, `${step}: current capacity of ${st.prover}`).toBe(free)
    }
  }
  expect(f >= o.fLow && f <= o.fHigh, `${step}: F ${f} outside [${o.fLow}, ${o.fHigh}]`).toBe(true)
  await checkAccounts(o, actors, step)
}

const reachedTotal = new Map<string, number>()

/**
 * The model tests' command mix, plus more of what the attacks need: valid joins (so the list fills and
 * evictions and refused joins happen), the owner's schedules, and waits long enough to apply them.
 */
const attackCommandArb: fc.Arbitrary<PoolCommand> = fc.oneof(
  { weight: 6, arbitrary: poolCommandArb({ actors: 6 }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('stake' as const),
      actor: fc.nat({ max: 5 }),
      units: fc.bigInt({ min: 500n, max: 4_000n }),
      wei: fc.constant(0n),
      rBps: fc.bigInt({ min: 5_000n, max: 20_000n }),
      capacity: fc.bigInt({ min: 1n, max: 6n }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('scheduleConfig' as const),
      byOwner: fc.constant(true),
      field: fc.nat({ max: configChanges.length - 1 }),
      value: fc.bigInt({ min: 0n, max: 20_000n }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.bigInt({ min: 30n, max: 90n }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('applyConfig' as const), actor: fc.nat({ max: 5 }) }),
  },
)

async function runSequence(commands: PoolCommand[]) {
  const { alice, bob, carol, dave, erin, frank } = pool.accounts
  const actors = [alice, bob, carol, dave, erin, frank]
  const snapshot = await pool.snapshot()
  try {
    const [head, config, fee] = await Promise.all([
      pool.publicClient.getBlock(),
      pool.protocol.read.config(),
      pool.protocol.read.feePerGas(),
    ])
    const o: Observed = {
      now: head.timestamp,
      configs: new Map([[1n, config]]),
      version: 1n,
      unproven: new Map(),
      fLow: fee,
      fHigh: fee,
      reached: reachedTotal,
    }
    for (const command of commands) await runStep(command, o, actors)
  } finally {
    await pool.revert(snapshot)
  }
}

describe('fuzzed invariants on anvil (fast-check sequences, checked against the chain only)', () => {
  it('conserves tokens, bounds slashes, keeps the top standing weights, never over-commits capacity, keeps F in its envelope', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(attackCommandArb, { minLength: 40, maxLength: 60 }), runSequence),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    )
    const reach = [...reachedTotal].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`)
    console.info(`attack invariants, seed ${SEED}, ${RUNS} sequences:\n  ${reach.join('\n  ')}`)
    // The checks above ran on these paths (a default run must reach them).
    if (process.env.ATTACK_SEED === undefined && process.env.ATTACK_RUNS === undefined)
      for (const name of [
        'Slashed',
        'Evicted',
        'FeePerGasChanged',
        'RewardOwed',
        'ConfigUpdated',
        'error ProverPoolWeightTooLow',
        'check: capacity at assignment',
      ])
        expect(reachedTotal.has(name), `reached ${name}`).toBe(true)
  }, 120_000)
})
