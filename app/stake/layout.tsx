import { headers } from 'next/headers'
import type { ReactNode } from 'react'
import { walletConnectProjectId } from '@/lib/wallet/walletconnect'
import { WalletProviders } from '../providers'

/**
 * Only /stake signs transactions, so only /stake loads wallet code (wagmi connectors, RainbowKit).
 * WalletConnect is offered when the operator set WALLETCONNECT_PROJECT_ID (read here, at runtime).
 */
export default async function StakeLayout({ children }: { children: ReactNode }) {
  const cookie = (await headers()).get('cookie')
  return (
    <WalletProviders
      cookie={cookie}
      walletConnectProjectId={walletConnectProjectId(process.env.WALLETCONNECT_PROJECT_ID)}
    >
      {children}
    </WalletProviders>
  )
}
