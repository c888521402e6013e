import { ScheduledConfig } from '@/components/config/scheduled-config'
import { FeeHistoryCard } from '@/components/fees/fee-history-card'
import { parseFeeRange } from '@/components/fees/fee-history-data'
import { ChainUnavailable } from '@/components/layout/chain-unavailable'
import { PageHeader } from '@/components/layout/page-header'
import { ModeBanner } from '@/components/overview/mode-banner'
import { OverviewTiles } from '@/components/overview/overview-tiles'
import { RecentBlocksCard } from '@/components/overview/recent-blocks-card'
import { getPoolSnapshot } from '@/lib/chain/server'

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const snapshot = await getPoolSnapshot()
  if (snapshot.status !== 'ok') return <ChainUnavailable snapshot={snapshot} />
  const range = parseFeeRange((await searchParams).range)
  const { pool } = snapshot
  return (
    <div className="space-y-6">
      <PageHeader title="Overview">
        The prover market at a glance: what proposers pay, how fast blocks are proven, and who is staked.
      </PageHeader>
      <ModeBanner initialPool={pool} />
      <ScheduledConfig initialPool={pool} />
      <OverviewTiles initialPool={pool} />
      <FeeHistoryCard pool={pool} range={range} path="/" />
      <RecentBlocksCard pool={pool} />
    </div>
  )
}
