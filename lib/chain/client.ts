import { createPublicClient, type PublicClient, type Transport } from 'viem'
import { chainFor } from './chains'
import { type CreateClientParameters, defaultTransport } from './read-client'

/**
 * A full public client (every viem public action as a method), for the pages that write (/stake).
 * The read-only pages use `ReadClient` (lib/chain/read-client.ts) and never import this module.
 */
export type ChainClient = PublicClient<Transport>

export function createChainClient({ chainId, rpcUrl, transport }: CreateClientParameters): ChainClient {
  return createPublicClient({
    chain: chainFor(chainId, rpcUrl),
    transport: transport ?? defaultTransport(rpcUrl),
    cacheTime: 0,
  }) as ChainClient
}
