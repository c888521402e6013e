'use client'

import dynamic from 'next/dynamic'
import { useCallback, useMemo, useState } from 'react'
import { StaleNotice } from '@/components/layout/stale-notice'
import { Card } from '@/components/ui/card'
import { usePool } from '@/lib/chain/hooks'
import { useChainSettings } from '@/lib/chain/settings-context'
import { useHistory } from '@/lib/history/hooks'
import type { HistoryResult, RecentBlocksView } from '@/lib/history/types'
import { blocksView } from '@/lib/history/views'
import { type PoolView, StakerStatus } from '@/lib/pool-math/types'
import { hasStoredConnection } from '@/lib/wallet/stored-connection'
import { STAKE_PAGE_BLOCKS } from './constants'
import { estimateDemand } from './demand'
import { StakeForm } from './stake-form'
import { ConnectPlaceholder, WalletCard } from './wallet-card'
import { NO_WALLET, type WalletState } from './wallet-state'

// wagmi, RainbowKit, TanStack Query and the writes: never in the page's first load and never rendered on
// the server (`npm run bench` prints what the first load does carry, and the layer's size).
const loadWalletLayer = () => import('./wallet-layer')
const WalletLayer = dynamic(loadWalletLayer, { ssr: false })

/**
 * The stake page, live: the pool (lib/chain's live read), the newest blocks (from the indexer, read
 * again each block), the stake form with its preview, and — once the wallet layer has loaded — the
 * connected account, its position with its actions, and the transaction in flight. The form lives
 * here, outside the layer, so what the user typed survives the layer's arrival.
 *
 * The layer loads when it is wanted: at once for a wallet connected before (wagmi's cookie,
 * `hasStoredConnection`), else when the user reaches for "Connect Wallet" (pointing or focusing fetches it, a click or
 * a submit of the form renders it and opens the dialog). Reading the page and trying values in the form
 * never pay for wallet code.
 */
export function StakeApp({
  initialPool,
  initialBlocks,
  cookie,
  walletConnectProjectId,
}: {
  initialPool: PoolView
  /** The newest blocks from the indexer (demand estimate, your assigned blocks). */
  initialBlocks: HistoryResult<RecentBlocksView>
  /** The request's cookie: wagmi's stored connection, if any, reconnects at once. */
  cookie: string | null
  walletConnectProjectId: string | null
}) {
  const chainId = useChainSettings()?.chainId ?? 0
  const { pool } = usePool(initialPool)
  const history = useHistory(blocksView, { limit: STAKE_PAGE_BLOCKS }, initialBlocks)
  const blocks = useMemo(() => history.data?.blocks ?? [], [history.data])
  const demand = useMemo(() => estimateDemand(pool, blocks), [pool, blocks])
  const [wallet, setWallet] = useState<WalletState>(NO_WALLET)
  const [walletWanted, setWalletWanted] = useState(() => hasStoredConnection(cookie))
  const [connectRequested, setConnectRequested] = useState(false)
  const connect =
    wallet.connect ??
    (() => {
      setWalletWanted(true)
      setConnectRequested(true)
    })
  const preload = useCallback(() => void loadWalletLayer(), [])
  const onConnectOpened = useCallback(() => setConnectRequested(false), [])

  return (
    <div className="space-y-6">
      <StaleNotice source="pool" what="the pool" />
      {walletWanted ? (
        <WalletLayer
          pool={pool}
          blocks={blocks}
          demand={demand}
          cookie={cookie}
          walletConnectProjectId={walletConnectProjectId}
          connectRequested={connectRequested}
          onConnectOpened={onConnectOpened}
          onState={setWallet}
        />
      ) : null}
      {wallet.loaded ? null : (
        <WalletCard
          chainId={chainId}
          action={<ConnectPlaceholder onClick={connect} onIntent={preload} loading={walletWanted} />}
        />
      )}

      {wallet.status !== StakerStatus.Active ? (
        <Card
          id="new-stake"
          title={wallet.hasPosition ? 'Stake again' : 'New stake'}
          description="Checked before anything is signed; the preview follows the chain block by block."
        >
          <StakeForm
            pool={pool}
            address={wallet.address}
            balance={wallet.balance}
            demand={demand}
            send={wallet.send}
            connect={connect}
            blocked={wallet.blocked}
            rejoining={wallet.rejoining}
          />
        </Card>
      ) : null}
    </div>
  )
}
