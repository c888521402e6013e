import { type Address, type Hex, zeroAddress } from 'viem'
import { defaultConfig, defaultInitialState, type PoolConfig } from '../config'
import { poolConfigKeys } from '../config-keys'
import {
  MAX_AVG_PROOF_DELAY_MS,
  MAX_CAPACITY,
  MAX_GAS_USED,
  MAX_REWARD_PER_GAS,
  MAX_SLOTS,
  MAX_STAKE,
} from '../constants'
import { currentBatchSize } from '../currentBatchSize'
import { effectiveRewardPerGas } from '../effectiveRewardPerGas'
import { emergencyExitBacklog } from '../emergencyExitBacklog'
import { exitDayOf, exitLimitResetsAt, exitsToday } from '../exitsToday'
import { healthBps } from '../healthBps'
import { checksum } from '../internal/checksum'
import { min } from '../internal/minMax'
import { isCongested } from '../isCongested'
import { eligibilityRequirements, isEligible } from '../isEligible'
import { minCapacity } from '../minCapacity'
import { minStake } from '../minStake'
import { nextAvgProofDelay } from '../nextAvgProofDelay'
import { nextFeePerGas } from '../nextFeePerGas'
import { type ProofKind, proofReward } from '../proofReward'
import { proofWindow } from '../proofWindow'
import { proposalFee } from '../proposalFee'
import { quantiseStake } from '../quantiseStake'
import { rewardPerGasRange } from '../rewardPerGasRange'
import { seedWeight } from '../seedWeight'
import { selectionSeed } from '../selectionSeed'
import { selectProver } from '../selectProver'
import { slashAmount } from '../slashAmount'
import { slotWeight, type WeightFormula } from '../slotWeight'
import { standingWeight } from '../standingWeight'
import {
  type BlockInfo,
  EmergencyReason,
  emergencyReasonOf,
  type PoolView,
  type ProverView,
  type StakerInfo,
  StakerStatus,
  stakerStatusOf,
} from '../types'
import { validateConfig } from '../validateConfig'
import { weight } from '../weight'
import { type PoolError, type PoolErrorArgs, type PoolErrorName, PoolModelError } from './errors'
import type { PoolEvent } from './events'

/** A staker as the model stores it. `slot` is the 0-based active slot, `-1` when not active. */
export type Staker = {
  prover: Address
  status: StakerStatus
  slot: number
  stake: bigint
  /** R and the stated (max) capacity are kept after leaving the active list, for display. */
  rewardPerGas: bigint
  /** 0 while not active (it lives in the slot on chain). */
  currentCapacity: bigint
  maxCapacity: bigint
  /**
   * Unproven assigned blocks the current capacity does not show: all of them while not active, the part
   * above a lowered capacity while active. Outstanding = (active ? max − current : 0) + heldBack.
   */
  heldBack: bigint
  deposited: bigint
  slashed: bigint
  exitAmount: bigint
  exitUnlocksAt: bigint
  lastRewardChangeAt: bigint
  lastCapacityChangeAt: bigint
}

/** The whole state of the core contract (BlockProtocol is ProverPool), plus the core's TKO balance. */
export type PoolModelState = {
  /** The config in force. */
  config: PoolConfig
  /** Its version: 1 at deployment, +1 at each `applyConfig`. */
  configVersion: bigint
  /** Every version's config: a block keeps the rates and window of the version it was proposed under. */
  configs: Map<bigint, PoolConfig>
  /** The scheduled config, and from when `applyConfig` may install it (`pendingConfigAt` 0: none). */
  pendingConfig: PoolConfig | null
  pendingConfigAt: bigint
  token: Address
  /** `Ownable2Step.owner()`: may schedule and cancel config changes. */
  owner: Address
  /** `Ownable2Step.pendingOwner()`: may accept ownership. */
  pendingOwner: Address
  feePerGas: bigint
  /** Average proof delay, milliseconds. */
  avgProofDelayMs: bigint
  nextBlockId: bigint
  backlog: bigint
  openBlocks: bigint
  emergencyReason: EmergencyReason
  treasury: bigint
  /** Σ owed rewards: the treasury pays new rewards only from what it holds beyond this (Revision 2.5). */
  totalOwed: bigint
  /** `timestamp / 86_400` of the last voluntary exit, and how many exits that day. */
  exitDay: bigint
  exitsToday: bigint
  /** `TKO.balanceOf(core)`, moved only by token transfers (conservation is checked against it). */
  balance: bigint
  /** `now` of the last successful transition (time never goes back). */
  timestamp: bigint
  /** Owner of each of the 32 slots, `zeroAddress` when free. */
  slotOwners: Address[]
  stakers: Map<Address, Staker>
  /** Every address that ever staked, in order of first stake (`stakerAt`). */
  stakerList: Address[]
  /** Claimable rewards of any address (open blocks may be proven by non-stakers). */
  rewards: Map<Address, bigint>
  /** Rewards owed to an address that the treasury could not pay yet. */
  owed: Map<Address, bigint>
  blocks: Map<bigint, BlockInfo>
}

export type PoolModelParameters = {
  config?: PoolConfig
  feePerGas?: bigint
  /** Starting average proof delay, milliseconds. */
  avgProofDelayMs?: bigint
  token?: Address
  /** The deployer (`Ownable`); `zeroAddress` (the default) means nobody may schedule a config. */
  owner?: Address
  /** Deployment time; transitions may not go before it. */
  now?: bigint
  /**
   * The weight that selects provers and decides evictions: `hardened` (the default, the contracts' `weight`)
   * or `seed` (the seed proposal's raw `seedWeight`, `A·F²/R²`, which no contract uses). Only the simulator
   * (lib/simulator) picks `seed`, to show what the hardening changes; everything else is the same model.
   */
  selectionWeight?: SelectionWeight
}
/** Which weight formula a `PoolModel` selects with (see `PoolModelParameters.selectionWeight`). */
export type SelectionWeight = 'hardened' | 'seed'

