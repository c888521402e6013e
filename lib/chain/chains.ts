import { type Chain, defineChain } from 'viem'

/** Anvil's chain id: the local network, the only chain with a faucet and the dev account. */
export const LOCAL_CHAIN_ID = 31_337

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

/**
 * The RPC endpoint as a full URL. The browser's default endpoint is the app's own route (`/api/rpc`),
 * a path: in the browser it is resolved against the page's origin (wallets asked to add the chain
 * need a full URL); on the server it stays as it is (nothing fetches it there).
 */
export function absoluteRpcUrl(rpcUrl: string): string {
  if (!rpcUrl.startsWith('/') || typeof window === 'undefined') return rpcUrl
  return new URL(rpcUrl, window.location.origin).toString()
}

/** A viem chain for the configured id and RPC (the app reads one chain, chosen at runtime). */
export function chainFor(chainId: number, rpcUrl: string): Chain {
  return defineChain({
    id: chainId,
    name: chainName(chainId),
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [absoluteRpcUrl(rpcUrl)] } },
  })
}
