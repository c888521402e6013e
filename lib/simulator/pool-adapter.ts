/**
 * Every call the simulator makes into `PoolModel`, in one place. The engine speaks in prover indices and
 * plain results; this file turns them into model transitions and the model's events back into what the
 * engine counts. When the model's API changes, this is the file to adapt.
 */
import type { Address, Hex } from 'viem'
import { type PoolErrorName, PoolModel, PoolModelError, type SelectionWeight } from '@/lib/pool-math'
import type { PoolConfig } from '@/lib/pool-math/config'
import { currentBatchSize } from '@/lib/pool-math/currentBatchSize'
import { rewardPerGasRange } from '@/lib/pool-math/rewardPerGasRange'
import { type EmergencyReason, StakerStatus } from '@/lib/pool-math/types'

export type PoolAdapterParameters = {
  config: PoolConfig
  feePerGas: bigint
  avgProofDelayMs: bigint
  selectionWeight: SelectionWeight
  /** Deployment time, seconds. */
  now: number
  /** The provers' addresses; the engine refers to them by index. */
  provers: readonly Address[]
  proposer: Address
  /** The deployer: funds the treasury at the start. */
  owner: Address
  /** The token the model reports (the lens shows it); the model moves none. */
  token?: Address | undefined
  /**
   * Where each proposal's selection randomness comes from: a parent hash, hashed with the block id by the
   * model as on chain (the replay test hands in the chain's), or a ready 256-bit seed from the engine's
   * generator (`PoolModel`'s simulation-only `selectionSeed`: the keccak is a third of a block's cost).
   */
  selection: { parentHash: () => Hex } | { seed: () => bigint }
  /** Sees every transition sent to the model, with its outcome (the replay test re-sends them to a chain). */
  onCall?: ((call: PoolCall) => void) | undefined
}

/** A transition as sent to the model, for replaying it elsewhere. */
export type PoolCall = { now: number; from: Address; outcome: 'ok' | PoolErrorName } & (
  | { fn: 'fundTreasury'; amount: bigint }
  | { fn: 'stake'; amount: bigint; rewardPerGas: bigint; capacity: bigint }
  | { fn: 'changeRewardPerGas'; rewardPerGas: bigint }
  | { fn: 'withdraw' }
  | { fn: 'proposeBlock'; gasUsed: bigint; parentHash: Hex; commitment: Hex }
  | { fn: 'proveBlocks'; blockIds: bigint[] }
)
type CallBody = PoolCall extends infer C
  ? C extends PoolCall
    ? Omit<C, 'now' | 'from' | 'outcome'>
    : never
  : never

export type Refused = { ok: false; error: PoolErrorName }
export type StakeOutcome = { ok: true; evicted: number } | Refused
export type ProposeOutcome =
  | { ok: true; blockId: number; assigned: number; deadline: number; emergency: EmergencyChange[] }
  | Refused
export type ProveOutcome =
  | {
      ok: true
      /** Reward credited per block, in order. */
      paid: bigint[]
      late: boolean[]
      slashes: { prover: number; amount: bigint }[]
      emergency: EmergencyChange[]
    }
  | Refused
export type EmergencyChange = { active: boolean; reason: EmergencyReason }
/** What the engine reads about one prover. */
export type StakerRead = {
  active: boolean
  stake: bigint
  exitAmount: bigint
  exitUnlocksAt: number
  deposited: bigint
  slashed: bigint
  rewardPerGas: bigint
  lastRewardChangeAt: number
}

const NO_CHANGES: EmergencyChange[] = []
const ZERO_HASH: Hex = `0x${'00'.repeat(32)}`
/**
 * Every simulated block carries the same non-zero commitment: the model stores it and a verifier would check
 * it, but nothing in the mechanism depends on its value (and a keccak per block would cost a third of one).
 */
const COMMITMENT: Hex = `0x${'00'.repeat(31)}01`

export class PoolAdapter {
  readonly model: PoolModel
  readonly #provers: readonly Address[]
  readonly #index: Map<Address, number>
  readonly #proposer: Address
  readonly #owner: Address
  readonly #selection: { parentHash: () => Hex } | { seed: () => bigint }
  readonly #onCall: ((call: PoolCall) => void) | undefined

