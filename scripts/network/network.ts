/**
 * The shared state of the running network, as the bots see it: the deployed addresses and config, the
 * latest pool view (one lens read), the unproven blocks (from events), the demo provers and the
 * scenario's current conditions. One instance per run; every bot reads and updates it.
 */
import { type Address, formatUnits, getAddress, zeroAddress } from 'viem'
import { BlockProtocol } from '../../contracts-abi/BlockProtocol'
import { ProverPoolLens } from '../../contracts-abi/ProverPoolLens'
import { TaikoToken } from '../../contracts-abi/TaikoToken'
import type { Deployment } from '../../lib/chain/deployment'
import { BANK_INDEX, devAccount, PROPOSER_INDEX, RACER_INDEX } from '../../lib/network/accounts'
import type { PoolConfig } from '../../lib/pool-math/config'
import { currentBatchSize } from '../../lib/pool-math/currentBatchSize'
import type { PoolView, ProverView } from '../../lib/pool-math/types'
import { Actor, type Clients } from './chain'
import { type Conditions, normalConditions, type ProfileName } from './config'
import type { ProverPlan } from './population'
import { Random } from './random'
import type { Scheduler } from './scheduler'

export type DemoProver = ProverPlan & { actor: Actor }

/** An unproven block the bots know of. Times are chain seconds. */
export type TrackedBlock = {
  id: bigint
  /** The assigned prover, `undefined` for an open block. */
  assigned: Address | undefined
  open: boolean
  gasUsed: bigint
  proposedAt: number
  window: number
  deadline: number
  /** When the assigned demo prover means to prove it; `undefined` when it will miss it. */
  proveAt?: number
  /** Who races it (open blocks) and when. */
  racer?: Address
  raceAt?: number
  /** A proof for it is in flight. */
  inFlight: boolean
}

export type Stats = {
  proposed: number
  proven: number
  late: number
  open: number
  batches: number
  slashes: number
  evictions: number
  exits: number
  withdrawals: number
  joins: number
  claims: number
  changes: number
  emergencyOn: number
  emergencyOff: number
  feeChanges: number
}

/** One lens page of stakers covers the demo population (40 provers) with room to spare. */
const STAKER_PAGE = 200

export type NetworkParameters = {
  clients: Clients
  deployment: Deployment
  config: PoolConfig
  provers: readonly DemoProver[]
  scheduler: Scheduler
  seed: number
}

export class Network {
  readonly clients: Clients
  readonly deployment: Deployment
  readonly config: PoolConfig
  readonly provers: readonly DemoProver[]
  readonly scheduler: Scheduler
  readonly addresses: { token: Address; protocol: Address; lens: Address }
  readonly proposer: Actor
  readonly racer: Actor
  /** Pays TKO to provers that rejoin (the deployer is left to the app's faucet after startup). */
  readonly bank: Actor
  readonly blocks = new Map<bigint, TrackedBlock>()
  readonly random: Random
  readonly stats: Stats = {
    proposed: 0,
    proven: 0,
    late: 0,
    open: 0,
    batches: 0,
    slashes: 0,
    evictions: 0,
    exits: 0,
    withdrawals: 0,
    joins: 0,
    claims: 0,
    changes: 0,
    emergencyOn: 0,
    emergencyOff: 0,
    feeChanges: 0,
  }
  conditions: Conditions = normalConditions
  /** Name of the scenario phase in force (for the status line). */
  phase = 'normal'
  #pool: PoolView | undefined
  #byAddress = new Map<Address, DemoProver>()
  #chainTime = { timestamp: 0, seenAt: 0 }

  constructor({ clients, deployment, config, provers, scheduler, seed }: NetworkParameters) {
    this.clients = clients
    this.deployment = deployment
    this.config = config
    this.provers = provers
    this.scheduler = scheduler
    this.random = new Random(seed)
    const { token, protocol, lens } = deployment.addresses
    this.addresses = { token: getAddress(token), protocol: getAddress(protocol), lens: getAddress(lens) }
    for (const p of provers) this.#byAddress.set(getAddress(p.actor.address), p)
    this.bank = new Actor('bank', devAccount(BANK_INDEX).account, clients)
    this.proposer = new Actor('proposer', devAccount(PROPOSER_INDEX).account, clients)
    this.racer = new Actor('racer', devAccount(RACER_INDEX).account, clients)
  }

