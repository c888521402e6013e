import type { Metadata } from 'next'
import { ScheduledConfig } from '@/components/config/scheduled-config'
import { FeeEstimator } from '@/components/fees/fee-estimator'
import { FeeExplainer } from '@/components/fees/fee-explainer'
import { FeeHistoryCard } from '@/components/fees/fee-history-card'
import { parseFeeRange } from '@/components/fees/fee-history-data'
import { FeeSummary } from '@/components/fees/fee-summary'
import { ChainUnavailable } from '@/components/layout/chain-unavailable'
import { PageHeader } from '@/components/layout/page-header'
import { Card } from '@/components/ui/card'
import { getPoolSnapshot } from '@/lib/chain/server'

export const metadata: Metadata = { title: 'Fees' }

export default async function FeesPage({
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
      <PageHeader title="Fees">
        What a block costs to propose, and how the price follows the provers.
      </PageHeader>
      <FeeSummary initialPool={pool} />
      <ScheduledConfig initialPool={pool} quiet={false} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card id="estimator" title="Fee estimator" description="The fee a block proposed now would pay.">
          <FeeEstimator initialPool={pool} />
        </Card>
        <Card id="how-the-fee-moves" title="How the fee moves">
          <FeeExplainer pool={pool} />
        </Card>
      </div>
      <FeeHistoryCard pool={pool} range={range} path="/fees" />
    </div>
  )
}
