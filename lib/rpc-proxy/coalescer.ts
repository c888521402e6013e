/**
 * Server side: makes the upstream load of the RPC route independent of the number of visitors.
 *
 * - The chain head (number, hash and parent) is asked of the node at most once per `headTtlMs`,
 *   however many visitors poll `eth_blockNumber`; a failed ask is remembered for as long, so a node
 *   that is down is not hammered.
 * - Every other shareable request is answered once: identical requests (same method and params)
 *   share one upstream request, in flight or done.
 *   - A request that depends on the head ('latest', a receipt that may appear) is shared while the
 *     head is the same; a new head starts afresh.
 *   - A request pinned to a block at or below the head (the lens at block N, logs of a closed range)
 *     keeps its answer for as long as the chain only grows: when the new head's parent is the old
 *     head, those answers carry over; a reorg (or a local chain reverted to a snapshot and mined
 *     again) drops them. Heads are told apart by hash, never by number alone.
 *   Personal requests, and requests that see pending state, are forwarded each time (the policy
 *   says which).
 */
import type { RpcOutcome } from './json-rpc'
import { type Upstream, UpstreamError, type UpstreamRequest } from './upstream'

export type CoalescerParameters = {
  upstream: Upstream
  /** How long a head read from the node is served to everyone (ms). */
  headTtlMs: number
  /** Shared answers kept at most, per head and for the pinned history (the oldest go first). */
  maxEntries: number
  now?: (() => number) | undefined
}

/** The latest block: its number, its hash (what tells two heads of the same height apart), its parent. */
export type Head = { number: bigint; hash: string; parentHash: string }

/**
 * How an answer may be shared: not at all, while the head is the same, or — for an answer about
 * blocks up to `pinnedTo` — while the chain only grows past that block.
 */
export type Sharing = 'none' | 'head' | { pinnedTo: bigint }

export type Coalescer = {
  /** The latest block as the node last said (at most `headTtlMs` old). Throws `UpstreamError`. */
  head(): Promise<Head>
  /** Forwards `request`, sharing the answer with identical requests as `sharing` allows. */
  forward(request: UpstreamRequest, options: { sharing: Sharing; head: Head }): Promise<RpcOutcome>
}

type Answers = Map<string, Promise<RpcOutcome>>
/** Pinned answers, with the highest block each is about. */
type Pinned = Map<string, { answer: Promise<RpcOutcome>; upTo: bigint }>

/** Heads whose answers are kept (the newest): a request that read the head just before a new block still shares. */
const KEPT_HEADS = 3

export function createCoalescer({
  upstream,
  headTtlMs,
  maxEntries,
  now = Date.now,
}: CoalescerParameters): Coalescer {
  let head: { block: Head; at: number } | undefined
  let failure: { error: UpstreamError; at: number } | undefined
  let headInFlight: Promise<Head> | undefined
  /** Per head hash: its own answers, and the pinned history it shares with its ancestors. */
  const heads = new Map<string, { answers: Answers; pinned: Pinned }>()
  let newest: Head | undefined

  function keep(hash: string, entry: { answers: Answers; pinned: Pinned }) {
    heads.set(hash, entry)
    while (heads.size > KEPT_HEADS) {
      const oldest = heads.keys().next().value
      if (oldest === undefined) break
      heads.delete(oldest)
    }
    return entry
  }

  /** A head the node just reported: it shares the pinned history when it is built on the last one. */
  function observe(block: Head): void {
    if (!heads.has(block.hash)) {
      // The chain grew by this block: the history answered so far still holds. Anything else (a
      // reorg, a revert, a jump over blocks the route did not see) starts a new history.
      // Each head has its own copy, holding only answers about blocks up to its parent, so answers
      // kept under one branch never reach another (a reverted local chain re-mines identical blocks).
      const parent = newest && block.parentHash === newest.hash ? heads.get(newest.hash) : undefined
      const limit = newest?.number ?? -1n
      const pinned: Pinned = new Map()
      for (const [key, entry] of parent?.pinned ?? []) if (entry.upTo <= limit) pinned.set(key, entry)
      keep(block.hash, { answers: new Map(), pinned })
    }
    newest = block
  }

  /** The answers of a head (one no longer kept starts empty: nothing is vouched for). */
  function entryFor(at: Head) {
    return heads.get(at.hash) ?? keep(at.hash, { answers: new Map(), pinned: new Map() })
  }

  function remember<V>(map: Map<string, V>, key: string, value: V, answer: Promise<RpcOutcome>): void {
    map.set(key, value)
    while (map.size > maxEntries) {
      const oldest = map.keys().next().value
      if (oldest === undefined) break
      map.delete(oldest)
    }
    // A node that did not answer is asked again by the next request (the head probe already keeps a
    // node that is down from being hammered).
    answer.catch(() => {
      if (map.get(key) === value) map.delete(key)
    })
  }

  async function readHead(): Promise<Head> {
    const outcome = await upstream({ method: 'eth_getBlockByNumber', params: ['latest', false] })
    const block =
      'result' in outcome
        ? (outcome.result as { number?: unknown; hash?: unknown; parentHash?: unknown } | null)
        : null
    if (
      typeof block?.number !== 'string' ||
      !/^0x[0-9a-fA-F]+$/.test(block.number) ||
      typeof block.hash !== 'string' ||
      typeof block.parentHash !== 'string'
    ) {
      throw new UpstreamError(
        `eth_getBlockByNumber(latest): unexpected answer ${JSON.stringify(outcome).slice(0, 200)}`,
      )
    }
    return {
      number: BigInt(block.number),
      hash: block.hash.toLowerCase(),
      parentHash: block.parentHash.toLowerCase(),
    }
  }

  return {
    head() {
      const at = now()
      if (head && at - head.at < headTtlMs) return Promise.resolve(head.block)
      if (failure && at - failure.at < headTtlMs) return Promise.reject(failure.error)
      headInFlight ??= readHead().then(
        (block) => {
          head = { block, at: now() }
          failure = undefined
          headInFlight = undefined
          observe(block)
          return block
        },
        (error: unknown) => {
          const upstreamError = error instanceof UpstreamError ? error : new UpstreamError(String(error))
          failure = { error: upstreamError, at: now() }
          head = undefined
          headInFlight = undefined
          throw upstreamError
        },
      )
      return headInFlight
    },

    forward(request, { sharing, head: at }) {
      if (sharing === 'none') return upstream(request)
      const entry = entryFor(at)
      const key = `${request.method}:${JSON.stringify(request.params)}`
      if (typeof sharing === 'object') {
        const known = entry.pinned.get(key)
        if (known) return known.answer
        const answer = upstream(request)
        remember(entry.pinned, key, { answer, upTo: sharing.pinnedTo }, answer)
        return answer
      }
      const known = entry.answers.get(key)
      if (known) return known
      const answer = upstream(request)
      remember(entry.answers, key, answer, answer)
      return answer
    },
  }
}
