'use client'

import '@rainbow-me/rainbowkit/styles.css'
import { lightTheme, RainbowKitProvider } from '@rainbow-me/rainbowkit'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { cookieToInitialState, WagmiProvider } from 'wagmi'
import { useChain } from '@/lib/chain/context'
import { createWalletConfig } from '@/lib/chain/wagmi'

/**
 * RainbowKit's default accent (#0e76fd) gives its white button text a contrast of 4.17:1, below
 * WCAG AA (Lighthouse flagged "Connect Wallet"); the brand's dark pink gives 7:1.
 */
const theme = lightTheme({ accentColor: '#a3116a', accentColorForeground: '#ffffff' })

/**
 * wagmi + RainbowKit and the TanStack Query client they (and the stake page's account reads) use,
 * loaded only where a wallet is needed: the stake page's wallet layer, when it is wanted. Sits
 * inside the root Providers (it reads their chain settings).
 */
export default function WalletProvidersImpl({
  cookie,
  walletConnectProjectId,
  children,
}: {
  cookie: string | null
  walletConnectProjectId: string | null
  children: ReactNode
}) {
  const chain = useChain()
  const [config] = useState(() =>
    chain ? createWalletConfig(chain.settings, { walletConnectProjectId }) : null,
  )
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, staleTime: 1_000 } } }),
  )
  return (
    <QueryClientProvider client={queryClient}>
      {config === null ? (
        children
      ) : (
        <WagmiProvider config={config} initialState={cookieToInitialState(config, cookie)}>
          <RainbowKitProvider theme={theme}>{children}</RainbowKitProvider>
        </WagmiProvider>
      )}
    </QueryClientProvider>
  )
}
