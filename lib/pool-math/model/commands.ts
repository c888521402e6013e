import fc from 'fast-check'
import { type Address, type Hex, keccak256, toHex, zeroHash } from 'viem'
import type { PoolConfig, PoolConfigKey } from '../config'
import { BPS, STAKE_UNIT } from '../constants'
import type { PoolEvent } from './events'
import type { PoolModel } from './PoolModel'

/**
 * Random command sequences for model-based tests: the model's own invariant test and the differential test
 * that drives the contracts and a `PoolModel` in lockstep (test/differential). Test support only; not
 * exported from the package.
 *
 * A `PoolCommand` is abstract (actor indexes, R as basis points of the current F, "some unproven blocks");
 * `resolveCommand` turns it into a concrete `PoolCall` against the model's current state, which the chain
 * shares step by step, so both sides receive exactly the same call.
 */
export type PoolCommand =
  | { kind: 'stake'; actor: number; units: bigint; wei: bigint; rBps: bigint; capacity: bigint }
  | { kind: 'topUp'; actor: number; amount: bigint }
  | { kind: 'changeRewardPerGas'; actor: number; rBps: bigint }
  | { kind: 'changeCapacity'; actor: number; capacity: bigint }
  | { kind: 'requestExit'; actor: number }
  | { kind: 'withdraw'; actor: number; queued: boolean }
  | { kind: 'proposeBlock'; gasUsed: bigint; hash: bigint; emptyCommitment: boolean }
  | { kind: 'proveBlocks'; actor: number; pick: number; count: number; assigned: boolean }
  | { kind: 'claimRewards'; actor: number; holder: boolean }
  | { kind: 'fundTreasury'; amount: bigint }
  | { kind: 'scheduleConfig'; byOwner: boolean; field: number; value: bigint }
  | { kind: 'cancelConfig'; byOwner: boolean }
  | { kind: 'applyConfig'; actor: number }
  | { kind: 'wait'; seconds: bigint }

/** A transition with every argument fixed: what is sent to the contract and to the model. */
export type PoolCall =
  | { fn: 'stake'; from: Address; amount: bigint; rewardPerGas: bigint; capacity: bigint }
  | { fn: 'topUp'; from: Address; amount: bigint }
  | { fn: 'changeRewardPerGas'; from: Address; rewardPerGas: bigint }
  | { fn: 'changeCapacity'; from: Address; capacity: bigint }
  | { fn: 'requestExit'; from: Address }
  | { fn: 'withdraw'; from: Address }
  | { fn: 'proposeBlock'; from: Address; gasUsed: bigint; hash: bigint; commitment: Hex }
  | { fn: 'proveBlocks'; from: Address; blockIds: bigint[] }
  | { fn: 'claimRewards'; from: Address }
  | { fn: 'fundTreasury'; from: Address; amount: bigint }
  | { fn: 'scheduleConfig'; from: Address; config: PoolConfig }
  | { fn: 'cancelConfig'; from: Address }
  | { fn: 'applyConfig'; from: Address }

/**
 * The config changes `scheduleConfig` commands draw from: a field and how a random `0 … 20_000` maps to
 * its value, reaching past the hard bounds often enough that refusals are exercised too.
 */
export const configChanges: readonly [PoolConfigKey, (v: bigint) => bigint][] = [
  ['slashBps', (v) => v / 10n], // bound 1_000
  ['minSlashRewardMultiple', (v) => v / 1_000n], // bound 16
  ['openRewardBps', (v) => v + 5_000n], // bound 20_000
  ['perfBonusFastBps', (v) => v / 2n], // bound 5_000
  ['stabilizationBonusBps', (v) => v / 2n], // bound 5_000
  ['proofWindowMultiplier', (v) => v / 4_000n + 1n],
  ['minProofWindow', (v) => v / 500n], // 0 is refused
  ['maxActiveProvers', (v) => v / 4_000n], // 0 is refused
  ['minGasPerBlock', (v) => v * 100n], // 0 is refused
  ['configDelay', (v) => v / 200n],
  ['feeSmoothing', (v) => v / 100n], // 0 is refused
]

