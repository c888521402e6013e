import type { Address, Hex } from 'viem'
import { defaultConfig, demoConfig } from '@/lib/pool-math/config'
import { MAX_GAS_USED, STAKE_UNIT } from '@/lib/pool-math/constants'
import { healthBps } from '@/lib/pool-math/healthBps'
import type { PoolModel } from '@/lib/pool-math/model/PoolModel'
import { EmergencyReason } from '@/lib/pool-math/types'
import { validateConfig } from '@/lib/pool-math/validateConfig'
import {
  type Agent,
  conditionsAt,
  createAgents,
  earliestWorker,
  gweiToWei,
  targetRewardPerGas,
  tkoToWei,
} from './agents'
import { sample } from './distribution'
import { EventQueue } from './heap'
import { type EmergencyChange, PoolAdapter, type PoolCall } from './pool-adapter'
import { Random } from './random'
import type { EmergencyEpisode, ProverResult, SeriesPoint, SimulationResult } from './result'
import { type Scenario, ScenarioError, scenarioConfig } from './scenario'

export type SimulationOptions = {
  /** Addresses of the provers, in population order (default: `0x51…0001`, …). */
  provers?: readonly Address[]
  proposer?: Address
  owner?: Address
  /** The TKO address the model reports (only the lens shows it). */
  token?: Address
  /** Unix time the run starts at (default 1,700,000,000). */
  startTime?: number
  /** Parent hashes for the proposals (default: random, from the scenario's seed). */
  parentHash?: () => Hex
  /** Sees every call into the model (the replay test sends them to a chain). */
  onCall?: (call: PoolCall) => void
  /** Samples in the series (about; default 600). */
  seriesPoints?: number
}

export type SimulationProgress = { blocks: number; total: number; hours: number; done: boolean }

const ARRIVAL = 0
const ASSIGNED_JOB = 1
const RACE_JOB = 2
const DEADLINE = 3
const FLUSH = 4
const TICK = 5
type EventKind =
  | typeof ARRIVAL
  | typeof ASSIGNED_JOB
  | typeof RACE_JOB
  | typeof DEADLINE
  | typeof FLUSH
  | typeof TICK
type SimEvent = { time: number; seq: number; kind: EventKind; prover: number; block: number; ok: boolean }

/** Housekeeping every 10 simulated minutes: re-bids, withdrawals, attempts to rejoin. */
const TICK_SECONDS = 600
/** A waiting prover tries to rejoin when the standing changed (slash, eviction), or at least this often. */
const REJOIN_RETRY_SECONDS = 6 * 3_600
/** A finished in-window proof is held for a batch at most until this fraction of its window has passed. */
const BATCH_HOLD_FRACTION = 0.5
const START_TIME = 1_700_000_000
const DEFAULT_PROPOSER = '0x5100000000000000000000000000000000000a11' as Address
const DEFAULT_OWNER = '0x5100000000000000000000000000000000000001' as Address

const TKO = Number(STAKE_UNIT)
const GWEI = 1e9

/**
 * A simulation of a scenario, run in steps: `step()` as often as you like (a page between frames, the CLI
 * with a progress bar), `progress` to show how far, `result()` when `done`. Stop calling `step()` to cancel.
 *
 * `design: 'pool'` drives `PoolModel` (through `PoolAdapter`, the one place that calls it): proposals,
 * selection, proofs, rewards, slashes, fee and emergency mode are the model's, so the contracts' rules and
 * nothing else. The engine only decides what the actors do: when blocks arrive, which prover proves what and
 * how long it takes, who races an open or late block, when a prover re-bids, withdraws or rejoins.
 * `design: 'race'` is the open race the pool replaces, which no contract implements: every prover works on
 * every block, the first valid proof wins the proposer's fee, and the others are wasted.
 */
export class Simulation {
  readonly scenario: Scenario
  /** Independent streams: arrivals and gas; stakes; proof times and failures; selection seeds. */
  readonly #demand: Random
  readonly #proving: Random
  readonly #agents: Agent[]
  readonly #pool: PoolAdapter | null
  readonly #queue = new EventQueue<SimEvent>()
  readonly #start: number
  readonly #sampleEvery: number
  /** The race's fee per gas (fixed: the race has no price mechanism). */
  readonly #raceFee: bigint