  /** The latest pool view; throws before the first read (the watcher reads it before the bots start). */
  #stakers: readonly ProverView[] = []

  get pool(): PoolView {
    if (!this.#pool) throw new Error('pool not read yet')
    return this.#pool
  }

  get hasPool(): boolean {
    return this.#pool !== undefined
  }

  /**
   * Every staker ever seen at the last read (the lens pages through them; the demo has a few dozen), for
   * the bots that handle exits and withdrawals: `pool.provers` holds only the active provers.
   */
  get stakers(): readonly ProverView[] {
    return this.#stakers
  }

  /** Reads the pool through the lens (one `eth_call`), the demo's stakers (one page) and the chain time. */
  async readPool(): Promise<PoolView> {
    const [pool, [stakers]] = await Promise.all([
      this.clients.publicClient.readContract({
        ...this.lens,
        functionName: 'getPool',
        args: [this.addresses.protocol],
      }),
      this.clients.publicClient.readContract({
        ...this.lens,
        functionName: 'getStakers',
        args: [this.addresses.protocol, 0n, BigInt(STAKER_PAGE)],
      }),
    ])
    this.#pool = pool
    this.#stakers = stakers
    this.observeChainTime(Number(pool.chainTimestamp))
    return pool
  }

  /** Records a block timestamp seen on chain (keeps `now()` close to the chain's clock). */
  observeChainTime(timestamp: number): void {
    if (timestamp >= this.#chainTime.timestamp) this.#chainTime = { timestamp, seenAt: Date.now() }
  }

  /** Chain time in seconds (fractional): the newest block timestamp plus the wall time since. */
  now(): number {
    return this.#chainTime.timestamp + (Date.now() - this.#chainTime.seenAt) / 1000
  }

  /**
   * How many blocks one proof may carry right now, allowing for the proofs already in flight: they
   * lower the backlog (and so the batch size) before ours lands. `currentBatchSize` at that backlog.
   */
  batchLimit(): number {
    let inFlight = 0n
    for (const block of this.blocks.values()) if (block.inFlight) inFlight += 1n
    const backlog = this.pool.backlog > inFlight ? this.pool.backlog - inFlight : 0n
    return Number(currentBatchSize({ backlog, emergency: this.pool.emergency }, this.config))
  }

  demoProver(address: Address | undefined): DemoProver | undefined {
    return address ? this.#byAddress.get(getAddress(address)) : undefined
  }

  /** `prover-07 (fast)`, `racer`, `proposer`, or a short address. */
  label(address: Address | undefined): string {
    if (!address || address === zeroAddress) return 'nobody'
    const prover = this.demoProver(address)
    if (prover) return `${prover.label} (${prover.profile})`
    const a = getAddress(address)
    for (const actor of [this.racer, this.proposer, this.bank]) if (actor.address === a) return actor.label
    return `${a.slice(0, 6)}…${a.slice(-4)}`
  }

  proversWithProfile(profile: ProfileName): DemoProver[] {
    return this.provers.filter((p) => p.profile === profile)
  }

  /** Contract handles the bots write to. */
  get protocol() {
    return { address: this.addresses.protocol, abi: BlockProtocol.abi } as const
  }

  get lens() {
    return { address: this.addresses.lens, abi: ProverPoolLens.abi } as const
  }

  get token() {
    return { address: this.addresses.token, abi: TaikoToken.abi } as const
  }
}

/** `1,234.5 TKO` style amounts for log lines. */
export function tko(wei: bigint, digits = 2): string {
  const value = Number(formatUnits(wei, 18))
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits })} TKO`
}

/** Fee or reward per gas in gwei of TKO (F starts at 1 gwei). */
export function gwei(weiPerGas: bigint, digits = 5): string {
  return `${Number(formatUnits(weiPerGas, 9)).toFixed(digits)} gwei`
}
