'use client'

import '@rainbow-me/rainbowkit/styles.css'
import { RainbowKitProvider } from '@rainbow-me/rainbowkit'
import { type ReactNode, useState } from 'react'
import { cookieToInitialState, WagmiProvider } from 'wagmi'
import { useChain } from '@/lib/chain/context'
import { createWalletConfig } from '@/lib/chain/wagmi'

/**
 * wagmi + RainbowKit, loaded only where a wallet is needed (app/providers.tsx → WalletProviders).
 * Sits inside the root Providers (it reuses their QueryClient and chain settings).
 */
export default function WalletProvidersImpl({
  cookie,
  children,
}: {
  cookie: string | null
  children: ReactNode
}) {
  const chain = useChain()
  const [config] = useState(() => (chain ? createWalletConfig(chain.settings) : null))
  if (config === null) return <>{children}</>
  return (
    <WagmiProvider config={config} initialState={cookieToInitialState(config, cookie)}>
      <RainbowKitProvider>{children}</RainbowKitProvider>
    </WagmiProvider>
  )
}
