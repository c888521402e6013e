import { createContext, useContext } from 'react'
import { createReadClient, type ReadClient } from './read-client'
import type { ChainSettings } from './types'

/** The chain the browser reads (provided by app/providers.tsx). `null` when nothing is deployed. */
export const ChainSettingsContext = createContext<ChainSettings | null>(null)

export function useChainSettings(): ChainSettings | null {
  return useContext(ChainSettingsContext)
}

const readClients = new Map<string, ReadClient>()

/** One read client per chain and RPC, shared by every component of the page. */
export function readClientFor(settings: ChainSettings): ReadClient {
  const key = `${settings.chainId}:${settings.rpcUrl}`
  let client = readClients.get(key)
  if (!client) {
    client = createReadClient(settings)
    readClients.set(key, client)
  }
  return client
}

/** The chain settings and the read client, or `null` when nothing is deployed. */
export function useReadChain(): { settings: ChainSettings; client: ReadClient } | null {
  const settings = useChainSettings()
  return settings ? { settings, client: readClientFor(settings) } : null
}
