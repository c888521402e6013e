import { type Chain, defineChain } from 'viem'

const knownNames: Record<number, string> = {
  1: 'Ethereum',
  17000: 'Holesky',
  11155111: 'Sepolia',
  560048: 'Hoodi',
  31337: 'Anvil (local)',
  167000: 'Taiko Alethia',
  167009: 'Taiko Hekla',
  167013: 'Taiko Hoodi',
}

/** Human name of a chain id: 'Anvil (local)', or 'Chain 1234' when unknown. */
export function chainName(chainId: number): string {
  return knownNames[chainId] ?? `Chain ${chainId}`
}

/** A viem chain for the configured id and RPC (the app reads one chain, chosen at runtime). */
export function chainFor(chainId: number, rpcUrl: string): Chain {
  return defineChain({
    id: chainId,
    name: chainName(chainId),
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
}
