import type { Metadata } from 'next'
import { ChainUnavailable } from '@/components/layout/chain-unavailable'
import { PageHeader } from '@/components/layout/page-header'
import { STAKE_PAGE_BLOCKS } from '@/components/stake/constants'
import { StakeApp } from '@/components/stake/stake-app'
import { getPoolSnapshot } from '@/lib/chain/server'
import { readHistory } from '@/lib/history/server'
import { blocksView } from '@/lib/history/views'

export const metadata: Metadata = { title: 'Stake' }

/**
 * /stake: connect a wallet, stake TKO with a reward per gas and a capacity, then manage the position.
 * The server renders the pool and the recent blocks (from the indexer); the page follows the
 * chain from there. Wallet code is loaded by app/stake/layout.tsx only.
 */
export default async function StakePage() {
  const snapshot = await getPoolSnapshot()
  if (snapshot.status !== 'ok') return <ChainUnavailable snapshot={snapshot} />
  const blocks = await readHistory(blocksView, { limit: STAKE_PAGE_BLOCKS })
  return (
    <div className="space-y-6">
      <PageHeader title="Stake">
        Stake TKO to prove blocks: your chance to be picked is your share of the total weight, stake × (F /
        R)². Ask less reward per gas or stake more to weigh more.
      </PageHeader>
      <StakeApp initialPool={snapshot.pool} initialBlocks={blocks} />
    </div>
  )
}