  constructor(p: PoolAdapterParameters) {
    this.model = new PoolModel({
      config: p.config,
      feePerGas: p.feePerGas,
      avgProofDelayMs: p.avgProofDelayMs,
      now: BigInt(p.now),
      owner: p.owner,
      selectionWeight: p.selectionWeight,
      ...(p.token ? { token: p.token } : {}),
    })
    this.#provers = p.provers
    this.#index = new Map(p.provers.map((a, i) => [a, i]))
    this.#proposer = p.proposer
    this.#owner = p.owner
    this.#selection = p.selection
    this.#onCall = p.onCall
  }

  // ─── Transitions ──────────────────────────────────────────────────────────────────────────────────

  fundTreasury(amount: bigint, now: number): void {
    if (amount === 0n) return
    this.#call(this.#owner, now, { fn: 'fundTreasury', amount }, () => {
      this.model.fundTreasury({ from: this.#owner, amount, now: BigInt(now) })
      return { ok: true as const }
    })
  }

  /** Join (or rejoin) with everything in `amount`; `evicted` is the index pushed out, or -1. */
  stake(prover: number, amount: bigint, rewardPerGas: bigint, capacity: bigint, now: number): StakeOutcome {
    const from = this.#address(prover)
    return this.#call(from, now, { fn: 'stake', amount, rewardPerGas, capacity }, () => {
      const r = this.model.stake({ prover: from, amount, rewardPerGas, capacity, now: BigInt(now) })
      return { ok: true as const, evicted: r.evicted === null ? -1 : this.#proverIndex(r.evicted) }
    })
  }

  changeRewardPerGas(prover: number, rewardPerGas: bigint, now: number): { ok: true } | Refused {
    const from = this.#address(prover)
    return this.#call(from, now, { fn: 'changeRewardPerGas', rewardPerGas }, () => {
      this.model.changeRewardPerGas({ prover: from, rewardPerGas, now: BigInt(now) })
      return { ok: true as const }
    })
  }

  /** Withdraws the exit queue; the amount paid out. */
  withdraw(prover: number, now: number): { ok: true; amount: bigint } | Refused {
    const from = this.#address(prover)
    const amount = this.model.getStaker(from).exitAmount
    return this.#call(from, now, { fn: 'withdraw' }, () => {
      this.model.withdraw({ prover: from, now: BigInt(now) })
      return { ok: true as const, amount }
    })
  }

  /** `assigned` is the prover's index, or -1 for an open block; `deadline` is the last second of the window. */
  propose(gasUsed: bigint, now: number): ProposeOutcome {
    const sel = this.#selection
    const parentHash = 'parentHash' in sel ? sel.parentHash() : ZERO_HASH
    const selectionSeed = 'seed' in sel ? sel.seed() : undefined
    const commitment = COMMITMENT
    return this.#call(this.#proposer, now, { fn: 'proposeBlock', gasUsed, parentHash, commitment }, () => {
      const r = this.model.proposeBlock({
        proposer: this.#proposer,
        gasUsed,
        commitment,
        parentHash,
        now: BigInt(now),
        selectionSeed,
      })
      let emergency = NO_CHANGES
      let deadline = 0
      for (const e of r.events) {
        if (e.eventName === 'BlockProposed') deadline = Number(e.args[6])
        else if (e.eventName === 'EmergencyModeChanged') {
          if (emergency === NO_CHANGES) emergency = []
          emergency.push({ active: e.args[0], reason: e.args[1] })
        }
      }
      return {
        ok: true as const,
        blockId: Number(r.blockId),
        assigned: r.open ? -1 : this.#proverIndex(r.assignedProver),
        deadline,
        emergency,
      }
    })
  }

  prove(prover: number, blockIds: readonly number[], now: number): ProveOutcome {
    const from = this.#address(prover)
    const ids = blockIds.map(BigInt)
    return this.#call(from, now, { fn: 'proveBlocks', blockIds: ids }, () => {
      const r = this.model.proveBlocks({ prover: from, blockIds: ids, now: BigInt(now) })
      const late: boolean[] = []
      let slashes: { prover: number; amount: bigint }[] = []
      let emergency = NO_CHANGES
      for (const e of r.events) {
        if (e.eventName === 'BlockProven') late.push(e.args[4])
        else if (e.eventName === 'Slashed') {
          if (slashes.length === 0) slashes = []
          slashes.push({ prover: this.#proverIndex(e.args[0]), amount: e.args[2] })
        } else if (e.eventName === 'EmergencyModeChanged') {
          if (emergency === NO_CHANGES) emergency = []
          emergency.push({ active: e.args[0], reason: e.args[1] })
        }
      }
      return { ok: true as const, paid: r.paid, late, slashes, emergency }
    })
  }

  // ─── Reads ────────────────────────────────────────────────────────────────────────────────────────

  get config(): PoolConfig {
    return this.model.config
  }
  get feePerGas(): bigint {
    return this.model.feePerGas
  }
  get treasury(): bigint {
    return this.model.treasury
  }
  /** Rewards earned but not paid for lack of treasury: owed to the provers (SPEC Revision 2.5). */
  get owedRewards(): bigint {
    return this.model.totalOwed
  }
  get backlog(): number {
    return Number(this.model.backlog)
  }
  get openBlocks(): number {
    return Number(this.model.openBlocks)
  }
  get emergencyReason(): EmergencyReason {
    return this.model.emergencyReason
  }
  /** The largest batch a proof may carry now (1: no batching). */
  batchSize(): number {
    const m = this.model
    return Number(currentBatchSize({ backlog: m.backlog, emergency: m.isEmergency }, m.config))
  }
  /** The smallest gasUsed a proposal may declare (`config.minGasPerBlock`, SPEC Revision 2.2). */
  minGasUsed(): bigint {
    return this.model.config.minGasPerBlock
  }
  /** The R a prover may state now. */
  rewardPerGasRange(): { min: bigint; max: bigint } {
    return rewardPerGasRange({ feePerGas: this.model.feePerGas }, this.model.config)
  }
  staker(prover: number): StakerRead {
    const s = this.model.getStaker(this.#address(prover))
    return {
      active: s.status === StakerStatus.Active,
      stake: s.stake,
      exitAmount: s.exitAmount,
      exitUnlocksAt: Number(s.exitUnlocksAt),
      deposited: s.deposited,
      slashed: s.slashed,
      rewardPerGas: s.rewardPerGas,
      lastRewardChangeAt: Number(s.lastRewardChangeAt),
    }
  }
  /** Each prover's selection weight now (0 when not in a slot), by index. */
  weights(): bigint[] {
    const bySlot = this.model.weights()
    return this.#provers.map((a) => {
      const slot = Number(this.model.getStaker(a).slot)
      return slot > 0 ? (bySlot[slot - 1] ?? 0n) : 0n
    })
  }
  /** Unclaimed rewards credited to the prover (the simulator never claims). */
  rewards(prover: number): bigint {
    return this.model.getStaker(this.#address(prover)).rewards
  }

  // ─── Internals ────────────────────────────────────────────────────────────────────────────────────

  #address(prover: number): Address {
    const a = this.#provers[prover]
    if (a === undefined) throw new RangeError(`no prover ${prover}`)
    return a
  }

  #proverIndex(address: Address): number {
    const i = this.#index.get(address)
    if (i === undefined) throw new Error(`model invariant: ${address} is not one of the simulated provers`)
    return i
  }

  /** Runs a transition: a contract revert becomes `{ ok: false, error }`; anything else is a bug and throws. */
  #call<T extends { ok: true }>(from: Address, now: number, body: CallBody, run: () => T): T | Refused {
    try {
      const out = run()
      this.#onCall?.({ ...body, now, from, outcome: 'ok' } as PoolCall)
      return out
    } catch (error) {
      if (!(error instanceof PoolModelError)) throw error
      this.#onCall?.({ ...body, now, from, outcome: error.errorName } as PoolCall)
      return { ok: false, error: error.errorName }
    }
  }
}
