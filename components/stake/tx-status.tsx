'use client'

import type { Address } from 'viem'
import { explorerTxUrl } from '@/lib/chain/explorers'
import { useChainSettings } from '@/lib/chain/settings-context'
import { formatBlockNumber } from '@/lib/format/time'
import type { FollowUp, TxPhase, TxState } from '@/lib/wallet/tx-store'
import { txStateFor, txStore } from '@/lib/wallet/tx-store'
import { useTxState } from './hooks'

/** A transaction hash, and a link to it on the chain's block explorer when there is one. */
function Transaction({ hash, explorerUrl }: { hash: string; explorerUrl: string | null }) {
  return (
    <>
      Transaction{' '}
      <span className="font-mono break-all" title={hash}>
        {hash}
      </span>
      {explorerUrl ? (
        <>
          {' '}
          <a
            href={explorerTxUrl(explorerUrl, hash)}
            target="_blank"
            rel="noopener noreferrer"
            className="underline"
          >
            View on the block explorer
          </a>
        </>
      ) : null}
    </>
  )
}

function statusText(tx: TxState, explorerUrl: string | null) {
  const transaction = tx.hash ? (
    <>
      {' '}
      <Transaction hash={tx.hash} explorerUrl={explorerUrl} />
    </>
  ) : null
  switch (tx.phase) {
    case 'signing':
      return (
        <>
          <strong>{tx.label}:</strong> awaiting signature. {tx.step ?? 'Confirm in your wallet'}…
        </>
      )
    case 'submitted':
      return (
        <>
          <strong>{tx.label}:</strong> submitted, waiting for confirmation.{transaction}
        </>
      )
    case 'confirmed':
      return (
        <>
          <strong>{tx.label}:</strong> confirmed
          {tx.blockNumber !== undefined ? ` in block ${formatBlockNumber(tx.blockNumber)}` : ''}.{transaction}
          {tx.replacedHash ? (
            <> (sped up in your wallet: it replaced {tx.replacedHash}, which was sent first)</>
          ) : null}
        </>
      )
    case 'cancelled':
      return (
        <>
          <strong>{tx.label}: cancelled.</strong> {tx.message}
          {transaction}
        </>
      )
    case 'rejected':
      return (
        <>
          <strong>Signature rejected:</strong> “{tx.label}” was not sent and nothing changed. Try again
          whenever you are ready.
        </>
      )
    case 'interrupted':
      return (
        <>
          <strong>{tx.label}:</strong> the approval is confirmed, but the{' '}
          {tx.followUp?.kind === 'topUp' ? 'top-up' : 'stake'} itself was not sent before the page was
          reloaded.{transaction}
        </>
      )
    default:
      return null
  }
}

const tones: Record<TxPhase, string> = {
  signing: 'border-sky-300 bg-sky-50 text-sky-950',
  submitted: 'border-sky-300 bg-sky-50 text-sky-950',
  confirmed: 'border-emerald-300 bg-emerald-50 text-emerald-950',
  rejected: 'border-slate-300 bg-slate-50 text-slate-900',
  cancelled: 'border-slate-300 bg-slate-50 text-slate-900',
  interrupted: 'border-amber-400 bg-amber-50 text-amber-950',
  failed: 'border-red-400 bg-red-50 text-red-950',
  replaced: 'border-red-400 bg-red-50 text-red-950',
}

const alerts: readonly TxPhase[] = ['failed', 'replaced']

/**
 * The lifecycle of the current wallet action of the connected `account` (another account's action
 * is not shown). Two live regions that are always in the page (so screen readers announce changes):
 * a polite status for progress, confirmation, cancellation and a rejected signature, and an alert
 * for a failure or a transaction that another one replaced. Each transaction links to the chain's
 * block explorer when the chain has one.
 */
export function TxStatus({
  account,
  onContinue,
  onDiscard,
}: {
  account: Address | undefined
  /** Send the deposit an approval was for (after a reload between the two steps). */
  onContinue: (followUp: FollowUp) => void
  onDiscard: () => void
}) {
  const tx = txStateFor(useTxState(), account)
  const explorerUrl = useChainSettings()?.explorerUrl ?? null
  const done = tx !== null && tx.phase !== 'signing' && tx.phase !== 'submitted' && tx.phase !== 'interrupted'
  const box = tx ? `rounded-lg border px-4 py-3 text-sm ${tones[tx.phase]}` : ''
  const isAlert = tx !== null && alerts.includes(tx.phase)
  return (
    <div className="space-y-2">
      <div role="status" aria-label="Transaction status" aria-atomic="true">
        {tx && !isAlert ? (
          <div className={`${box} flex flex-wrap items-start justify-between gap-3`}>
            <p>{statusText(tx, explorerUrl)}</p>
            {done ? <Dismiss /> : null}
            {tx.phase === 'interrupted' && tx.followUp ? (
              <div className="flex gap-2">
                <button
                  type="button"
                  onClick={() => tx.followUp && onContinue(tx.followUp)}
                  className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
                >
                  Send the {tx.followUp.kind === 'topUp' ? 'top-up' : 'stake'}
                </button>
                <button
                  type="button"
                  onClick={onDiscard}
                  className="rounded px-2 py-0.5 text-sm font-medium underline underline-offset-2 hover:bg-white/60"
                >
                  Discard
                </button>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
      <div role="alert" aria-label="Transaction error" aria-atomic="true">
        {tx && isAlert ? (
          <div className={`${box} flex flex-wrap items-start justify-between gap-3`}>
            <div>
              <p className="font-semibold">
                {tx.label} {tx.phase === 'replaced' ? 'did not happen' : 'failed'}
              </p>
              <p className="mt-1">{tx.message}</p>
              {tx.hash ? (
                <p className="mt-1">
                  <Transaction hash={tx.hash} explorerUrl={explorerUrl} />
                </p>
              ) : null}
            </div>
            <Dismiss />
          </div>
        ) : null}
      </div>
    </div>
  )
}

function Dismiss() {
  return (
    <button
      type="button"
      onClick={() => txStore.dismiss()}
      className="rounded px-2 py-0.5 text-sm font-medium underline underline-offset-2 hover:bg-white/60"
    >
      Dismiss
    </button>
  )
}
