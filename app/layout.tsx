import './globals.css'
import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { ConnectionNotice } from '@/components/layout/connection-notice'
import { SiteHeader } from '@/components/layout/site-header'
import { getPoolSnapshot } from '@/lib/chain/server'
import { Providers } from './providers'

export const metadata: Metadata = {
  title: { default: 'Prover Pool', template: '%s · Prover Pool' },
  description:
    'Dashboard of the staking-based prover pool: fees, provers, blocks and slashes, live from the chain.',
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const snapshot = await getPoolSnapshot()
  const settings = snapshot.status === 'no-deployment' ? null : snapshot.chain.settings
  const initialBlockNumber = snapshot.status === 'ok' ? snapshot.pool.chainBlockNumber.toString() : null
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers settings={settings} initialBlockNumber={initialBlockNumber}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            Skip to content
          </a>
          <SiteHeader chainId={snapshot.chain.env.chainId} />
          <main id="main" className="mx-auto max-w-7xl px-4 py-6">
            <ConnectionNotice />
            {children}
          </main>
          <footer className="mx-auto max-w-7xl px-4 pb-8 text-sm text-slate-600">
            Read live from the chain: the pool in one lens call per block, history from the indexer of the
            contract&apos;s events.
          </footer>
        </Providers>
      </body>
    </html>
  )
}
