import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getAddress, isAddress } from 'viem'
import { ChainUnavailable } from '@/components/layout/chain-unavailable'
import { PageHeader } from '@/components/layout/page-header'
import { ProverLive } from '@/components/prover/prover-live'
import { getPoolSnapshot, getServerStaker } from '@/lib/chain/server'
import { shortAddress } from '@/lib/format/address'
import { readHistory } from '@/lib/history/server'
import { proverView } from '@/lib/history/views'

type Props = { params: Promise<{ address: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { address } = await params
  return { title: isAddress(address) ? `Prover ${shortAddress(address)}` : 'Prover' }
}

export default async function ProverPage({ params }: Props) {
  const { address: raw } = await params
  if (!isAddress(raw, { strict: false })) notFound()
  const address = getAddress(raw)
  const snapshot = await getPoolSnapshot()
  if (snapshot.status !== 'ok') return <ChainUnavailable snapshot={snapshot} />
  const { pool } = snapshot
  const [staker, history] = await Promise.all([
    getServerStaker(snapshot, address),
    readHistory(proverView, { address, now: pool.chainTimestamp }),
  ])
  return (
    <div className="space-y-6">
      <PageHeader title={`Prover ${shortAddress(address)}`}>
        <span className="font-mono break-all">{address}</span>
      </PageHeader>
      <ProverLive address={address} initialPool={pool} initialStaker={staker} initialHistory={history} />
    </div>
  )
}