  // Per block, by id (1-based): what the engine knows of it.
  readonly #proposedAt: Float64Array
  readonly #deadline: Float64Array
  readonly #gas: Float64Array
  readonly #assigned: Int32Array
  readonly #proven: Uint8Array
  /** Blocks anyone may prove now (open, late, or every block in the race), in the order they became so. */
  readonly #raceable: number[] = []

  #now: number
  #arrivals = 0
  #lastBlockId = 0
  #nextArrival: number
  #pendingWork = 0
  #unproven = 0
  /** After the last proposal, in-flight work is followed until it is done or this time has passed. */
  #drainUntil = Number.POSITIVE_INFINITY
  #standingVersion = 0
  #done = false

  // Totals.
  #blocks = 0
  #refused = 0
  #open = 0
  #emergencyBlocks = 0
  #proofs = 0
  #redundant = 0
  #late = 0
  #slashes = 0
  #slashed = 0n
  #rewards = 0n
  #batchCalls = 0
  #batchSizes: Record<string, number> = {}
  #largestBatch = 0
  #treasuryStart = 0n
  #treasuryMin = 0n
  #treasuryEmptied = 0
  #firstEmptied: { block: number; hours: number } | null = null
  #episodes: EmergencyEpisode[] = []
  #unexpected: Record<string, number> = {}

  // Series.
  readonly #series: SeriesPoint[] = []
  #intervalMaxBatch = 0
  #intervalPaid = 0n
  #intervalGas = 0

