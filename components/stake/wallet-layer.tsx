'use client'

import { ConnectButton, useConnectModal } from '@rainbow-me/rainbowkit'
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react'
import { zeroAddress } from 'viem'
import { useAccount } from 'wagmi'
import { Notice } from '@/components/ui/notice'
import { FaucetButton } from '@/components/wallet/faucet-button'
import { NetworkPrompt } from '@/components/wallet/network-prompt'
import WalletProvidersImpl from '@/components/wallet/wallet-providers'
import { chainName } from '@/lib/chain/chains'
import { useChain } from '@/lib/chain/context'
import type { BlockRecord } from '@/lib/chain/history/blocks'
import { formatTko } from '@/lib/format/units'
import { useHistory } from '@/lib/history/hooks'
import { proverView } from '@/lib/history/views'
import { type PoolView, StakerStatus } from '@/lib/pool-math/types'
import { txStateFor } from '@/lib/wallet/tx-store'
import type { Demand } from './demand'
import { useAccountState, useTxState } from './hooks'
import { Position } from './position'
import type { SendStake } from './stake-form'
import { TxStatus } from './tx-status'
import { useStakeActions } from './use-stake-actions'
import { WalletCard } from './wallet-card'
import type { WalletState } from './wallet-state'

export type WalletLayerProps = {
  pool: PoolView
  /** The newest blocks (from the indexer): your assigned ones are among them. */
  blocks: readonly BlockRecord[]
  demand: Demand | null
  /** The request's cookie: wagmi's stored connection, so a returning wallet reconnects. */
  cookie: string | null
  /** WalletConnect Cloud project id; `null`: injected wallets only. */
  walletConnectProjectId: string | null
  /** The user clicked "Connect Wallet" before the layer was there: open the dialog once it is. */
  connectRequested: boolean
  onConnectOpened: () => void
  onState: (state: WalletState) => void
}

/**
 * Everything on the stake page that needs a wallet — wagmi, RainbowKit (and WalletConnect when the
 * operator set a project id), the account's balances and position, the writes — in one chunk the page
 * loads only when it is wanted (stake-app.tsx), so the page is read and typed into without any of it.
 */
export default function WalletLayer({ cookie, walletConnectProjectId, ...props }: WalletLayerProps) {
  return (
    <WalletProvidersImpl cookie={cookie} walletConnectProjectId={walletConnectProjectId}>
      <ConnectedStake {...props} />
    </WalletProvidersImpl>
  )
}

const noStakerHistory = { status: 'unavailable', message: 'not read yet', indexedBlock: null } as const

function ConnectedStake({
  pool,
  blocks,
  demand,
  connectRequested,
  onConnectOpened,
  onState,
}: Omit<WalletLayerProps, 'cookie' | 'walletConnectProjectId'>) {
  const chain = useChain()
  const account = useAccount()
  const address = account.isConnected ? account.address : undefined
  const state = useAccountState(address)
  const actions = useStakeActions({ now: pool.chainTimestamp })
  const tx = txStateFor(useTxState(), address)
  const { openConnectModal } = useConnectModal()

  const chainId = chain?.settings.chainId ?? 0
  const wrongChain = address !== undefined && account.chainId !== chainId
  const busy = tx?.phase === 'signing' || tx?.phase === 'submitted'
  const blocked = wrongChain
    ? `Switch your wallet to ${chainName(chainId)} first.`
    : busy
      ? 'Wait for the current transaction to finish.'
      : null

  const staker = state.data?.staker
  const status = staker?.status
  // Who took the slot of an evicted account: the indexer's staker row (read only while connected).
  const own = useHistory(
    proverView,
    { address: address ?? zeroAddress, now: pool.chainTimestamp },
    noStakerHistory,
    address !== undefined,
  )
  const evictedBy = own.data?.staker?.evictedBy ?? null
  // Its own newest blocks (assigned or proven) and the pool's newest: its unproven assigned ones are in one.
  const ownBlocks = own.data?.blocks
  const positionBlocks = useMemo(() => {
    const byId = new Map(blocks.map((b) => [b.blockId, b]))
    for (const b of ownBlocks ?? []) if (!byId.has(b.blockId)) byId.set(b.blockId, b)
    return [...byId.values()]
  }, [blocks, ownBlocks])
  const hasPosition =
    staker !== undefined &&
    (status !== StakerStatus.None || staker.rewards > 0n || staker.owedRewards > 0n || staker.exitAmount > 0n)

  // Stable functions for the shell (the hooks' own change every render).
  const latest = useRef({ stake: actions.stake, openConnectModal })
  latest.current = { stake: actions.stake, openConnectModal }
  const send = useCallback<SendStake>((...args) => latest.current.stake(...args), [])
  const connect = useCallback(() => latest.current.openConnectModal?.(), [])
  const balance = address ? state.data?.tko : undefined
  const rejoining = (staker?.exitAmount ?? 0n) > 0n
  // Before paint: the shell drops its placeholder card in the same frame this card appears.
  useLayoutEffect(() => {
    onState({ loaded: true, address, balance, status, hasPosition, rejoining, blocked, send, connect })
  }, [onState, address, balance, status, hasPosition, rejoining, blocked, send, connect])
  useLayoutEffect(() => {
    if (connectRequested && openConnectModal) {
      openConnectModal()
      onConnectOpened()
    }
  }, [connectRequested, openConnectModal, onConnectOpened])

  return (
    <>
      <WalletCard
        chainId={chainId}
        action={<ConnectButton showBalance={false} chainStatus="name" accountStatus="address" />}
      >
        {address ? (
          <div className="space-y-3">
            <dl className="flex flex-wrap gap-x-8 gap-y-1 text-sm">
              <div className="flex gap-2">
                <dt className="text-slate-600">Account</dt>
                <dd className="font-mono break-all">{address}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600">TKO balance</dt>
                <dd className="font-medium tabular">
                  {state.data ? formatTko(state.data.tko, { maxFractionDigits: 4 }) : '…'}
                </dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600">ETH balance</dt>
                <dd className="font-medium tabular">
                  {state.data ? formatTko(state.data.eth, { maxFractionDigits: 4, unit: false }) : '…'} ETH
                </dd>
              </div>
            </dl>
            {chain?.settings.faucet ? <FaucetButton address={address} onFunded={actions.refresh} /> : null}
          </div>
        ) : null}
      </WalletCard>

      <NetworkPrompt chainId={chainId} />
      <TxStatus account={address} onContinue={actions.continueDeposit} onDiscard={actions.discardPending} />

      {state.error && address ? (
        <Notice tone="warning" title="Your account could not be read">
          <p>{state.error.message}</p>
        </Notice>
      ) : null}

      {address && staker && hasPosition ? (
        <Position
          pool={pool}
          address={address}
          staker={staker}
          balance={state.data?.tko}
          blocks={positionBlocks}
          evictedBy={evictedBy}
          demand={demand}
          actions={actions}
          blocked={blocked}
        />
      ) : null}
    </>
  )
}
