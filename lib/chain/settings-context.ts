import { createContext, useContext } from 'react'
import type { ChainSettings } from './types'

/** The chain the browser reads (provided by app/providers.tsx). `null` when nothing is deployed. */
export const ChainSettingsContext = createContext<ChainSettings | null>(null)

export function useChainSettings(): ChainSettings | null {
  return useContext(ChainSettingsContext)
}

/**
 * The latest block the server saw when it rendered the page (app/providers.tsx): the head read starts
 * from it, on the server and in the browser alike, so the header's first paint already says "Live" at
 * that block and hydration changes nothing.
 */
export const HeadSeedContext = createContext<bigint | undefined>(undefined)
