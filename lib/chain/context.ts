import { useMemo } from 'react'
import { type ChainClient, createChainClient } from './client'
import { useChainSettings } from './settings-context'
import type { ChainSettings } from './types'

/**
 * The chain settings with a full public client (every viem public action as a method), for the pages
 * that write (/stake). Importing this module brings viem's public actions into the page's JavaScript,
 * so the read-only pages follow the chain through lib/chain/hooks (fetch and the app's routes) instead.
 */
export type ChainContextValue = { settings: ChainSettings; client: ChainClient } | null

const clients = new Map<string, ChainClient>()

function publicClientFor(settings: ChainSettings): ChainClient {
  const key = `${settings.chainId}:${settings.rpcUrl}`
  let client = clients.get(key)
  if (!client) {
    client = createChainClient(settings)
    clients.set(key, client)
  }
  return client
}

export function useChain(): ChainContextValue {
  const settings = useChainSettings()
  return useMemo(() => (settings ? { settings, client: publicClientFor(settings) } : null), [settings])
}
