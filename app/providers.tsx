'use client'

import dynamic from 'next/dynamic'
import { type ReactNode, useMemo, useState } from 'react'
import { seedBlockNumber } from '@/lib/chain/hooks'
import { ChainSettingsContext } from '@/lib/chain/settings-context'
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
  useState(() => {
    if (settings && initialBlockNumber) seedBlockNumber(settings.chainId, BigInt(initialBlockNumber))
  })
  // Compared by value: a re-render of the layout with the same chain keeps every client and cache.
  const settingsKey = settings ? JSON.stringify(settings) : ''
  // biome-ignore lint/correctness/useExhaustiveDependencies: settings are compared by value (settingsKey).
  const chainSettings = useMemo(() => settings, [settingsKey])
  return <ChainSettingsContext value={chainSettings}>{children}</ChainSettingsContext>
}

// wagmi, RainbowKit, TanStack Query and the wallet connectors live in their own chunk, fetched only by the pages
// that render <WalletProviders> (/stake). The read-only pages never download them.
const WalletProvidersImpl = dynamic(() => import('@/components/wallet/wallet-providers'))

/**
 * wagmi (`ssr: true`, cookie storage) and RainbowKit, for pages that sign transactions. Pass the
 * request's cookie header so the server render starts from the stored connection state.
 */
export function WalletProviders({
  cookie,
  walletConnectProjectId,
  children,
}: {
  cookie: string | null
  /** WalletConnect Cloud project id; `null`: injected wallets only. */
  walletConnectProjectId: string | null
  children: ReactNode
}) {
  return (
    <WalletProvidersImpl cookie={cookie} walletConnectProjectId={walletConnectProjectId}>
      {children}
    </WalletProvidersImpl>
  )
}
