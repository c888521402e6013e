import { type Address, type Hash, type Hex, parseEventLogs } from 'viem'
import { blockProtocolAbi } from '../../../contracts-abi/BlockProtocol'
import { handle, handlers, type IndexedEventName } from '../../src/handlers'
import type { CoreEvent, Store } from '../../src/handlers/types'
import recording from '../fixtures/core-logs.json'

/** The recorded run (scripts/indexer/record-logs.ts): its logs decoded, and the lens at its end. */
export const recorded = {
  protocol: recording.protocol as Address,
  head: BigInt(recording.head),
  events: decode(),
  stakers: recording.lens.stakers.map((s) => ({
    prover: s.prover as Address,
    status: Number(s.status),
    stake: BigInt(s.stake),
    exitAmount: BigInt(s.exitAmount),
    deposited: BigInt(s.deposited),
    slashed: BigInt(s.slashed),
    rewardPerGas: BigInt(s.rewardPerGas),
    maxCapacity: BigInt(s.maxCapacity),
    owedRewards: BigInt(s.owedRewards),
  })),
  pool: {
    ...(Object.fromEntries(
      Object.entries(recording.lens.pool).map(([k, v]) => [k, typeof v === 'string' ? BigInt(v) : v]),
    ) as Record<Exclude<keyof typeof recording.lens.pool, 'emergency'>, bigint>),
    emergency: recording.lens.pool.emergency,
  },
}

function decode() {
  const logs = recording.logs.map((l) => ({
    address: recording.protocol as Address,
    blockNumber: BigInt(l.blockNumber),
    blockHash: null,
    transactionHash: l.transactionHash as Hash,
    transactionIndex: 0,
    logIndex: l.logIndex,
    removed: false,
    topics: l.topics as [Hex, ...Hex[]],
    data: l.data as Hex,
    timestamp: BigInt(l.timestamp),
  }))
  const timestamps = new Map(logs.map((l) => [l.blockNumber, l.timestamp]))
  return parseEventLogs({ abi: blockProtocolAbi, logs, strict: true }).map((log) => ({
    name: log.eventName,
    event: {
      args: log.args,
      block: { number: log.blockNumber, timestamp: timestamps.get(log.blockNumber)! },
      log: { logIndex: log.logIndex },
      transaction: { hash: log.transactionHash },
    },
  }))
}

/** Runs every recorded event the indexer handles through its handler, in chain order. */
export async function replay(store: Store, events = recorded.events) {
  for (const { name, event } of events) {
    if (name in handlers) await handle(store, name as IndexedEventName, event as CoreEvent<IndexedEventName>)
  }
}
