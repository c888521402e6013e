import { type Address, getAddress } from 'viem'
import { STAKE_UNIT } from '@/lib/pool-math/constants'
import { sample } from './distribution'
import type { Random } from './random'
import type { Distribution, Incident, ProverGroup, RewardStrategy, Scenario } from './scenario'

export type AgentState = 'active' | 'exiting' | 'waiting'

/** One simulated prover: what it is (from its group) and what the engine tracks about it. */
export type Agent = {
  index: number
  address: Address
  label: string
  underbidder: boolean
  strategy: RewardStrategy
  capacity: number
  proofTime: Distribution
  failureRate: number
  /** True cost, wei per gas, and the same in gwei for the charts. */
  costPerGas: bigint
  costGwei: number
  initialStake: bigint
  /** Time each of its `capacity` proving slots is busy until. */
  workers: Float64Array
  state: AgentState
  /** TKO it holds outside the pool (withdrawn or never accepted), restaked in full when it rejoins. */
  wallet: bigint
  /** Stated R (wei per gas) as the engine last set it. */
  rewardPerGas: bigint
  /** Earliest time a `followF` re-bid is worth trying. */
  nextRebidAt: number
  exitUnlocksAt: number
  /** The standing version of the last refused join, and when it was. */
  triedVersion: number
  triedAt: number
  /** Proofs finished but held for a batch, and when the held ones must go out at the latest. */
  held: number[]
  flushAt: number
  /** Position in the list of raceable blocks, and the blocks it is racing now. */
  racePointer: number
  racing: Set<number>
  stats: {
    /** Times it entered the active list, and times it was pushed out of it. */
    joins: number
    evictions: number
    blocksAssigned: number
    blocksProven: number
    proofsSubmitted: number
    redundantProofs: number
    slashes: number
    slashed: bigint
    rewards: bigint
  }
}

export const gweiToWei = (gwei: number): bigint => BigInt(Math.round(gwei * 1e9))
/** TKO (to a millionth) in wei. */
export const tkoToWei = (tko: number): bigint => BigInt(Math.round(tko * 1e6)) * 10n ** 12n

/** Deterministic, checksummed addresses for simulated provers (`0x51…0001`, …) unless given. */
export function defaultProverAddress(index: number): Address {
  return getAddress(`0x51${(index + 1).toString(16).padStart(38, '0')}`)
}

/** The population of a scenario, in group order; stakes are drawn from `random` in that order. */
export function createAgents(scenario: Scenario, random: Random, addresses?: readonly Address[]): Agent[] {
  const agents: Agent[] = []
  for (const group of scenario.provers)
    for (let k = 0; k < group.count; k++) agents.push(createAgent(group, agents.length, random, addresses))
  return agents
}

function createAgent(
  group: ProverGroup,
  index: number,
  random: Random,
  addresses: readonly Address[] | undefined,
): Agent {
  const address = addresses ? addresses[index] : defaultProverAddress(index)
  if (address === undefined) throw new RangeError(`no address given for prover ${index}`)
  const stakeTko = Math.max(1, Math.round(sample(group.stakeTko, random)))
  const initialStake = BigInt(stakeTko) * STAKE_UNIT
  return {
    index,
    address,
    label: group.label,
    underbidder: group.underbidder === true,
    strategy: group.strategy,
    capacity: group.capacity,
    proofTime: group.proofTimeSeconds,
    failureRate: group.failureRate,
    costPerGas: gweiToWei(group.costPerGasGwei),
    costGwei: group.costPerGasGwei,
    initialStake,
    workers: new Float64Array(group.capacity),
    state: 'waiting',
    wallet: initialStake,
    rewardPerGas: 0n,
    nextRebidAt: 0,
    exitUnlocksAt: 0,
    triedVersion: -1,
    triedAt: Number.NEGATIVE_INFINITY,
    held: [],
    flushAt: Number.POSITIVE_INFINITY,
    racePointer: 0,
    racing: new Set(),
    stats: {
      joins: 0,
      evictions: 0,
      blocksAssigned: 0,
      blocksProven: 0,
      proofsSubmitted: 0,
      redundantProofs: 0,
      slashes: 0,
      slashed: 0n,
      rewards: 0n,
    },
  }
}

/**
 * The R the agent states now by its strategy, clamped into the range the pool allows (so the bid is
 * accepted). Fractions are taken in basis points, as the contracts count.
 */
export function targetRewardPerGas(
  agent: Agent,
  feePerGas: bigint,
  range: { min: bigint; max: bigint },
): bigint {
  const s = agent.strategy
  let r: bigint
  switch (s.kind) {
    case 'fixed':
      r = gweiToWei(s.gwei)
      break
    case 'atF':
      r = feePerGas
      break
    case 'fractionOfF':
    case 'followF':
      r = (feePerGas * BigInt(Math.round(s.fraction * 10_000))) / 10_000n
      break
    case 'costPlus':
      r = (agent.costPerGas * BigInt(Math.round(s.markup * 10_000))) / 10_000n
      break
  }
  if (r < range.min) r = range.min
  if (r > range.max) r = range.max
  return r < 1n ? 1n : r
}

/** Proof-time multiplier and failure rate for `agent` at `hours` after the start, incidents applied. */
export function conditionsAt(
  agent: Agent,
  hours: number,
  incidents: readonly Incident[],
): { multiplier: number; failureRate: number } {
  let multiplier = 1
  let failureRate = agent.failureRate
  for (const incident of incidents) {
    if (hours < incident.startHour || hours >= incident.endHour) continue
    if (incident.groups.length > 0 && !incident.groups.includes(agent.label)) continue
    multiplier *= incident.proofTimeMultiplier
    if (incident.failureRate !== null) failureRate = incident.failureRate
  }
  return { multiplier, failureRate }
}

/** The worker that frees up first (index), and whether some worker is idle at `now`. */
export function earliestWorker(agent: Agent): number {
  const w = agent.workers
  let best = 0
  for (let i = 1; i < w.length; i++) if (w[i]! < w[best]!) best = i
  return best
}