  constructor(scenario: Scenario, options: SimulationOptions = {}) {
    this.scenario = scenario
    this.#demand = new Random(scenario.seed, 1)
    this.#proving = new Random(scenario.seed, 3)
    const selection = new Random(scenario.seed, 4)
    this.#agents = createAgents(scenario, new Random(scenario.seed, 2), options.provers)
    this.#start = options.startTime ?? START_TIME
    this.#now = this.#start
    this.#sampleEvery = Math.max(1, Math.ceil(scenario.blocks / (options.seriesPoints ?? 600)))
    const size = scenario.blocks + 2
    this.#proposedAt = new Float64Array(size)
    this.#deadline = new Float64Array(size)
    this.#gas = new Float64Array(size)
    this.#assigned = new Int32Array(size).fill(-1)
    this.#proven = new Uint8Array(size)

    const config = scenarioConfig(scenario, scenario.pool.base === 'demo' ? demoConfig : defaultConfig)
    const invalid = validateConfig(config)
    if (invalid)
      throw new ScenarioError(
        `pool.config.${invalid.field}`,
        `the pool refuses ${invalid.value}: it must be within ${invalid.min}–${invalid.max} (validateConfig)`,
      )
    const feePerGas = gweiToWei(scenario.pool.initialFeePerGasGwei)
    if (feePerGas < 1n) throw new ScenarioError('pool.initialFeePerGasGwei', 'must be at least 1 wei per gas')
    this.#raceFee = feePerGas
    const treasury = tkoToWei(scenario.pool.treasuryTko)

    if (scenario.design === 'pool') {
      const pool = new PoolAdapter({
        config,
        feePerGas,
        avgProofDelayMs: BigInt(Math.round(scenario.pool.initialAvgProofDelaySeconds * 1000)),
        selectionWeight: scenario.weight,
        now: this.#now,
        provers: this.#agents.map((a) => a.address),
        proposer: options.proposer ?? DEFAULT_PROPOSER,
        owner: options.owner ?? DEFAULT_OWNER,
        token: options.token,
        selection: options.parentHash
          ? { parentHash: options.parentHash }
          : { seed: () => selection.uint256() },
        onCall: options.onCall,
      })
      this.#pool = pool
      pool.fundTreasury(treasury, this.#now)
      for (const agent of this.#agents) this.#tryJoin(agent, this.#now)
      this.#treasuryStart = pool.treasury
      this.#queue.push({ time: this.#now + TICK_SECONDS, kind: TICK, prover: -1, block: 0, ok: true })
    } else {
      this.#pool = null
      this.#treasuryStart = treasury
      for (const agent of this.#agents) agent.state = 'active'
    }
    this.#treasuryMin = this.#treasuryStart
    this.#nextArrival = this.#now
    this.#scheduleArrival()
    this.#sample()
  }

  get done(): boolean {
    return this.#done
  }

  /** The pool's state machine (read it, do not drive it); `null` in the race, which has none. */
  get model(): PoolModel | null {
    return this.#pool?.model ?? null
  }

  get progress(): SimulationProgress {
    return {
      blocks: this.#arrivals,
      total: this.scenario.blocks,
      hours: (this.#now - this.#start) / 3_600,
      done: this.#done,
    }
  }

  /** Runs until `blocks` more proposals were made (or `events` more events handled, or the end). */
  step({ blocks = Number.POSITIVE_INFINITY, events = Number.POSITIVE_INFINITY } = {}): SimulationProgress {
    const until = this.#arrivals + blocks
    let handled = 0
    while (!this.#done && this.#arrivals < until && handled < events) {
      const event = this.#queue.pop()
      if (!event) {
        this.#finish()
        break
      }
      if (event.time > this.#drainUntil) {
        this.#finish()
        break
      }
      handled++
      this.#now = event.time
      this.#handle(event)
      if (this.#arrivals >= this.scenario.blocks && this.#pendingWork === 0) this.#finish()
    }
    return this.progress
  }

  /** Runs to the end, calling `onProgress` every `every` blocks. */
  run(onProgress?: (progress: SimulationProgress) => void, every = 1_000): SimulationResult {
    while (!this.#done) {
      const p = this.step({ blocks: every })
      onProgress?.(p)
    }
    return this.result()
  }

  series(): SeriesPoint[] {
    return this.#series
  }

  result(): SimulationResult {
    const pool = this.#pool
    const weights = pool?.weights()
    const provers = this.#agents.map((agent) => this.#proverResult(agent, weights?.[agent.index] ?? 0n))
    const underbidders = provers.filter((p) => p.underbidder)
    // Peers that ended in the active list (one of an all-equal population is evicted by the underbidder).
    const peers = provers.filter((p) => !p.underbidder && (p.status === 'active' || this.#pool === null))
    const won = (p: ProverResult) => (this.scenario.design === 'pool' ? p.blocksAssigned : p.blocksProven)
    const avg = (list: ProverResult[]) => list.reduce((n, p) => n + won(p), 0) / Math.max(1, list.length)
    return {
      scenario: {
        name: this.scenario.name,
        seed: this.scenario.seed,
        design: this.scenario.design,
        weight: this.scenario.weight,
        provers: this.#agents.length,
      },
      blocks: this.#blocks,
      refusedProposals: this.#refused,
      openBlocks: this.#open,
      emergencyBlocks: this.#emergencyBlocks,
      proofsSubmitted: this.#proofs,
      redundantProofs: this.#redundant,
      lateProofs: this.#late,
      slashes: this.#slashes,
      unprovenBlocks: this.#unproven,
      finalFeePerGas: String(pool ? pool.feePerGas : this.#raceFee),
      treasury: {
        start: String(this.#treasuryStart),
        end: String(pool ? pool.treasury : this.#treasuryStart),
        min: String(this.#treasuryMin),
        owed: String(pool ? pool.owedRewards : 0n),
        emptied: this.#treasuryEmptied,
        firstEmptied: this.#firstEmptied,
      },
      rewardsPaid: String(this.#rewards),
      batches: { calls: this.#batchCalls, largest: this.#largestBatch, sizes: { ...this.#batchSizes } },
      emergencyEpisodes: this.#episodes.map((e) => ({ ...e })),
      unexpectedReverts: { ...this.#unexpected },
      simulatedSeconds: this.#now - this.#start,
      provers,
      underbidding:
        underbidders.length > 0 && peers.length > 0
          ? {
              underbidderBlocks: avg(underbidders),
              peerMeanBlocks: avg(peers),
              ratio: avg(underbidders) / Math.max(1e-9, avg(peers)),
            }
          : null,
    }
  }

  // ─── Events ───────────────────────────────────────────────────────────────────────────────────────

  #handle(event: SimEvent): void {
    switch (event.kind) {
      case ARRIVAL:
        this.#arrive()
        return
      case ASSIGNED_JOB:
        this.#pendingWork--
        this.#assignedDone(event)
        return
      case RACE_JOB:
        this.#pendingWork--
        this.#raceDone(event)
        return
      case DEADLINE:
        this.#pendingWork--
        if (!this.#proven[event.block]) this.#makeRaceable(event.block)
        return
      case FLUSH: {
        this.#pendingWork--
        const agent = this.#agents[event.prover]!
        if (agent.flushAt === event.time) this.#flush(agent)
        return
      }
      case TICK:
        this.#tick()
        return
    }
  }

  #push(time: number, kind: EventKind, prover: number, block: number, ok: boolean): void {
    if (kind !== ARRIVAL && kind !== TICK) this.#pendingWork++
    this.#queue.push({ time, kind, prover, block, ok })
  }

  #scheduleArrival(): void {
    if (this.#arrivals >= this.scenario.blocks) return
    const { demand } = this.scenario
    for (;;) {
      const hours = (this.#nextArrival - this.#start) / 3_600
      let rate = demand.blocksPerHour
      for (const b of demand.bursts) if (hours >= b.startHour && hours < b.endHour) rate *= b.multiplier
      if (rate > 0) {
        // Poisson arrivals at the rate of the moment.
        this.#nextArrival += this.#demand.exponential(3_600 / rate)
        break
      }
      this.#nextArrival += 600 // a stretch without demand (burst multiplier 0): look again in 10 minutes
    }
    this.#push(Math.floor(this.#nextArrival), ARRIVAL, -1, 0, true)
  }

  #arrive(): void {
    const now = this.#now
    this.#arrivals++
    const gasDraw = Math.round(sample(this.scenario.demand.gasUsed, this.#demand))
    const pool = this.#pool
    if (pool) {
      const minGas = Number(pool.minGasUsed())
      const gas = Math.min(Number(MAX_GAS_USED), Math.max(minGas, gasDraw))
      const backlogBefore = pool.backlog
      const r = pool.propose(BigInt(gas), now)
      if (!r.ok) {
        if (r.error === 'BlockProtocolTooManyOpenBlocks') this.#refused++
        else this.#unexpectedRevert(r.error)
      } else {
        this.#recordEmergency(r.emergency, backlogBefore)
        const id = r.blockId
        this.#lastBlockId = id
        this.#blocks++
        this.#unproven++
        this.#proposedAt[id] = now
        this.#deadline[id] = r.deadline
        this.#gas[id] = gas
        this.#assigned[id] = r.assigned
        if (pool.emergencyReason !== EmergencyReason.None) this.#emergencyBlocks++
        if (r.assigned >= 0) this.#startAssigned(this.#agents[r.assigned]!, id)
        else {
          this.#open++
          this.#makeRaceable(id)
        }
      }
    } else {
      const id = ++this.#lastBlockId
      this.#blocks++
      this.#unproven++
      this.#proposedAt[id] = now
      this.#deadline[id] = Number.POSITIVE_INFINITY
      this.#gas[id] = Math.max(1, gasDraw)
      this.#makeRaceable(id)
    }
    if (this.#arrivals % this.#sampleEvery === 0 || this.#arrivals === this.scenario.blocks) this.#sample()
    if (this.#arrivals >= this.scenario.blocks) {
      const window = this.#pool ? Number(this.#pool.config.maxProofWindow) : 0
      this.#drainUntil = now + Math.max(4 * window, 6 * 3_600)
    }
    this.#scheduleArrival()
  }

  /** The assigned prover starts at once (or when a proving slot frees); a deadline is due if it will miss. */
  #startAssigned(agent: Agent, id: number): void {
    const now = this.#now
    agent.stats.blocksAssigned++
    const { multiplier, failureRate } = conditionsAt(agent, this.#hours(), this.scenario.incidents)
    const duration = Math.max(1, Math.round(sample(agent.proofTime, this.#proving) * multiplier))
    const ok = this.#proving.next() >= failureRate
    const w = earliestWorker(agent)
    const end = Math.max(now, agent.workers[w]!) + duration
    agent.workers[w] = end
    this.#push(end, ASSIGNED_JOB, agent.index, id, ok)
    const deadline = this.#deadline[id]!
    if (!ok || end > deadline) this.#push(deadline + 1, DEADLINE, -1, id, true)
  }

  #assignedDone(event: SimEvent): void {
    const agent = this.#agents[event.prover]!
    const id = event.block
    if (event.ok) {
      if (this.#proven[id])
        this.#wasted(agent) // proven late by a racer before this proof was ready
      else if (this.#now > this.#deadline[id]!) this.#submit(agent, [id])
      else this.#holdOrSubmit(agent, id)
    }
    this.#race(agent)
  }

  #raceDone(event: SimEvent): void {
    const agent = this.#agents[event.prover]!
    const id = event.block
    agent.racing.delete(id)
    if (!event.ok) {
      if (!this.#proven[id]) this.#makeRaceable(id) // nobody has it yet: back in line, for anyone
    } else if (this.#proven[id]) this.#wasted(agent)
    else if (this.#pool) this.#submit(agent, [id])
    else this.#winRace(agent, id)
    this.#race(agent)
  }

  /** A proof of a block already proven: in the pool it would revert (`BlockProtocolAlreadyProven`), unsent. */
  #wasted(agent: Agent): void {
    this.#proofs++
    this.#redundant++
    agent.stats.proofsSubmitted++
    agent.stats.redundantProofs++
  }

  #winRace(agent: Agent, id: number): void {
    const reward = this.#raceFee * BigInt(this.#gas[id]!)
    this.#proven[id] = 1
    this.#unproven--
    this.#proofs++
    this.#rewards += reward
    this.#intervalPaid += reward
    this.#intervalGas += this.#gas[id]!
    agent.stats.proofsSubmitted++
    agent.stats.blocksProven++
    agent.stats.rewards += reward
  }

  #makeRaceable(id: number): void {
    this.#raceable.push(id)
    for (const agent of this.#agents) this.#race(agent)
  }

  /** Idle proving slots of `agent` take the oldest raceable blocks it is not already on. */
  #race(agent: Agent): void {
    const raceable = this.#raceable
    if (agent.racePointer >= raceable.length) return
    const now = this.#now
    const workers = agent.workers
    for (let w = 0; w < workers.length && agent.racePointer < raceable.length; w++) {
      if (workers[w]! > now) continue
      let id = -1
      while (agent.racePointer < raceable.length) {
        const candidate = raceable[agent.racePointer++]!
        if (this.#proven[candidate] || agent.racing.has(candidate)) continue
        if (this.#assigned[candidate] === agent.index) continue // its own block: it already tried
        id = candidate
        break
      }
      if (id < 0) return
      const { multiplier, failureRate } = conditionsAt(agent, this.#hours(), this.scenario.incidents)
      const duration = Math.max(1, Math.round(sample(agent.proofTime, this.#proving) * multiplier))
      const ok = this.#proving.next() >= failureRate
      workers[w] = now + duration
      agent.racing.add(id)
      this.#push(now + duration, RACE_JOB, agent.index, id, ok)
    }
  }

  /** With batching on, an in-window proof waits for company (at most until half its window has passed). */
  #holdOrSubmit(agent: Agent, id: number): void {
    const size = this.#pool!.batchSize()
    if (size < 2) {
      if (agent.held.length > 0) this.#flush(agent)
      this.#submit(agent, [id])
      return
    }
    agent.held.push(id)
    if (agent.held.length >= size) {
      this.#flush(agent)
      return
    }
    const proposedAt = this.#proposedAt[id]!
    const holdUntil = Math.max(
      this.#now,
      proposedAt + Math.floor((this.#deadline[id]! - proposedAt) * BATCH_HOLD_FRACTION),
    )
    if (holdUntil < agent.flushAt) {
      agent.flushAt = holdUntil
      this.#push(holdUntil, FLUSH, agent.index, 0, true)
    }
  }

  #flush(agent: Agent): void {
    const held = agent.held.filter((id) => !this.#proven[id])
    agent.held = []
    agent.flushAt = Number.POSITIVE_INFINITY
    while (held.length > 0) {
      const size = Math.max(1, this.#pool!.batchSize())
      this.#submit(agent, held.splice(0, size))
    }
  }

  /** Sends a proof of `ids` to the pool and books what it paid and slashed. */
  #submit(agent: Agent, ids: number[]): void {
    const pool = this.#pool!
    const backlogBefore = pool.backlog
    const r = pool.prove(agent.index, ids, this.#now)
    if (!r.ok) {
      this.#unexpectedRevert(r.error)
      return
    }
    this.#batchCalls++
    const n = ids.length
    this.#batchSizes[n] = (this.#batchSizes[n] ?? 0) + 1
    if (n > this.#largestBatch) this.#largestBatch = n
    if (n > this.#intervalMaxBatch) this.#intervalMaxBatch = n
    for (let i = 0; i < n; i++) {
      const id = ids[i]!
      const paid = r.paid[i]!
      this.#proven[id] = 1
      this.#unproven--
      this.#proofs++
      this.#rewards += paid
      this.#intervalPaid += paid
      this.#intervalGas += this.#gas[id]!
      if (r.late[i] && this.#assigned[id]! >= 0) this.#late++ // late = past the window of an assigned block
      agent.stats.proofsSubmitted++
      agent.stats.blocksProven++
      agent.stats.rewards += paid
    }
    for (const s of r.slashes) {
      const slashedAgent = this.#agents[s.prover]!
      slashedAgent.stats.slashes++
      slashedAgent.stats.slashed += s.amount
      this.#slashes++
      this.#slashed += s.amount
      this.#standingVersion++
    }
    this.#recordEmergency(r.emergency, backlogBefore - n, pool.backlog)
    const treasury = pool.treasury
    if (treasury < this.#treasuryMin) this.#treasuryMin = treasury
    // Emptied: nothing left beyond what it already owes, so this proof's reward was cut (or owed).
    if (treasury <= pool.owedRewards) {
      this.#treasuryEmptied++
      this.#firstEmptied ??= { block: this.#arrivals, hours: this.#hours() }
    }
  }

  /**
   * Episodes of emergency mode from the model's `EmergencyModeChanged` events. An entry on a proposal is
   * decided on the backlog before it; an exit at the end of a proof on the backlog after it.
   */
  #recordEmergency(changes: EmergencyChange[], entryBacklog: number, exitBacklog = entryBacklog): void {
    for (const change of changes) {
      const open = this.#episodes.at(-1)
      if (change.active) {
        this.#episodes.push({
          reason: change.reason === EmergencyReason.Congestion ? 'congestion' : 'proverFailure',
          startBlock: this.#arrivals,
          startHour: this.#hours(),
          startBacklog: entryBacklog,
          endBlock: null,
          endHour: null,
          endBacklog: null,
        })
      } else if (open && open.endBlock === null) {
        open.endBlock = this.#arrivals
        open.endHour = this.#hours()
        open.endBacklog = exitBacklog
      }
    }
  }

  // ─── Housekeeping: bids, withdrawals, rejoining ───────────────────────────────────────────────────

  #tick(): void {
    const pool = this.#pool!
    const now = this.#now
    for (const agent of this.#agents) {
      if (agent.state === 'active') {
        if (agent.strategy.kind === 'followF' && now >= agent.nextRebidAt) this.#rebid(agent)
      } else if (agent.state === 'exiting') {
        if (now >= agent.exitUnlocksAt) {
          const r = pool.withdraw(agent.index, now)
          if (r.ok) agent.wallet += r.amount
          agent.state = 'waiting' // fully slashed: nothing came back, and it stays out
        }
      } else if (
        agent.wallet > 0n &&
        (agent.triedVersion !== this.#standingVersion || now - agent.triedAt >= REJOIN_RETRY_SECONDS)
      ) {
        this.#tryJoin(agent, now)
      }
    }
    if (this.#arrivals < this.scenario.blocks)
      this.#queue.push({ time: now + TICK_SECONDS, kind: TICK, prover: -1, block: 0, ok: true })
  }

  #rebid(agent: Agent): void {
    const pool = this.#pool!
    const now = this.#now
    const target = targetRewardPerGas(agent, pool.feePerGas, pool.rewardPerGasRange())
    const cooldown = Number(pool.config.rewardChangeCooldown)
    if (target === agent.rewardPerGas) {
      agent.nextRebidAt = now + TICK_SECONDS
      return
    }
    const r = pool.changeRewardPerGas(agent.index, target, now)
    if (r.ok) {
      agent.rewardPerGas = target
      agent.nextRebidAt = now + cooldown
    } else {
      // Cooldown not over (joining may start it): try again when it is.
      agent.nextRebidAt = Math.max(now + TICK_SECONDS, pool.staker(agent.index).lastRewardChangeAt + cooldown)
      if (r.error !== 'ProverPoolCooldownActive') this.#unexpectedRevert(r.error)
    }
  }

  /** Stake everything it holds with the R its strategy names now; refused means it waits and tries later. */
  #tryJoin(agent: Agent, now: number): void {
    const pool = this.#pool!
    const r = targetRewardPerGas(agent, pool.feePerGas, pool.rewardPerGasRange())
    const outcome = pool.stake(agent.index, agent.wallet, r, BigInt(agent.capacity), now)
    if (!outcome.ok) {
      agent.triedVersion = this.#standingVersion
      agent.triedAt = now
      const expected =
        outcome.error === 'ProverPoolWeightTooLow' ||
        outcome.error === 'ProverPoolStakeTooLow' ||
        outcome.error === 'ProverPoolCapacityOutOfRange'
      if (!expected) this.#unexpectedRevert(outcome.error)
      return
    }
    agent.state = 'active'
    agent.stats.joins++
    agent.wallet = 0n
    agent.rewardPerGas = r
    agent.nextRebidAt = 0
    this.#standingVersion++
    if (outcome.evicted >= 0) {
      const out = this.#agents[outcome.evicted]!
      out.state = 'exiting'
      out.stats.evictions++
      out.exitUnlocksAt = pool.staker(out.index).exitUnlocksAt
    }
  }

  #unexpectedRevert(error: string): void {
    this.#unexpected[error] = (this.#unexpected[error] ?? 0) + 1
  }

  // ─── Reporting ────────────────────────────────────────────────────────────────────────────────────

  #hours(): number {
    return (this.#now - this.#start) / 3_600
  }

  #finish(): void {
    if (this.#done) return
    this.#sample()
    this.#done = true
  }

  #sample(): void {
    const pool = this.#pool
    let cost = 0
    let costCount = 0
    let health = 0
    let minHealth = 10_000
    let active = 0
    for (const agent of this.#agents) {
      if (agent.state !== 'active') continue
      active++
      cost += agent.costGwei
      costCount++
      if (pool) {
        const s = pool.staker(agent.index)
        const h = Number(healthBps({ deposited: s.deposited, slashed: s.slashed }))
        health += h
        if (h < minHealth) minHealth = h
      } else health += 10_000
    }
    const point: SeriesPoint = {
      block: this.#arrivals,
      hours: this.#hours(),
      feeGwei: Number(pool ? pool.feePerGas : this.#raceFee) / GWEI,
      costGwei: costCount > 0 ? cost / costCount : 0,
      treasuryTko: Number(pool ? pool.treasury : this.#treasuryStart) / TKO,
      owedTko: Number(pool ? pool.owedRewards : 0n) / TKO,
      backlog: pool ? pool.backlog : this.#unproven,
      openBlocks: pool ? pool.openBlocks : 0,
      emergency: pool ? pool.emergencyReason : 0,
      batchSize: pool ? pool.batchSize() : 1,
      maxBatch: this.#intervalMaxBatch,
      proofs: this.#proofs,
      redundant: this.#redundant,
      late: this.#late,
      slashes: this.#slashes,
      slashedTko: Number(this.#slashed) / TKO,
      rewardsTko: Number(this.#rewards) / TKO,
      paidPerGasGwei:
        this.#intervalGas > 0 ? Number(this.#intervalPaid) / this.#intervalGas / GWEI : Number.NaN,
      meanHealthPct: active > 0 ? health / active / 100 : 100,
      minHealthPct: active > 0 ? minHealth / 100 : 100,
      activeProvers: active,
    }
    this.#series.push(point)
    this.#intervalMaxBatch = 0
    this.#intervalPaid = 0n
    this.#intervalGas = 0
  }

  #proverResult(agent: Agent, weight: bigint): ProverResult {
    const pool = this.#pool
    const s = pool?.staker(agent.index)
    return {
      id: agent.index,
      address: agent.address,
      label: agent.label,
      stake: String(s ? s.stake + s.exitAmount : agent.initialStake),
      initialStake: String(agent.initialStake),
      rewardPerGas: String(s ? s.rewardPerGas : this.#raceFee),
      weight: String(weight),
      status: agent.state,
      joins: agent.stats.joins,
      evictions: agent.stats.evictions,
      blocksAssigned: agent.stats.blocksAssigned,
      blocksProven: agent.stats.blocksProven,
      proofsSubmitted: agent.stats.proofsSubmitted,
      redundantProofs: agent.stats.redundantProofs,
      slashes: agent.stats.slashes,
      slashed: String(agent.stats.slashed),
      healthBps: s ? Number(healthBps({ deposited: s.deposited, slashed: s.slashed })) : 10_000,
      rewards: String(agent.stats.rewards),
      costPerGas: String(agent.costPerGas),
      underbidder: agent.underbidder,
    }
  }
}

/** Runs a scenario to the end in one go. */
export function simulate(scenario: Scenario, options?: SimulationOptions): SimulationResult {
  return new Simulation(scenario, options).run()
}
