import { type Chain, type Client, createClient, http, type Transport } from 'viem'
import { absoluteRpcUrl, chainFor } from './chains'

/**
 * The dashboard's read client: a bare viem `Client`, used with tree-shakable actions
 * (`getLogs(client, …)`, `getBlockNumber(client)`) and raw `eth_call`s. It keeps viem's full action
 * set (signature recovery, ENS, simulation, …) out of the read-only pages' JavaScript. A
 * `PublicClient` (lib/chain/client.ts) is also a `ReadClient`.
 */
export type ReadClient = Client<Transport, Chain>

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
export function defaultTransport(rpcUrl: string): Transport {
  return http(absoluteRpcUrl(rpcUrl), { batch: false, retryCount: 1, timeout: 8_000 })
}

export function createReadClient({ chainId, rpcUrl, transport }: CreateClientParameters): ReadClient {
  return createClient({
    chain: chainFor(chainId, rpcUrl),
    transport: transport ?? defaultTransport(rpcUrl),
    cacheTime: 0,
  })
}
