import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { ChainUnavailable } from '@/components/layout/chain-unavailable'
import { PageHeader } from '@/components/layout/page-header'
import { STAKE_PAGE_BLOCKS } from '@/components/stake/constants'
import { StakeApp } from '@/components/stake/stake-app'
import { getPoolSnapshot } from '@/lib/chain/server'
import { readHistory } from '@/lib/history/server'
import { blocksView } from '@/lib/history/views'
import { walletConnectProjectId } from '@/lib/wallet/walletconnect'

export const metadata: Metadata = { title: 'Stake' }

/**
 * /stake: connect a wallet, stake TKO with a reward per gas and a capacity, then manage the position.
 * The server renders the pool, the recent blocks (from the indexer) and the form; the page follows
 * the chain from there. Wallet code (wagmi, RainbowKit, WalletConnect when the operator set
 * WALLETCONNECT_PROJECT_ID, read here at runtime) is fetched when a wallet is wanted, on this page only.
 */
export default async function StakePage() {
  const snapshot = await getPoolSnapshot()
  if (snapshot.status !== 'ok') return <ChainUnavailable snapshot={snapshot} />
  const blocks = await readHistory(blocksView, { limit: STAKE_PAGE_BLOCKS })
  // wagmi's stored connection (cookie storage), so a returning wallet reconnects at once.
  const cookie = (await headers()).get('cookie')
  return (
    <div className="space-y-6">
      <PageHeader title="Stake">
        Stake TKO to prove blocks: your chance to be picked is your share of the total weight, stake × (F /
        R)². Ask less reward per gas or stake more to weigh more.
      </PageHeader>
      <StakeApp
        initialPool={snapshot.pool}
        initialBlocks={blocks}
        cookie={cookie}
        walletConnectProjectId={walletConnectProjectId(process.env.WALLETCONNECT_PROJECT_ID)}
      />
    </div>
  )
}