export type CommandEnvironment = {
  /** The stakers and provers, indexed by `actor`. */
  actors: readonly Address[]
  proposer: Address
  /** Who funds the treasury. */
  funder: Address
  /** The core's owner (may schedule and cancel config changes). */
  owner: Address
}

const TKO = STAKE_UNIT

/** Commands weighted so that staking, proposals and proofs dominate and every rule fires within ~50 steps. */
export function poolCommandArb({ actors }: { actors: number }): fc.Arbitrary<PoolCommand> {
  const actor = fc.nat({ max: actors - 1 })
  const rBps = fc.bigInt({ min: 4_000n, max: 21_000n })
  const capacity = fc.bigInt({ min: 0n, max: 6n })
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('stake' as const),
        actor,
        units: fc.bigInt({ min: 0n, max: 3_000n }),
        wei: fc.bigInt({ min: 0n, max: TKO - 1n }),
        rBps,
        capacity,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('topUp' as const),
        actor,
        amount: fc.bigInt({ min: 0n, max: 500n * TKO }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('changeRewardPerGas' as const), actor, rBps }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('changeCapacity' as const), actor, capacity }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('requestExit' as const), actor }) },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('withdraw' as const), actor, queued: fc.boolean() }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('proposeBlock' as const),
        gasUsed: fc.bigInt({ min: 0n, max: 3_000_000n }),
        hash: fc.bigInt({ min: 0n, max: 2n ** 64n }),
        emptyCommitment: fc.nat({ max: 19 }).map((n) => n === 0), // one proposal in 20 has none
      }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('proveBlocks' as const),
        actor,
        pick: fc.nat(),
        count: fc.oneof(
          { weight: 3, arbitrary: fc.constant(1) },
          { weight: 1, arbitrary: fc.integer({ min: 2, max: 4 }) },
        ),
        assigned: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('claimRewards' as const), actor, holder: fc.boolean() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('fundTreasury' as const),
        amount: fc.bigInt({ min: 0n, max: TKO / 200n }), // a few blocks' rewards: the treasury runs short
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('scheduleConfig' as const),
        byOwner: fc.nat({ max: 9 }).map((n) => n > 0),
        field: fc.nat({ max: configChanges.length - 1 }),
        value: fc.bigInt({ min: 0n, max: 20_000n }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.record({ kind: fc.constant('applyConfig' as const), actor }),
        fc.record({ kind: fc.constant('cancelConfig' as const), byOwner: fc.boolean() }),
      ),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('wait' as const),
        seconds: fc.oneof(
          { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: 30n }) },
          { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 400n }) },
        ),
      }),
    },
  )
}

