import { createContext, useContext } from 'react'
import type { ChainSettings } from './types'

/** The chain the browser reads (provided by app/providers.tsx). `null` when nothing is deployed. */
export const ChainSettingsContext = createContext<ChainSettings | null>(null)

export function useChainSettings(): ChainSettings | null {
  return useContext(ChainSettingsContext)
}
