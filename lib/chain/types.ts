import type { Address } from 'viem'

/**
 * What the server hands to the browser about the chain it reads (serialisable: no bigint, so it can
 * also travel through cookies, URLs and JSON). Built once per request from RPC_URL, CHAIN_ID and the
 * deployments file (lib/chain/settings.ts).
 */
export type ChainSettings = {
  chainId: number
  /**
   * JSON-RPC endpoint the browser talks to: the app's own route (`/api/rpc`) unless the operator set
   * PUBLIC_RPC_URL. Never the server's RPC_URL (it may carry a provider's API key).
   */
  rpcUrl: string
  /** Block explorer base URL for transaction links, `null` when the chain has none. */
  explorerUrl: string | null
  /** Whether the test-token faucet is on (local chain and enabled by the operator). */
  faucet: boolean
  addresses: { token: Address; protocol: Address; lens: Address; verifier: Address }
  /** Block of the deployment, as a decimal string; event history starts here. */
  deployBlock: string
}
