import type { Address, Hash } from 'viem'
import { getBlock } from 'viem/actions'
import { fetchPoolEvents, type PoolEvent } from './events'
import type { ReadClient } from './read-client'

/**
 * Server side: every event of the core since the deploy block, kept in this module between
 * requests and grown incrementally (only the blocks after the last one read are requested). If the
 * block the cache stopped at is gone or has another hash (anvil restarted, reorg), the history is
 * read again from the deploy block.
 */
export type PoolHistory = { fromBlock: bigint; toBlock: bigint; events: PoolEvent[] }

type Entry = PoolHistory & { tipHash: Hash }

const entries = new Map<string, Entry>()
/** One update at a time per entry: concurrent requests wait and then reuse what was read. */
const locks = new Map<string, Promise<unknown>>()

export type GetPoolHistoryParameters = {
  /** Identifies the cache entry (chain id, RPC, core address, deploy block). */
  cacheKey: string
  protocol: Address
  deployBlock: bigint
  /** Read up to this block (the block of the pool snapshot the page shows). */
  toBlock: bigint
}

export function getPoolHistory(client: ReadClient, params: GetPoolHistoryParameters): Promise<PoolHistory> {
  const previous = locks.get(params.cacheKey) ?? Promise.resolve()
  const run = previous.catch(() => undefined).then(() => update(client, params))
  locks.set(
    params.cacheKey,
    run.catch(() => undefined),
  )
  return run
}

async function sameChain(client: ReadClient, entry: Entry): Promise<boolean> {
  const block = await getBlock(client, { blockNumber: entry.toBlock }).catch(() => null)
  return block?.hash === entry.tipHash
}

async function update(
  client: ReadClient,
  { cacheKey, protocol, deployBlock, toBlock }: GetPoolHistoryParameters,
): Promise<PoolHistory> {
  const current = entries.get(cacheKey)
  if (current && current.toBlock === toBlock) return current
  if (current && current.toBlock > toBlock && (await sameChain(client, current))) {
    // A request with an older snapshot than the cache: serve the prefix.
    return {
      fromBlock: current.fromBlock,
      toBlock,
      events: current.events.filter((e) => e.blockNumber <= toBlock),
    }
  }
  const base: PoolHistory =
    current && current.toBlock < toBlock && (await sameChain(client, current))
      ? current
      : { fromBlock: deployBlock, toBlock: deployBlock - 1n, events: [] }
  const fresh = await fetchPoolEvents(client, { address: protocol, fromBlock: base.toBlock + 1n, toBlock })
  const tip = await getBlock(client, { blockNumber: toBlock })
  const next: Entry = {
    fromBlock: base.fromBlock,
    toBlock,
    events: fresh.length ? base.events.concat(fresh) : base.events,
    tipHash: tip.hash,
  }
  entries.set(cacheKey, next)
  return next
}

/** Forgets every cached history (tests, benchmarks). */
export function clearPoolHistoryCache(): void {
  entries.clear()
}
