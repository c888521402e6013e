import type { Metadata } from 'next'
import { ChainUnavailable } from '@/components/layout/chain-unavailable'
import { PageHeader } from '@/components/layout/page-header'
import { Leaderboard } from '@/components/leaderboard/leaderboard'
import { parseLeaderboardState } from '@/components/leaderboard/leaderboard-data'
import { Card } from '@/components/ui/card'
import { getPoolSnapshot, getServerLensStakers } from '@/lib/chain/server'
import { readHistory } from '@/lib/history/server'
import { NON_ACTIVE, stakersView } from '@/lib/history/views'

export const metadata: Metadata = { title: 'Provers' }

export default async function ProversPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const snapshot = await getPoolSnapshot()
  if (snapshot.status !== 'ok') return <ChainUnavailable snapshot={snapshot} />
  const state = parseLeaderboardState(await searchParams)
  // Exiting and evicted stakers: from the indexer, or from the lens's paginated list when it is down.
  const others = await readHistory(stakersView, { status: NON_ACTIVE })
  const fallback = others.status === 'ok' ? [] : await getServerLensStakers(snapshot)
  return (
    <div className="space-y-6">
      <PageHeader title="Provers">
        Every staker: the {snapshot.pool.config.maxActiveProvers.toString()} active slots ranked by selection
        weight, then those exiting or evicted. The chance to be picked for the next block is the prover&apos;s
        share of the total weight.
      </PageHeader>
      <Card id="leaderboard" title="Leaderboard">
        <Leaderboard
          initialPool={snapshot.pool}
          initialState={state}
          initialOthers={others}
          fallbackOthers={fallback}
        />
      </Card>
    </div>
  )
}
