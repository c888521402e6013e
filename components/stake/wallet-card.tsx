import type { ReactNode } from 'react'
import { Card } from '@/components/ui/card'
import { LOCAL_CHAIN_ID } from '@/lib/chain/chains'

/**
 * The stake page's "Wallet" card: the connect button in its header, the account (or how to connect) in
 * its body. One layout for the page's first paint (`ConnectPlaceholder`) and for the wallet layer, so the
 * swap moves nothing.
 */
export function WalletCard({
  chainId,
  action,
  children,
}: {
  chainId: number
  action: ReactNode
  children?: ReactNode
}) {
  return (
    <Card
      id="wallet"
      title="Wallet"
      description={
        chainId === LOCAL_CHAIN_ID
          ? 'Any browser wallet, or the built-in dev account (local chain only, no extension needed).'
          : 'Any browser wallet (EIP-1193 / EIP-6963).'
      }
      actions={action}
    >
      {children ?? (
        <p className="text-sm text-slate-700">
          Connect a wallet to stake. You can fill in the form below first and see what your stake would do.
        </p>
      )}
    </Card>
  )
}

/**
 * Stands in for RainbowKit's "Connect Wallet" button (same size and colour) until the wallet layer has
 * loaded. Pointing at it or focusing it starts fetching the layer (`onIntent`); a click asks the layer
 * to open the connect dialog as soon as it is there (`loading` meanwhile).
 */
export function ConnectPlaceholder({
  onClick,
  onIntent,
  loading,
}: {
  onClick: () => void
  onIntent: () => void
  loading: boolean
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      onPointerEnter={onIntent}
      onFocus={onIntent}
      aria-busy={loading}
      className={`rounded-xl bg-[#a3116a] px-3.5 py-2 text-base font-bold text-white shadow-sm ${loading ? 'cursor-progress opacity-80' : ''}`}
    >
      Connect Wallet
    </button>
  )
}
