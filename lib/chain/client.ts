import {
  type Chain,
  type Client,
  createClient,
  createPublicClient,
  http,
  type PublicClient,
  type Transport,
} from 'viem'
import { chainFor } from './chains'

/**
 * The dashboard's read client: a bare viem `Client`, used with tree-shakable actions
 * (`readContract(client, …)`, `getLogs(client, …)`). It keeps viem's full action set (signature
 * recovery, ENS, …) out of the read-only pages' JavaScript. A `PublicClient` is also a `ReadClient`.
 */
export type ReadClient = Client<Transport, Chain>

/** A full public client (every public action as a method), for pages that need more than reads. */
export type ChainClient = PublicClient<Transport>

export type CreateClientParameters = {
  chainId: number
  rpcUrl: string
  /** Overrides the HTTP transport (the benchmark wraps it to count requests). */
  transport?: Transport | undefined
}

/**
 * No JSON-RPC batching and no multicall: every read the dashboard makes is one request you can see
 * in the network tab (the whole pool is one `eth_call` to the lens). No client cache either: the
 * block-number poll decides when to read.
 */
function transportFor(rpcUrl: string): Transport {
  return http(rpcUrl, { batch: false, retryCount: 1, timeout: 8_000 })
}

export function createReadClient({ chainId, rpcUrl, transport }: CreateClientParameters): ReadClient {
  return createClient({
    chain: chainFor(chainId, rpcUrl),
    transport: transport ?? transportFor(rpcUrl),
    cacheTime: 0,
  })
}

export function createChainClient({ chainId, rpcUrl, transport }: CreateClientParameters): ChainClient {
  return createPublicClient({
    chain: chainFor(chainId, rpcUrl),
    transport: transport ?? transportFor(rpcUrl),
    cacheTime: 0,
  }) as ChainClient
}
