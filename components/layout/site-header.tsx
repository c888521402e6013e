import { IntentLink } from '@/components/ui/intent-link'
import { chainName } from '@/lib/chain/chains'
import { NavLinks } from './nav-links'
import { NetworkStatus } from './network-status'

/** Brand, navigation and network status, on every page. */
export function SiteHeader({ chainId }: { chainId: number }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <IntentLink href="/" className="text-lg font-bold text-slate-900 no-underline hover:no-underline">
            <span
              aria-hidden="true"
              className="mr-1.5 inline-block h-3 w-3 rounded-sm bg-brand-600 align-middle"
            />
            Prover Pool
          </IntentLink>
          <NavLinks />
        </div>
        <NetworkStatus chainName={chainName(chainId)} chainId={chainId} />
      </div>
    </header>
  )
}
