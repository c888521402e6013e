export type RpcProxyLimits = {
  maxBodyBytes: number
  maxBatch: number
  maxLogRange: bigint
  headTtlMs: number
  maxCacheEntries: number
  upstreamConcurrency: number
  upstreamMaxWaiting: number
}

/** The RPC route's bounds (app/api/rpc/route.ts; docs/security.md explains each). */
export const rpcProxyLimits: RpcProxyLimits = {
  /** Largest request body (bytes). The app's largest request, a signed stake, is under 1 KiB. */
  maxBodyBytes: 32 * 1024,
  /** Requests per JSON-RPC batch (the app sends none: its transports do not batch). */
  maxBatch: 16,
  /** `eth_getLogs` blocks per request: the app reads history in ranges of this size (LOG_RANGE). */
  maxLogRange: 2_000n,
  /** The chain head is asked of the node at most this often (ms), however many visitors poll. */
  headTtlMs: 1_000,
  /** Shared answers kept per head. */
  maxCacheEntries: 5_000,
  /** Upstream requests in flight at once, and waiting for a turn, before the route says it is busy. */
  upstreamConcurrency: 16,
  upstreamMaxWaiting: 256,
}