export type StakeParameters = {
  prover: Address
  amount: bigint
  rewardPerGas: bigint
  capacity: bigint
  now: bigint
}
export type StakeReturnType = {
  /** 1-based slot the prover holds afterwards. */
  slot: bigint
  /** Who was evicted to make room, if anyone. */
  evicted: Address | null
  topUp: boolean
  events: PoolEvent[]
}
export type TopUpParameters = { prover: Address; amount: bigint; now: bigint }
export type ChangeRewardPerGasParameters = { prover: Address; rewardPerGas: bigint; now: bigint }
export type ChangeCapacityParameters = { prover: Address; capacity: bigint; now: bigint }
export type RequestExitParameters = { prover: Address; now: bigint }
export type WithdrawParameters = { prover: Address; now: bigint }
export type ProposeBlockParameters = {
  proposer: Address
  gasUsed: bigint
  /** The block commitment (non-zero), handed to the verifier with the block id. */
  commitment: Hex
  /** `blockhash(block.number - 1)` of the proposal's chain block. */
  parentHash: Hex
  now: bigint
  /**
   * Simulation only: use this number as the selection seed instead of `selectionSeed(parentHash, blockId)`.
   * The simulator (lib/simulator) draws uniform 256-bit seeds from its own generator; a keccak of a random
   * parent hash is just as uniform and costs a third of a simulated block. No contract has this input.
   */
  selectionSeed?: bigint
}
export type ProposeBlockReturnType = {
  blockId: bigint
  /** `zeroAddress` for an open block. */
  assignedProver: Address
  open: boolean
  events: PoolEvent[]
}
export type ProveBlocksParameters = {
  prover: Address
  blockIds: readonly bigint[]
  now: bigint
  /** The development verifier accepts any non-empty proof. */
  proof?: Hex
}
export type ProveBlocksReturnType = {
  /** Reward paid now (credited as claimable) per block, in `blockIds` order. */
  paid: bigint[]
  /** Reward owed (the treasury was short) per block, in `blockIds` order. */
  owed: bigint[]
  events: PoolEvent[]
}
export type ClaimRewardsParameters = { prover: Address; now: bigint }
export type FundTreasuryParameters = { from: Address; amount: bigint; now: bigint }
export type ScheduleConfigParameters = { caller: Address; config: PoolConfig; now: bigint }
export type CallerParameters = { caller: Address; now: bigint }
export type TransferOwnershipParameters = { caller: Address; newOwner: Address; now: bigint }
export type TransitionReturnType = { events: PoolEvent[] }
export type LensParameters = { chainBlockNumber?: bigint; chainTimestamp?: bigint }

/** `pendingConfig()` when nothing is scheduled: every field zero. */
const zeroConfig = Object.fromEntries(poolConfigKeys.map((k) => [k, 0n])) as PoolConfig

function fail<name extends PoolErrorName>(name: name, ...args: PoolErrorArgs[name]): never {
  throw new PoolModelError({ name, args } as PoolError)
}

const emptyStaker = (prover: Address): Staker => ({
  prover,
  status: StakerStatus.None,
  slot: -1,
  stake: 0n,
  rewardPerGas: 0n,
  currentCapacity: 0n,
  maxCapacity: 0n,
  heldBack: 0n,
  deposited: 0n,
  slashed: 0n,
  exitAmount: 0n,
  exitUnlocksAt: 0n,
  lastRewardChangeAt: 0n,
  lastCapacityChangeAt: 0n,
})

/** Throws the contracts' `ProverPoolConfigInvalid(field, value, min, max)` for an invalid config. */
function checkConfig(config: PoolConfig): void {
  const invalid = validateConfig(config)
  if (invalid) fail('ProverPoolConfigInvalid', BigInt(invalid.index), invalid.value, invalid.min, invalid.max)
}

/**
 * The core contract (`BlockProtocol is ProverPool`) as a TypeScript state machine: the same state, the same
 * transitions, the same custom errors and events, per docs/contracts.md, built on the `lib/pool-math`
 * formulas. Every transition takes the block timestamp `now`; a transition the contract would revert throws
 * `PoolModelError` (same `errorName` and `args`) and leaves the state untouched: each one checks everything
 * first, then writes (checks-effects, as the contracts do).
 */
export class PoolModel {
  #s: PoolModelState
  /** Not contract state: which formula weighs the slots (`weight`, or `seedWeight` in the simulator). */
  #selectionWeight: SelectionWeight
  #weightFormula: WeightFormula