/** The concrete call for `command` in the model's current state; `null` for `wait`. */
export function resolveCommand(
  model: PoolModel,
  command: PoolCommand,
  env: CommandEnvironment,
): PoolCall | null {
  const { actors } = env
  const who = (i: number) => actors[i % actors.length]!
  const f = model.feePerGas
  switch (command.kind) {
    case 'stake':
      return {
        fn: 'stake',
        from: who(command.actor),
        amount: command.units * TKO + command.wei,
        rewardPerGas: (f * command.rBps) / BPS,
        capacity: command.capacity,
      }
    case 'topUp':
      return { fn: 'topUp', from: who(command.actor), amount: command.amount }
    case 'changeRewardPerGas':
      return { fn: 'changeRewardPerGas', from: who(command.actor), rewardPerGas: (f * command.rBps) / BPS }
    case 'changeCapacity':
      return { fn: 'changeCapacity', from: who(command.actor), capacity: command.capacity }
    case 'requestExit':
      return { fn: 'requestExit', from: who(command.actor) }
    case 'withdraw': {
      // Half the time, someone who has a queued amount.
      const queued = command.queued ? actors.find((a) => model.getStaker(a).exitAmount > 0n) : undefined
      return { fn: 'withdraw', from: queued ?? who(command.actor) }
    }
    case 'proposeBlock':
      return {
        fn: 'proposeBlock',
        from: env.proposer,
        gasUsed: command.gasUsed,
        hash: command.hash,
        commitment: command.emptyCommitment ? zeroHash : keccak256(toHex(command.hash)),
      }
    case 'proveBlocks': {
      const unproven = [...model.snapshot().blocks.values()].filter((b) => !b.proven)
      const at = (k: number) => unproven[(command.pick + k) % Math.max(1, unproven.length)]
      const blockIds = Array.from({ length: command.count }, (_, k) => at(k)?.blockId ?? model.nextBlockId)
      const first = at(0)
      // Half the time the first block's assigned prover (in-window proofs), else anyone.
      const from = command.assigned && first && !first.open ? first.assignedProver : who(command.actor)
      return { fn: 'proveBlocks', from, blockIds }
    }
    case 'claimRewards': {
      // Half the time, someone who has rewards.
      const holds = (a: Address) => {
        const { rewards, owedRewards } = model.getStaker(a)
        return rewards > 0n || owedRewards > 0n
      }
      const holder = command.holder ? actors.find(holds) : undefined
      return { fn: 'claimRewards', from: holder ?? who(command.actor) }
    }
    case 'fundTreasury':
      return { fn: 'fundTreasury', from: env.funder, amount: command.amount }
    case 'scheduleConfig': {
      const [key, toValue] = configChanges[command.field % configChanges.length]!
      return {
        fn: 'scheduleConfig',
        from: command.byOwner ? env.owner : who(0),
        config: { ...model.config, [key]: toValue(command.value) },
      }
    }
    case 'cancelConfig':
      return { fn: 'cancelConfig', from: command.byOwner ? env.owner : who(0) }
    case 'applyConfig':
      return { fn: 'applyConfig', from: who(command.actor) }
    case 'wait':
      return null
  }
}

/** Applies `call` to the model at block timestamp `now`; `parentHash` is the proposal's `blockhash(block.number-1)`. */
export function applyCall(
  model: PoolModel,
  call: PoolCall,
  { now, parentHash }: { now: bigint; parentHash: Hex },
): PoolEvent[] {
  const prover = call.from
  switch (call.fn) {
    case 'stake':
      return model.stake({
        prover,
        amount: call.amount,
        rewardPerGas: call.rewardPerGas,
        capacity: call.capacity,
        now,
      }).events
    case 'topUp':
      return model.topUp({ prover, amount: call.amount, now }).events
    case 'changeRewardPerGas':
      return model.changeRewardPerGas({ prover, rewardPerGas: call.rewardPerGas, now }).events
    case 'changeCapacity':
      return model.changeCapacity({ prover, capacity: call.capacity, now }).events
    case 'requestExit':
      return model.requestExit({ prover, now }).events
    case 'withdraw':
      return model.withdraw({ prover, now }).events
    case 'proposeBlock':
      return model.proposeBlock({
        proposer: call.from,
        gasUsed: call.gasUsed,
        commitment: call.commitment,
        parentHash,
        now,
      }).events
    case 'proveBlocks':
      return model.proveBlocks({ prover, blockIds: call.blockIds, now }).events
    case 'claimRewards':
      return model.claimRewards({ prover, now }).events
    case 'fundTreasury':
      return model.fundTreasury({ from: call.from, amount: call.amount, now }).events
    case 'scheduleConfig':
      return model.scheduleConfig({ caller: call.from, config: call.config, now }).events
    case 'cancelConfig':
      return model.cancelConfig({ caller: call.from, now }).events
    case 'applyConfig':
      return model.applyConfig({ caller: call.from, now }).events
  }
}
