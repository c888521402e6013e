'use client'

import { ConnectButton } from '@rainbow-me/rainbowkit'
import { useMemo } from 'react'
import { zeroAddress } from 'viem'
import { useAccount } from 'wagmi'
import { StaleNotice } from '@/components/layout/stale-notice'
import { Card } from '@/components/ui/card'
import { Notice } from '@/components/ui/notice'
import { FaucetButton } from '@/components/wallet/faucet-button'
import { NetworkPrompt } from '@/components/wallet/network-prompt'
import { chainName } from '@/lib/chain/chains'
import { useChain } from '@/lib/chain/context'
import { usePool } from '@/lib/chain/hooks'
import { formatTko } from '@/lib/format/units'
import { useHistory } from '@/lib/history/hooks'
import type { HistoryResult, RecentBlocksView } from '@/lib/history/types'
import { blocksView, proverView } from '@/lib/history/views'
import { StakerStatus } from '@/lib/pool-math'
import type { PoolView } from '@/lib/pool-math/types'
import { DEV_ACCOUNT_CHAIN_ID } from '@/lib/wallet/dev-account'
import { txStateFor } from '@/lib/wallet/tx-store'
import { STAKE_PAGE_BLOCKS } from './constants'
import { useAccountState, useDemand, useTxState } from './hooks'
import { Position } from './position'
import { StakeForm } from './stake-form'
import { TxStatus } from './tx-status'
import { useStakeActions } from './use-stake-actions'

/**
 * The stake page, live: the pool (one lens read per block, lib/chain), the connected account (balances
 * and its staker record), the newest blocks (from the indexer, read again each block), the stake form or
 * the position with its actions, and the lifecycle of the transaction in flight.
 */
const noStakerHistory = { status: 'unavailable', message: 'not read yet', indexedBlock: null } as const

export function StakeApp({
  initialPool,
  initialBlocks,
}: {
  initialPool: PoolView
  /** The newest blocks from the indexer (demand estimate, your assigned blocks). */
  initialBlocks: HistoryResult<RecentBlocksView>
}) {
  const chain = useChain()
  const { pool } = usePool(initialPool)
  const history = useHistory(blocksView, { limit: STAKE_PAGE_BLOCKS }, initialBlocks)
  const blocks = useMemo(() => history.data?.blocks ?? [], [history.data])
  const account = useAccount()
  const address = account.isConnected ? account.address : undefined
  const state = useAccountState(address)
  const demand = useDemand(pool, blocks)
  const actions = useStakeActions({ now: pool.chainTimestamp })
  const tx = txStateFor(useTxState(), address)

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

  return (
    <div className="space-y-6">
      <StaleNotice source="pool" what="the pool" />
      <Card
        id="wallet"
        title="Wallet"
        description={
          chainId === DEV_ACCOUNT_CHAIN_ID
            ? 'Any browser wallet, or the built-in dev account (local chain only, no extension needed).'
            : 'Any browser wallet (EIP-1193 / EIP-6963).'
        }
        actions={<ConnectButton showBalance={false} chainStatus="name" accountStatus="address" />}
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
        ) : (
          <p className="text-sm text-slate-700">
            Connect a wallet to stake. You can fill in the form below first and see what your stake would do.
          </p>
        )}
      </Card>

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

      {status !== StakerStatus.Active ? (
        <Card
          id="new-stake"
          title={hasPosition ? 'Stake again' : 'New stake'}
          description="Checked before anything is signed; the preview follows the chain block by block."
        >
          <StakeForm
            pool={pool}
            address={address}
            balance={address ? state.data?.tko : undefined}
            demand={demand}
            actions={actions}
            blocked={blocked}
            rejoining={(staker?.exitAmount ?? 0n) > 0n}
          />
        </Card>
      ) : null}
    </div>
  )
}
