import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getAddress, isAddress } from 'viem'
import { ChainUnavailable } from '@/components/layout/chain-unavailable'
import { PageHeader } from '@/components/layout/page-header'
import { ProverLive } from '@/components/prover/prover-live'
import { Notice } from '@/components/ui/notice'
import { emptyProverHistory, foldProverHistory } from '@/lib/chain/history/prover'
import { getPoolSnapshot, getServerHistory } from '@/lib/chain/server'
import { shortAddress } from '@/lib/format/address'

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
  const result = await getServerHistory()
  const { pool } = snapshot
  const history =
    result.status === 'ok'
      ? foldProverHistory(
          emptyProverHistory(address, result.history.fromBlock - 1n),
          result.history.events,
          pool.blockNumber,
        )
      : emptyProverHistory(address, pool.blockNumber)
  return (
    <div className="space-y-6">
      <PageHeader title={`Prover ${shortAddress(address)}`}>
        <span className="font-mono break-all">{address}</span>
      </PageHeader>
      {result.status === 'error' ? (
        <Notice tone="warning" title="The history of this prover could not be read">
          <p>{result.error.message}</p>
        </Notice>
      ) : null}
      <ProverLive initialPool={pool} initialHistory={history} />
    </div>
  )
}
