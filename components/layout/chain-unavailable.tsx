import type { PoolSnapshot } from '@/lib/chain/server'
import { AutoRetry } from './auto-retry'

/**
 * What a page shows instead of data when the server cannot read the pool: no deployments file, the
 * node is down, or nothing is deployed at the address. Explains the cause in words and retries by
 * itself. Shows no URL and no server path (the RPC URL may carry a provider's API key): the
 * operator finds those in the server log.
 */
export function ChainUnavailable({ snapshot }: { snapshot: Exclude<PoolSnapshot, { status: 'ok' }> }) {
  const env = snapshot.chain.env
  const title =
    snapshot.status === 'no-deployment'
      ? 'The pool is not deployed on this chain yet'
      : snapshot.error.kind === 'unreachable'
        ? 'The chain cannot be reached'
        : snapshot.error.kind === 'no-contract'
          ? 'No pool contract at the deployed address'
          : 'The pool could not be read'
  const message = snapshot.status === 'no-deployment' ? snapshot.chain.reason : snapshot.error.message
  return (
    <div role="alert" className="rounded-lg border border-amber-400 bg-amber-50 px-5 py-4 text-amber-950">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-2">{message}</p>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Chain id</dt>
        <dd className="font-mono">{env.chainId}</dd>
      </dl>
      <AutoRetry />
    </div>
  )
}
