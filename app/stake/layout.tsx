import { headers } from 'next/headers'
import type { ReactNode } from 'react'
import { WalletProviders } from '../providers'

/** Only /stake signs transactions, so only /stake loads wallet code (wagmi connectors, RainbowKit). */
export default async function StakeLayout({ children }: { children: ReactNode }) {
  const cookie = (await headers()).get('cookie')
  return <WalletProviders cookie={cookie}>{children}</WalletProviders>
}
