import { type Address, type Log, parseEventLogs, zeroAddress } from 'viem'
import { getLogs } from 'viem/actions'
import { poolEventsAbi } from './abi'
import type { ReadClient } from './read-client'
import { type EmergencyReason, emergencyReasons } from './types'

/** Where in the chain an event happened (chain block, not the L2 block id). */
type At = { blockNumber: bigint; logIndex: number }

/**
 * The core's events the dashboard reads, in the dashboard's own words (decoded from the
 * BlockProtocol events by `decodePoolLogs`). Small, serialisable, ordered by (blockNumber, logIndex).
 */
export type PoolEvent = At &
  (
    | {
        type: 'BlockProposed'
        blockId: bigint
        proposer: Address
        /** `null` for an open block. */
        assignedProver: Address | null
        gasUsed: bigint
        feePerGas: bigint
        rewardPerGas: bigint
        proofDeadline: bigint
      }
    | {
        type: 'BlockProven'
        blockId: bigint
        prover: Address
        reward: bigint
        delay: bigint
        late: boolean
        open: boolean
        batched: boolean
      }
    | {
        type: 'FeePerGasChanged'
        blockId: bigint
        oldFeePerGas: bigint
        newFeePerGas: bigint
        timestamp: bigint
      }
    | {
        type: 'AvgProofDelayChanged'
        blockId: bigint
        oldAvgProofDelayMs: bigint
        newAvgProofDelayMs: bigint
      }
    | { type: 'EmergencyModeChanged'; active: boolean; reason: EmergencyReason }
    | { type: 'RewardsClaimed'; prover: Address; amount: bigint }
    | {
        type: 'Staked'
        prover: Address
        amount: bigint
        totalStake: bigint
        rewardPerGas: bigint
        capacity: bigint
        slot: bigint
      }
    | { type: 'Evicted'; prover: Address; by: Address; amount: bigint; unlocksAt: bigint }
    | { type: 'ExitRequested'; prover: Address; amount: bigint; unlocksAt: bigint }
    | { type: 'Withdrawn'; prover: Address; amount: bigint }
    | { type: 'Slashed'; prover: Address; blockId: bigint; amount: bigint; remainingStake: bigint }
    | { type: 'RewardPerGasChanged'; prover: Address; oldRewardPerGas: bigint; newRewardPerGas: bigint }
    | { type: 'CapacityChanged'; prover: Address; oldCapacity: bigint; newCapacity: bigint }
  )

export type PoolEventType = PoolEvent['type']
export type PoolEventOf<T extends PoolEventType> = Extract<PoolEvent, { type: T }>

/** Decodes raw logs of the core; logs of other events (or other contracts) are skipped. */
export function decodePoolLogs(logs: readonly Log[]): PoolEvent[] {
  const decoded = parseEventLogs({ abi: poolEventsAbi, logs: logs as Log[], strict: true })
  const out: PoolEvent[] = []
  for (const log of decoded) {
    if (log.blockNumber === null || log.logIndex === null) continue // pending logs
    const at: At = { blockNumber: log.blockNumber, logIndex: log.logIndex }
    switch (log.eventName) {
      case 'BlockProposed': {
        const a = log.args
        out.push({
          ...at,
          type: 'BlockProposed',
          blockId: a.blockId,
          proposer: a.proposer,
          assignedProver: a.assignedProver === zeroAddress ? null : a.assignedProver,
          gasUsed: a.gasUsed,
          feePerGas: a.feePerGas,
          rewardPerGas: a.rewardPerGas,
          proofDeadline: a.proofDeadline,
        })
        break
      }
      case 'BlockProven':
        out.push({ ...at, type: 'BlockProven', ...log.args })
        break
      case 'FeePerGasChanged':
        out.push({ ...at, type: 'FeePerGasChanged', ...log.args })
        break
      case 'AvgProofDelayChanged':
        out.push({ ...at, type: 'AvgProofDelayChanged', ...log.args })
        break
      case 'EmergencyModeChanged':
        out.push({
          ...at,
          type: 'EmergencyModeChanged',
          active: log.args.active,
          reason: emergencyReasons[log.args.reason] ?? 'none',
        })
        break
      case 'RewardsClaimed':
        out.push({ ...at, type: 'RewardsClaimed', ...log.args })
        break
      case 'Staked':
        out.push({ ...at, type: 'Staked', ...log.args })
        break
      case 'Evicted':
        out.push({ ...at, type: 'Evicted', ...log.args })
        break
      case 'ExitRequested':
        out.push({ ...at, type: 'ExitRequested', ...log.args })
        break
      case 'Withdrawn':
        out.push({ ...at, type: 'Withdrawn', ...log.args })
        break
      case 'Slashed':
        out.push({ ...at, type: 'Slashed', ...log.args })
        break
      case 'RewardPerGasChanged':
        out.push({ ...at, type: 'RewardPerGasChanged', ...log.args })
        break
      case 'CapacityChanged':
        out.push({ ...at, type: 'CapacityChanged', ...log.args })
        break
      default:
        break
    }
  }
  return out
}

/** Largest block range per `eth_getLogs` (public RPCs commonly refuse more). */
export const LOG_RANGE = 2_000n
/** Ranges requested at once while catching up. */
const LOG_CONCURRENCY = 4

export type FetchPoolEventsParameters = {
  address: Address
  fromBlock: bigint
  toBlock: bigint
  /** Block range per request (default 2,000). */
  rangeSize?: bigint | undefined
}

/**
 * Every event of the core in `[fromBlock, toBlock]`, read with `eth_getLogs` in bounded ranges
 * (at most `rangeSize` blocks each, a few at a time), in chain order.
 */
export async function fetchPoolEvents(
  client: ReadClient,
  { address, fromBlock, toBlock, rangeSize = LOG_RANGE }: FetchPoolEventsParameters,
): Promise<PoolEvent[]> {
  if (toBlock < fromBlock) return []
  const ranges: [bigint, bigint][] = []
  for (let start = fromBlock; start <= toBlock; start += rangeSize) {
    const end = start + rangeSize - 1n
    ranges.push([start, end < toBlock ? end : toBlock])
  }
  const results: PoolEvent[][] = new Array(ranges.length)
  let next = 0
  async function worker() {
    while (next < ranges.length) {
      const i = next++
      const [from, to] = ranges[i]!
      const logs = await getLogs(client, { address, fromBlock: from, toBlock: to })
      results[i] = decodePoolLogs(logs)
    }
  }
  await Promise.all(Array.from({ length: Math.min(LOG_CONCURRENCY, ranges.length) }, worker))
  return results.flat()
}