  constructor({
    config = defaultConfig,
    feePerGas = defaultInitialState.feePerGas,
    avgProofDelayMs = defaultInitialState.avgProofDelayMs,
    token = zeroAddress,
    owner = zeroAddress,
    now = 0n,
    selectionWeight = 'hardened',
  }: PoolModelParameters = {}) {
    // The constructor's checks in its order: the config, then the arguments (the token aside: the model
    // moves no tokens, so it needs none).
    checkConfig(config)
    if (feePerGas === 0n || feePerGas > MAX_REWARD_PER_GAS)
      fail('ProverPoolConfigInvalid', 31n, feePerGas, 1n, MAX_REWARD_PER_GAS)
    if (avgProofDelayMs > MAX_AVG_PROOF_DELAY_MS)
      fail('ProverPoolConfigInvalid', 32n, avgProofDelayMs, 0n, MAX_AVG_PROOF_DELAY_MS)
    this.#selectionWeight = selectionWeight
    this.#weightFormula = selectionWeight === 'seed' ? seedWeight : weight
    this.#s = {
      config,
      configVersion: 1n,
      configs: new Map([[1n, config]]),
      pendingConfig: null,
      pendingConfigAt: 0n,
      token,
      owner: checksum(owner),
      pendingOwner: zeroAddress,
      feePerGas,
      avgProofDelayMs,
      nextBlockId: 1n,
      backlog: 0n,
      openBlocks: 0n,
      emergencyReason: EmergencyReason.None,
      treasury: 0n,
      totalOwed: 0n,
      exitDay: 0n,
      exitsToday: 0n,
      balance: 0n,
      timestamp: now,
      slotOwners: Array.from({ length: MAX_SLOTS }, () => zeroAddress),
      stakers: new Map(),
      stakerList: [],
      rewards: new Map(),
      owed: new Map(),
      blocks: new Map(),
    }
  }

  /**
   * A model of the pool as a lens read shows it, for previews. It knows the active provers only (the lens
   * is bounded), no blocks (proving fails with `UnknownBlock`), and assumes the balance is conserved.
   */
  static fromView(view: PoolView): PoolModel {
    const model = new PoolModel({
      config: view.config,
      token: view.token,
      owner: view.owner,
      now: view.chainTimestamp,
    })
    const s = model.#s
    s.configVersion = view.configVersion
    s.configs = new Map([[view.configVersion, view.config]])
    s.pendingConfig = view.pendingConfigAt === 0n ? null : view.pendingConfig
    s.pendingConfigAt = view.pendingConfigAt
    s.totalOwed = view.totalOwed
    s.feePerGas = view.feePerGas // F may have decayed to 0 on chain; only the constructor refuses 0
    s.avgProofDelayMs = view.avgProofDelayMs
    s.nextBlockId = view.nextBlockId
    s.backlog = view.backlog
    s.openBlocks = view.openBlocks
    s.emergencyReason = emergencyReasonOf(view.emergencyReason)
    s.treasury = view.treasury
    // The lens's count is already the one of its block's day (0 once the day rolled).
    s.exitDay = exitDayOf(view.chainTimestamp)
    s.exitsToday = view.exitsToday
    for (const p of view.provers) {
      const prover = checksum(p.prover)
      const slot = p.slot > 0n ? Number(p.slot) - 1 : -1
      s.stakers.set(prover, {
        prover,
        status: stakerStatusOf(p.status),
        slot,
        stake: p.stake,
        rewardPerGas: p.rewardPerGas,
        currentCapacity: p.currentCapacity,
        maxCapacity: p.maxCapacity,
        heldBack: p.outstandingBlocks - (p.maxCapacity - p.currentCapacity),
        deposited: p.deposited,
        slashed: p.slashed,
        exitAmount: p.exitAmount,
        exitUnlocksAt: p.exitUnlocksAt,
        lastRewardChangeAt: p.lastRewardChangeAt,
        lastCapacityChangeAt: p.lastCapacityChangeAt,
      })
      s.stakerList.push(prover)
      if (slot >= 0) s.slotOwners[slot] = prover
      if (p.unclaimedRewards > 0n) s.rewards.set(prover, p.unclaimedRewards)
      if (p.owedRewards > 0n) s.owed.set(prover, p.owedRewards)
    }
    s.balance = model.accountedBalance()
    return model
  }

  /** A deep copy; transitions on it never touch this model. */
  clone(): PoolModel {
    const copy = new PoolModel({ config: this.#s.config, selectionWeight: this.#selectionWeight })
    copy.#s = this.snapshot()
    return copy
  }

  /** A deep copy of the whole state (for comparisons and debugging). */
  snapshot(): PoolModelState {
    const s = this.#s
    return {
      ...s,
      configs: new Map(s.configs),
      slotOwners: [...s.slotOwners],
      stakers: new Map([...s.stakers].map(([a, st]) => [a, { ...st }])),
      stakerList: [...s.stakerList],
      rewards: new Map(s.rewards),
      owed: new Map(s.owed),
      blocks: new Map([...s.blocks].map(([id, b]) => [id, { ...b }])),
    }
  }

  // ─── Reads (the contract's views) ───────────────────────────────────────────────────────────────

  get config(): PoolConfig {
    return this.#s.config
  }
  get feePerGas(): bigint {
    return this.#s.feePerGas
  }
  /** Average proof delay, milliseconds. */
  get avgProofDelayMs(): bigint {
    return this.#s.avgProofDelayMs
  }
  get backlog(): bigint {
    return this.#s.backlog
  }
  get openBlocks(): bigint {
    return this.#s.openBlocks
  }
  get nextBlockId(): bigint {
    return this.#s.nextBlockId
  }
  get treasury(): bigint {
    return this.#s.treasury
  }
  /** Σ rewards owed (not yet paid by the treasury). */
  get totalOwed(): bigint {
    return this.#s.totalOwed
  }
  get configVersion(): bigint {
    return this.#s.configVersion
  }
  /** The scheduled config and when it may apply (`activatesAt` 0 and an all-zero config: none). */
  get pendingConfig(): { config: PoolConfig; activatesAt: bigint } {
    return { config: this.#s.pendingConfig ?? zeroConfig, activatesAt: this.#s.pendingConfigAt }
  }
  get owner(): Address {
    return this.#s.owner
  }
  get pendingOwner(): Address {
    return this.#s.pendingOwner
  }
  get emergencyReason(): EmergencyReason {
    return this.#s.emergencyReason
  }
  get isEmergency(): boolean {
    return this.#s.emergencyReason !== EmergencyReason.None
  }
  /** `TKO.balanceOf(core)`: moved only by transfers in and out. */
  get balance(): bigint {
    return this.#s.balance
  }
  /** `now` of the last successful transition. */
  get timestamp(): bigint {
    return this.#s.timestamp
  }

  currentBatchSize(): bigint {
    const s = this.#s
    return currentBatchSize({ backlog: s.backlog, emergency: this.isEmergency }, s.config)
  }
  currentMinStake(): bigint {
    return minStake({ backlog: this.#s.backlog }, this.#s.config)
  }
  currentMinCapacity(): bigint {
    return minCapacity({ backlog: this.#s.backlog }, this.#s.config)
  }
  currentProofWindow(): bigint {
    return proofWindow({ avgProofDelayMs: this.#s.avgProofDelayMs }, this.#s.config)
  }
  /** Voluntary exits already used on the UTC day of `now` (0 once the day rolled). */
  exitsToday(now: bigint = this.#s.timestamp): bigint {
    return exitsToday({ exitDay: this.#s.exitDay, exitsToday: this.#s.exitsToday, now })
  }

  /**
   * `Σ stake + Σ exitAmount + Σ claimable rewards + treasury`: must equal `balance` after every transition
   * (owed rewards are not backed by tokens until the treasury is refilled).
   */
  accountedBalance(): bigint {
    const s = this.#s
    let total = s.treasury
    for (const st of s.stakers.values()) total += st.stake + st.exitAmount
    for (const r of s.rewards.values()) total += r
    return total
  }

  /** The 32 slot weights the next proposal would use (current `F` and backlog, eligibility included). */
  weights(): bigint[] {
    return this.#slotWeights(this.#s.backlog)
  }

  slotOwners(): Address[] {
    return [...this.#s.slotOwners]
  }

  stakerCount(): bigint {
    return BigInt(this.#s.stakerList.length)
  }

  stakerAt(index: bigint): Address {
    const a = this.#s.stakerList[Number(index)]
    if (a === undefined) throw new RangeError(`no staker at ${index}`)
    return a
  }

  getStaker(prover: Address): StakerInfo {
    const a = checksum(prover)
    const st = this.#s.stakers.get(a) ?? emptyStaker(a)
    return {
      prover: a,
      status: st.status,
      slot: BigInt(st.slot + 1),
      stake: st.stake,
      rewardPerGas: st.rewardPerGas,
      currentCapacity: st.currentCapacity,
      maxCapacity: st.maxCapacity,
      outstandingBlocks: this.#outstanding(st),
      deposited: st.deposited,
      slashed: st.slashed,
      exitAmount: st.exitAmount,
      exitUnlocksAt: st.exitUnlocksAt,
      rewards: this.#s.rewards.get(a) ?? 0n,
      owedRewards: this.#s.owed.get(a) ?? 0n,
      lastRewardChangeAt: st.lastRewardChangeAt,
      lastCapacityChangeAt: st.lastCapacityChangeAt,
    }
  }

  /** `getBlock(id)`: reverts `BlockProtocolUnknownBlock` outside `1 … nextBlockId-1`. */
  getBlock(blockId: bigint): BlockInfo {
    const b = this.#s.blocks.get(blockId)
    if (!b) fail('BlockProtocolUnknownBlock', blockId, this.#s.nextBlockId)
    return { ...b }
  }

  /** One lens row (`ProverPoolLens._row`); `weight` is given (the lens shows it for active provers only). */
  #row(st: Staker, weight: bigint): ProverView {
    const s = this.#s
    return {
      prover: st.prover,
      status: st.status,
      slot: BigInt(st.slot + 1),
      stake: st.stake,
      rewardPerGas: st.rewardPerGas,
      currentCapacity: st.currentCapacity,
      maxCapacity: st.maxCapacity,
      outstandingBlocks: this.#outstanding(st),
      weight,
      healthBps: healthBps({ deposited: st.deposited, slashed: st.slashed }),
      deposited: st.deposited,
      slashed: st.slashed,
      exitAmount: st.exitAmount,
      exitUnlocksAt: st.exitUnlocksAt,
      unclaimedRewards: s.rewards.get(st.prover) ?? 0n,
      owedRewards: s.owed.get(st.prover) ?? 0n,
      lastRewardChangeAt: st.lastRewardChangeAt,
      lastCapacityChangeAt: st.lastCapacityChangeAt,
    }
  }

  /** Mirrors `ProverPoolLens.getPool(core)`: pool-wide state and the active provers in slot order. */
  lens({ chainBlockNumber = 0n, chainTimestamp = this.#s.timestamp }: LensParameters = {}): PoolView {
    const s = this.#s
    const weights = this.weights()
    const active: ProverView[] = []
    let totalStaked = 0n
    for (const [i, owner] of s.slotOwners.entries()) {
      if (owner === zeroAddress) continue
      const st = this.#staker(owner)
      active.push(this.#row(st, weights[i] ?? 0n))
      totalStaked += st.stake
    }
    let totalQueued = 0n
    for (const st of s.stakers.values()) totalQueued += st.exitAmount
    const pending = this.pendingConfig
    return {
      config: s.config,
      configVersion: s.configVersion,
      pendingConfig: pending.config,
      pendingConfigAt: pending.activatesAt,
      owner: s.owner,
      token: s.token,
      chainBlockNumber,
      chainTimestamp,
      feePerGas: s.feePerGas,
      avgProofDelayMs: s.avgProofDelayMs,
      proofWindow: this.currentProofWindow(),
      backlog: s.backlog,
      openBlocks: s.openBlocks,
      nextBlockId: s.nextBlockId,
      emergency: this.isEmergency,
      emergencyReason: s.emergencyReason,
      batchSize: this.currentBatchSize(),
      minStake: this.currentMinStake(),
      minCapacity: this.currentMinCapacity(),
      activeProvers: BigInt(active.length),
      totalStaked,
      totalQueued,
      treasury: s.treasury,
      totalOwed: s.totalOwed,
      exitsToday: this.exitsToday(chainTimestamp),
      stakerCount: BigInt(s.stakerList.length),
      provers: active,
    }
  }

  /** Mirrors `ProverPoolLens.getStakers(core, offset, limit)`: a page of every staker, weights 0. */
  lensStakers(offset: bigint, limit: bigint): { rows: ProverView[]; total: bigint } {
    const list = this.#s.stakerList
    const total = BigInt(list.length)
    const end = offset >= total ? offset : total - offset > limit ? offset + limit : total
    const rows = list.slice(Number(offset), Number(end)).map((a) => this.#row(this.#staker(a), 0n))
    return { rows, total }
  }

  // ─── ProverPool transitions ─────────────────────────────────────────────────────────────────────

  /** `stake(amount, rewardPerGas, capacity)`: join (maybe evicting the lowest standing weight) or top up. */
  stake(params: StakeParameters): StakeReturnType {
    const { amount, rewardPerGas, capacity, now } = params
    const prover = checksum(params.prover)
    this.#checkTime(now)
    const s = this.#s
    if (amount === 0n) fail('ProverPoolZeroAmount')
    const current = s.stakers.get(prover)

    if (current?.status === StakerStatus.Active) {
      if (rewardPerGas !== current.rewardPerGas || capacity !== current.maxCapacity)
        fail('ProverPoolParametersDiffer', current.rewardPerGas, current.maxCapacity)
      const total = current.stake + amount
      if (total > MAX_STAKE) fail('ProverPoolStakeTooHigh', total, MAX_STAKE)
      current.stake = total
      current.deposited += amount
      s.balance += amount
      s.timestamp = now
      const slot = BigInt(current.slot + 1)
      return {
        slot,
        evicted: null,
        topUp: true,
        events: [{ eventName: 'Staked', args: [prover, amount, total, rewardPerGas, capacity, slot] }],
      }
    }

    // Join: checks in the documented order.
    const range = rewardPerGasRange({ feePerGas: s.feePerGas }, s.config)
    if (rewardPerGas < range.min || rewardPerGas > range.max)
      fail('ProverPoolRewardPerGasOutOfRange', rewardPerGas, range.min, range.max)
    const minC = minCapacity({ backlog: s.backlog }, s.config)
    if (capacity < minC || capacity > MAX_CAPACITY)
      fail('ProverPoolCapacityOutOfRange', capacity, minC, MAX_CAPACITY)
    const minS = minStake({ backlog: s.backlog }, s.config)
    if (quantiseStake({ stake: amount }) < minS) fail('ProverPoolStakeTooLow', amount, minS)
    if (amount > MAX_STAKE) fail('ProverPoolStakeTooHigh', amount, MAX_STAKE)

    const maxActive = Number(s.config.maxActiveProvers)
    let slot = s.slotOwners.findIndex((owner, i) => i < maxActive && owner === zeroAddress)
    let evicted: Address | null = null
    if (slot < 0) {
      // Revision 2.3: every occupied slot competes (also slots above a lowered maxActiveProvers) with its
      // *standing* weight — at its maximum capacity, eligibility ignored; ties: the lowest index.
      let lowest = -1
      let lowestWeight = 0n
      for (const [i, owner] of s.slotOwners.entries()) {
        if (owner === zeroAddress) continue
        const w = this.#standingWeight(this.#staker(owner))
        if (lowest < 0 || w < lowestWeight) {
          lowest = i
          lowestWeight = w
        }
      }
      const newWeight = this.#weightFormula(
        { stake: amount, rewardPerGas, capacity, feePerGas: s.feePerGas },
        s.config,
      )
      if (newWeight <= lowestWeight) fail('ProverPoolWeightTooLow', newWeight, lowestWeight)
      slot = lowest
      evicted = s.slotOwners[slot]!
    }

    // Effects.
    const events: PoolEvent[] = []
    if (evicted !== null) {
      const out = this.#staker(evicted)
      const moved = out.stake
      this.#queueExit(out, now, StakerStatus.Evicted)
      events.push({ eventName: 'Evicted', args: [evicted, prover, moved, out.exitUnlocksAt] })
    }
    const st = current ?? this.#addStaker(prover)
    st.status = StakerStatus.Active
    st.slot = slot
    st.stake = amount
    st.rewardPerGas = rewardPerGas
    // Blocks still unproven from an earlier stint count against the new capacity.
    const outstanding = st.heldBack
    st.currentCapacity = capacity > outstanding ? capacity - outstanding : 0n
    st.heldBack = outstanding > capacity ? outstanding - capacity : 0n
    st.maxCapacity = capacity
    // Revision 2.4: joining counts as a change of R and C, so R cannot be raised right after winning a slot.
    st.lastRewardChangeAt = now
    st.lastCapacityChangeAt = now
    st.deposited += amount
    s.slotOwners[slot] = prover
    s.balance += amount
    s.timestamp = now
    const slot1 = BigInt(slot + 1)
    events.push({ eventName: 'Staked', args: [prover, amount, amount, rewardPerGas, capacity, slot1] })
    return { slot: slot1, evicted, topUp: false, events }
  }

  /** `topUp(amount)`: `ProverPoolNotActive` first, then `stake(amount, R, C)` with the current R and C. */
  topUp({ prover, amount, now }: TopUpParameters): StakeReturnType {
    const a = checksum(prover)
    this.#checkTime(now)
    const st = this.#activeStaker(a)
    return this.stake({ prover: a, amount, rewardPerGas: st.rewardPerGas, capacity: st.maxCapacity, now })
  }

  /** `changeRewardPerGas(R)`: active only, once per cooldown (joining starts it), R in range. No re-rank. */
  changeRewardPerGas({ prover, rewardPerGas, now }: ChangeRewardPerGasParameters): TransitionReturnType {
    const a = checksum(prover)
    this.#checkTime(now)
    const s = this.#s
    const st = this.#activeStaker(a)
    this.#checkCooldown(st.lastRewardChangeAt, now)
    const range = rewardPerGasRange({ feePerGas: s.feePerGas }, s.config)
    if (rewardPerGas < range.min || rewardPerGas > range.max)
      fail('ProverPoolRewardPerGasOutOfRange', rewardPerGas, range.min, range.max)
    const old = st.rewardPerGas
    st.rewardPerGas = rewardPerGas
    st.lastRewardChangeAt = now
    s.timestamp = now
    return { events: [{ eventName: 'RewardPerGasChanged', args: [a, old, rewardPerGas] }] }
  }

  /**
   * `changeCapacity(C)`: active only, own cooldown (joining starts it); outstanding blocks stay counted.
   * Capacity 0 is accepted at once, cooldown or not (Revision 2.7).
   */
  changeCapacity({ prover, capacity, now }: ChangeCapacityParameters): TransitionReturnType {
    const a = checksum(prover)
    this.#checkTime(now)
    const s = this.#s
    const st = this.#activeStaker(a)
    if (capacity !== 0n) {
      this.#checkCooldown(st.lastCapacityChangeAt, now)
      const minC = minCapacity({ backlog: s.backlog }, s.config)
      if (capacity < minC || capacity > MAX_CAPACITY)
        fail('ProverPoolCapacityOutOfRange', capacity, minC, MAX_CAPACITY)
    }
    const old = st.maxCapacity
    const outstanding = st.maxCapacity - st.currentCapacity + st.heldBack
    st.currentCapacity = capacity > outstanding ? capacity - outstanding : 0n
    st.heldBack = outstanding > capacity ? outstanding - capacity : 0n
    st.maxCapacity = capacity
    st.lastCapacityChangeAt = now
    s.timestamp = now
    return { events: [{ eventName: 'CapacityChanged', args: [a, old, capacity] }] }
  }

  /** `requestExit()`: leave the active list now, within the daily limit; funds unlock after `exitDelay`. */
  requestExit({ prover, now }: RequestExitParameters): TransitionReturnType {
    const a = checksum(prover)
    this.#checkTime(now)
    const s = this.#s
    const st = this.#activeStaker(a)
    const used = this.exitsToday(now)
    if (used >= s.config.maxExitsPerDay)
      fail('ProverPoolExitLimitReached', used, s.config.maxExitsPerDay, exitLimitResetsAt(now))
    s.exitDay = exitDayOf(now)
    s.exitsToday = used + 1n
    const moved = st.stake
    this.#queueExit(st, now, StakerStatus.Exiting)
    s.timestamp = now
    return { events: [{ eventName: 'ExitRequested', args: [a, moved, st.exitUnlocksAt] }] }
  }

  /** `withdraw()`: pay the queued exit amount once unlocked. */
  withdraw({ prover, now }: WithdrawParameters): TransitionReturnType {
    const a = checksum(prover)
    this.#checkTime(now)
    const s = this.#s
    const st = s.stakers.get(a)
    if (!st || st.exitAmount === 0n) fail('ProverPoolNothingToWithdraw')
    if (now < st.exitUnlocksAt) fail('ProverPoolExitLocked', st.exitUnlocksAt, now)
    const amount = st.exitAmount
    st.exitAmount = 0n
    st.exitUnlocksAt = 0n
    if (st.status !== StakerStatus.Active) st.status = StakerStatus.None
    s.balance -= amount
    s.timestamp = now
    return { events: [{ eventName: 'Withdrawn', args: [a, amount] }] }
  }

  // ─── BlockProtocol transitions ──────────────────────────────────────────────────────────────────

  /** `proposeBlock(gasUsed, commitment)`: checks, emergency update, fee, selection (or an open block), snapshots. */
  proposeBlock(params: ProposeBlockParameters): ProposeBlockReturnType {
    const { gasUsed, commitment, parentHash, now, selectionSeed: seedOverride } = params
    const proposer = checksum(params.proposer)
    this.#checkTime(now)
    const s = this.#s
    const { config } = s
    if (gasUsed < config.minGasPerBlock || gasUsed > MAX_GAS_USED)
      fail('BlockProtocolGasUsedOutOfRange', gasUsed, config.minGasPerBlock, MAX_GAS_USED)
    if (BigInt(commitment) === 0n) fail('BlockProtocolEmptyCommitment')

    const backlog = s.backlog
    const events: PoolEvent[] = []
    let reason = s.emergencyReason
    if (reason !== EmergencyReason.None && this.#canLeaveEmergency(backlog)) {
      reason = EmergencyReason.None
      events.push({ eventName: 'EmergencyModeChanged', args: [false, EmergencyReason.None] })
    }
    if (reason === EmergencyReason.None && isCongested({ backlog }, config)) {
      reason = EmergencyReason.Congestion
      events.push({ eventName: 'EmergencyModeChanged', args: [true, EmergencyReason.Congestion] })
    }

    const blockId = s.nextBlockId
    const picked =
      reason === EmergencyReason.None
        ? selectProver({
            weights: this.#slotWeights(backlog),
            seed: seedOverride ?? selectionSeed({ parentHash, blockId }),
          })
        : null
    const open = picked === null
    if (open && s.openBlocks >= config.maxOpenBlocks)
      fail('BlockProtocolTooManyOpenBlocks', s.openBlocks, config.maxOpenBlocks)

    // Effects.
    const fee = proposalFee({ feePerGas: s.feePerGas, gasUsed })
    s.emergencyReason = reason
    s.treasury += fee
    s.balance += fee
    let assignedProver: Address = zeroAddress
    let rewardPerGas = s.feePerGas
    if (picked !== null) {
      assignedProver = s.slotOwners[picked]!
      const st = this.#staker(assignedProver)
      st.currentCapacity -= 1n
      rewardPerGas = effectiveRewardPerGas({ rewardPerGas: st.rewardPerGas, feePerGas: s.feePerGas }, config)
    }
    const window = proofWindow({ avgProofDelayMs: s.avgProofDelayMs }, config)
    s.blocks.set(blockId, {
      blockId,
      assignedProver,
      proposedAt: now,
      gasUsed,
      rewardPerGas,
      proofWindow: window,
      avgProofDelayMs: s.avgProofDelayMs,
      configVersion: s.configVersion,
      commitment,
      open,
      proven: false,
      slashed: false,
    })
    s.nextBlockId = blockId + 1n
    s.backlog += 1n
    if (open) s.openBlocks += 1n
    s.timestamp = now
    events.push({
      eventName: 'BlockProposed',
      args: [blockId, proposer, assignedProver, gasUsed, s.feePerGas, rewardPerGas, now + window, commitment],
    })
    return { blockId, assignedProver, open, events }
  }

  /** `proveBlocks(blockIds, proof)`; a batch of one is `proveBlock(id, proof)` (no batch-size check applies). */
  proveBlocks(params: ProveBlocksParameters): ProveBlocksReturnType {
    const { blockIds, now, proof = '0x01' } = params
    const prover = checksum(params.prover)
    this.#checkTime(now)
    const s = this.#s

    // Checks: the batch, then every block in the given order (known, not proven, caller allowed, verifier).
    if (blockIds.length === 0) fail('BlockProtocolEmptyBatch')
    const length = BigInt(blockIds.length)
    if (length > 1n) {
      const maxBatch = this.currentBatchSize()
      if (length > maxBatch) fail('BlockProtocolBatchTooLarge', length, maxBatch)
    }
    const seen = new Set<bigint>()
    for (const id of blockIds) {
      const b = s.blocks.get(id)
      if (id === 0n || id >= s.nextBlockId || !b) fail('BlockProtocolUnknownBlock', id, s.nextBlockId)
      if (b.proven || seen.has(id)) fail('BlockProtocolAlreadyProven', id)
      const deadline = b.proposedAt + b.proofWindow
      if (!b.open && now <= deadline && prover !== b.assignedProver)
        fail('BlockProtocolNotAssignedProver', id, b.assignedProver, deadline)
      // The development verifier accepts any non-empty proof.
      if (proof.length <= 2) fail('BlockProtocolProofRejected', id)
      seen.add(id)
    }

    // Effects, block by block.
    const events: PoolEvent[] = []
    const paid: bigint[] = []
    const owed: bigint[] = []
    const batched = blockIds.length >= 2
    for (const id of blockIds) {
      const b = s.blocks.get(id)!
      const rates = this.#configOf(b.configVersion)
      const delay = now - b.proposedAt
      const late = now > b.proposedAt + b.proofWindow
      const kind: ProofKind = b.open ? 'open' : late ? 'late' : 'inWindow'
      // "Emergency at proof time" is read before this block's own slash and failure check: the proof that
      // switches emergency mode on did not land in it (an earlier block of the batch may have switched it on).
      const stabilized = this.isEmergency || batched
      b.proven = true
      if (!b.open && late) b.slashed = true
      s.backlog -= 1n // counted as proven from here on (also for the prover-failure check)
      if (b.open) s.openBlocks -= 1n

      if (kind === 'inWindow') {
        const oldFee = s.feePerGas
        const oldAvgMs = s.avgProofDelayMs
        s.feePerGas = nextFeePerGas({ feePerGas: oldFee, effectiveRewardPerGas: b.rewardPerGas }, s.config)
        // The average is kept in milliseconds; the delay is whole seconds.
        s.avgProofDelayMs = nextAvgProofDelay({ avgProofDelay: oldAvgMs, delay: delay * 1000n }, s.config)
        events.push({ eventName: 'FeePerGasChanged', args: [id, oldFee, s.feePerGas, now] })
        events.push({ eventName: 'AvgProofDelayChanged', args: [id, oldAvgMs, s.avgProofDelayMs] })
      }

      if (!b.open) {
        const st = this.#staker(b.assignedProver)
        if (late) {
          // The slash uses the rates of the block's own config version (Revision 2.1).
          events.push(this.#slash(st, id, b.rewardPerGas * b.gasUsed, rates))
          // Prover failure: before the assigned prover's capacity comes back.
          if (
            s.emergencyReason === EmergencyReason.None &&
            (this.#availableProvers(s.backlog) < s.config.minAvailableProvers ||
              s.backlog >= s.config.congestionBacklog / 2n)
          ) {
            s.emergencyReason = EmergencyReason.ProverFailure
            events.push({ eventName: 'EmergencyModeChanged', args: [true, EmergencyReason.ProverFailure] })
          }
        }
        // One outstanding block fewer: a held-back one first, else one capacity back in the slot.
        if (st.heldBack > 0n) st.heldBack -= 1n
        else if (st.status === StakerStatus.Active && st.currentCapacity < st.maxCapacity)
          st.currentCapacity += 1n
      }

      const { total } = proofReward(
        {
          kind,
          rewardPerGas: b.rewardPerGas,
          gasUsed: b.gasUsed,
          delay,
          avgProofDelayMs: b.avgProofDelayMs,
          stabilized,
        },
        rates,
      )
      // Revision 2.5: the treasury pays only what it holds beyond what it already owes; the rest is owed.
      const available = s.treasury > s.totalOwed ? s.treasury - s.totalOwed : 0n
      const pay = min(total, available)
      const unpaid = total - pay
      if (pay > 0n) {
        s.treasury -= pay
        s.rewards.set(prover, (s.rewards.get(prover) ?? 0n) + pay)
      }
      if (unpaid > 0n) {
        s.owed.set(prover, (s.owed.get(prover) ?? 0n) + unpaid)
        s.totalOwed += unpaid
        events.push({ eventName: 'RewardOwed', args: [prover, id, unpaid] })
      }
      paid.push(pay)
      owed.push(unpaid)
      events.push({ eventName: 'BlockProven', args: [id, prover, total, delay, late, b.open, batched] })
    }

    if (s.emergencyReason !== EmergencyReason.None && this.#canLeaveEmergency(s.backlog)) {
      s.emergencyReason = EmergencyReason.None
      events.push({ eventName: 'EmergencyModeChanged', args: [false, EmergencyReason.None] })
    }
    s.timestamp = now
    return { paid, owed, events }
  }

  /** `claimRewards()`: pay the claimable rewards and as much of the owed ones as the treasury holds. */
  claimRewards({ prover, now }: ClaimRewardsParameters): TransitionReturnType {
    const a = checksum(prover)
    this.#checkTime(now)
    const s = this.#s
    const claimable = s.rewards.get(a) ?? 0n
    const owed = s.owed.get(a) ?? 0n
    const owedPaid = min(owed, s.treasury)
    if (claimable === 0n && owedPaid === 0n) {
      if (owed !== 0n) fail('BlockProtocolOwedUnfunded', owed, s.treasury)
      fail('BlockProtocolNothingToClaim')
    }
    s.rewards.delete(a)
    const events: PoolEvent[] = []
    if (owedPaid > 0n) {
      if (owed === owedPaid) s.owed.delete(a)
      else s.owed.set(a, owed - owedPaid)
      s.treasury -= owedPaid
      s.totalOwed -= owedPaid
      events.push({ eventName: 'OwedRewardsPaid', args: [a, owedPaid] })
    }
    s.balance -= claimable + owedPaid
    s.timestamp = now
    events.push({ eventName: 'RewardsClaimed', args: [a, claimable + owedPaid] })
    return { events }
  }

  /** `fundTreasury(amount)`: anyone adds TKO to the treasury. */
  fundTreasury({ from, amount, now }: FundTreasuryParameters): TransitionReturnType {
    const a = checksum(from)
    this.#checkTime(now)
    const s = this.#s
    if (amount === 0n) fail('ProverPoolZeroAmount')
    s.treasury += amount
    s.balance += amount
    s.timestamp = now
    return { events: [{ eventName: 'TreasuryFunded', args: [a, amount] }] }
  }

  // ─── Owner: scheduled config (Revision 2.1) and two-step ownership ──────────────────────────────

  /**
   * `scheduleConfig(config)`: owner only, validated against the hard bounds; may be applied once the
   * `configDelay` of the config in force has passed. Replaces a pending one.
   */
  scheduleConfig({ caller, config, now }: ScheduleConfigParameters): TransitionReturnType {
    const a = checksum(caller)
    this.#checkTime(now)
    const s = this.#s
    this.#onlyOwner(a)
    checkConfig(config)
    s.pendingConfig = config
    s.pendingConfigAt = now + s.config.configDelay
    s.timestamp = now
    return { events: [{ eventName: 'ConfigScheduled', args: [config, s.pendingConfigAt] }] }
  }

  /** `cancelConfig()`: owner only. */
  cancelConfig({ caller, now }: CallerParameters): TransitionReturnType {
    const a = checksum(caller)
    this.#checkTime(now)
    const s = this.#s
    this.#onlyOwner(a)
    if (s.pendingConfigAt === 0n) fail('BlockProtocolNoConfigScheduled')
    const at = s.pendingConfigAt
    s.pendingConfig = null
    s.pendingConfigAt = 0n
    s.timestamp = now
    return { events: [{ eventName: 'ConfigCancelled', args: [at] }] }
  }

  /**
   * `applyConfig()`: anyone, once due. The config becomes the next version; blocks already proposed keep
   * theirs. Nothing else is recomputed (slots above a lowered `maxActiveProvers` stay until they leave).
   */
  applyConfig({ caller, now }: CallerParameters): TransitionReturnType {
    checksum(caller)
    this.#checkTime(now)
    const s = this.#s
    if (s.pendingConfigAt === 0n || !s.pendingConfig) fail('BlockProtocolNoConfigScheduled')
    if (now < s.pendingConfigAt) fail('BlockProtocolConfigNotDue', s.pendingConfigAt, now)
    const config = s.pendingConfig
    s.configVersion += 1n
    s.configs.set(s.configVersion, config)
    s.config = config
    s.pendingConfig = null
    s.pendingConfigAt = 0n
    s.timestamp = now
    return { events: [{ eventName: 'ConfigUpdated', args: [s.configVersion, config] }] }
  }

  /** `transferOwnership(newOwner)` (Ownable2Step): owner only; `newOwner` must `acceptOwnership`. */
  transferOwnership({ caller, newOwner, now }: TransferOwnershipParameters): TransitionReturnType {
    const a = checksum(caller)
    this.#checkTime(now)
    const s = this.#s
    this.#onlyOwner(a)
    s.pendingOwner = checksum(newOwner)
    s.timestamp = now
    return { events: [{ eventName: 'OwnershipTransferStarted', args: [s.owner, s.pendingOwner] }] }
  }

  /** `acceptOwnership()` (Ownable2Step): the pending owner only. */
  acceptOwnership({ caller, now }: CallerParameters): TransitionReturnType {
    const a = checksum(caller)
    this.#checkTime(now)
    const s = this.#s
    if (a !== s.pendingOwner) fail('OwnableUnauthorizedAccount', a)
    const previous = s.owner
    s.owner = a
    s.pendingOwner = zeroAddress
    s.timestamp = now
    return { events: [{ eventName: 'OwnershipTransferred', args: [previous, a] }] }
  }

  // ─── Internals ──────────────────────────────────────────────────────────────────────────────────

  #checkTime(now: bigint): void {
    if (now < this.#s.timestamp)
      throw new RangeError(
        `time goes forward only: now ${now} is before the last transition ${this.#s.timestamp}`,
      )
  }

  /** Blocks assigned to `st` and not yet proven. */
  #outstanding(st: Staker): bigint {
    return (st.status === StakerStatus.Active ? st.maxCapacity - st.currentCapacity : 0n) + st.heldBack
  }

  #onlyOwner(caller: Address): void {
    if (caller !== this.#s.owner) fail('OwnableUnauthorizedAccount', caller)
  }

  #configOf(version: bigint): PoolConfig {
    const config = this.#s.configs.get(version)
    if (!config) throw new Error(`model invariant: no config version ${version}`)
    return config
  }

  #staker(prover: Address): Staker {
    const st = this.#s.stakers.get(prover)
    if (!st) throw new Error(`model invariant: ${prover} is not a staker`)
    return st
  }

  #addStaker(prover: Address): Staker {
    const st = emptyStaker(prover)
    this.#s.stakers.set(prover, st)
    this.#s.stakerList.push(prover)
    return st
  }

  #activeStaker(prover: Address): Staker {
    const st = this.#s.stakers.get(prover)
    if (st?.status !== StakerStatus.Active) fail('ProverPoolNotActive', prover)
    return st
  }

  #checkCooldown(last: bigint, now: bigint): void {
    if (last === 0n) return
    const availableAt = last + this.#s.config.rewardChangeCooldown
    if (now < availableAt) fail('ProverPoolCooldownActive', availableAt, now)
  }

  /** Move the active stake to the exit queue (merging, delay restarted) and free the slot. */
  #queueExit(st: Staker, now: bigint, status: StakerStatus): void {
    this.#s.slotOwners[st.slot] = zeroAddress
    st.exitAmount += st.stake
    st.stake = 0n
    st.exitUnlocksAt = now + this.#s.config.exitDelay
    st.status = status
    st.slot = -1
    // The slot's outstanding blocks stay the prover's: held back until proven.
    st.heldBack += st.maxCapacity - st.currentCapacity
    st.currentCapacity = 0n
  }

  /** Slash for a late block with its version's rates: the active stake if active, else the queued amount. */
  #slash(st: Staker, blockId: bigint, baseReward: bigint, rates: PoolConfig): PoolEvent {
    const s = this.#s
    const active = st.status === StakerStatus.Active
    const from = active ? st.stake : st.exitAmount
    const amount = slashAmount({ stake: from, baseReward }, rates)
    if (active) st.stake -= amount
    else st.exitAmount -= amount
    st.slashed += amount
    s.treasury += amount
    return { eventName: 'Slashed', args: [st.prover, blockId, amount, from - amount] }
  }

  /**
   * Revision 2.3: who keeps a slot is decided at maximum capacity, eligibility ignored (with the simulator's
   * `seed` formula, its raw weight at maximum capacity).
   */
  #standingWeight(st: Staker): bigint {
    const { stake, rewardPerGas, maxCapacity } = st
    const feePerGas = this.#s.feePerGas
    if (this.#selectionWeight === 'seed')
      return seedWeight({ stake, rewardPerGas, capacity: maxCapacity, feePerGas })
    return standingWeight({ stake, rewardPerGas, maxCapacity, feePerGas }, this.#s.config)
  }

  #slotWeights(backlog: bigint): bigint[] {
    const s = this.#s
    const requirements = eligibilityRequirements({ backlog }, s.config) // the same for every slot
    return s.slotOwners.map((owner) => {
      if (owner === zeroAddress) return 0n
      const st = this.#staker(owner)
      return slotWeight(
        {
          stake: st.stake,
          rewardPerGas: st.rewardPerGas,
          currentCapacity: st.currentCapacity,
          maxCapacity: st.maxCapacity,
          feePerGas: s.feePerGas,
          backlog,
        },
        s.config,
        this.#weightFormula,
        requirements,
      )
    })
  }

  /** Active slots that are eligible at `backlog` with capacity left. */
  #availableProvers(backlog: bigint): bigint {
    const { config } = this.#s
    const requirements = eligibilityRequirements({ backlog }, config)
    let n = 0n
    for (const owner of this.#s.slotOwners) {
      if (owner === zeroAddress) continue
      const st = this.#staker(owner)
      if (
        st.currentCapacity > 0n &&
        isEligible({ stake: st.stake, maxCapacity: st.maxCapacity, backlog }, config, requirements)
      )
        n += 1n
    }
    return n
  }

  #canLeaveEmergency(backlog: bigint): boolean {
    const { config } = this.#s
    return (
      backlog <= emergencyExitBacklog(config) && this.#availableProvers(backlog) >= config.minAvailableProvers
    )
  }
}
