'use client'

import { type ReactNode, useMemo, useState } from 'react'
import { ChainSettingsContext, HeadSeedContext } from '@/lib/chain/settings-context'
import type { ChainSettings } from '@/lib/chain/types'

/**
 * Root providers for every page: the chain the server told us to read. Read-only pages follow it
 * through lib/chain/hooks (lib/live's reads over `fetch`), with no wallet, viem or TanStack code.
 */
export function Providers({
  settings,
  initialBlockNumber,
  children,
}: {
  /** `null` when the server has no deployment to read. */
  settings: ChainSettings | null
  /** Latest block the server saw, as a decimal string (seeds the block-number read). */
  initialBlockNumber: string | null
  children: ReactNode
}) {
  const [headSeed] = useState(() => (initialBlockNumber ? BigInt(initialBlockNumber) : undefined))
  // Compared by value: a re-render of the layout with the same chain keeps every client and cache.
  const settingsKey = settings ? JSON.stringify(settings) : ''
  // biome-ignore lint/correctness/useExhaustiveDependencies: settings are compared by value (settingsKey).
  const chainSettings = useMemo(() => settings, [settingsKey])
  return (
    <ChainSettingsContext value={chainSettings}>
      <HeadSeedContext value={headSeed}>{children}</HeadSeedContext>
    </ChainSettingsContext>
  )
}
