'use client'

import { formatBlockNumber } from '@/lib/format/time'
import type { TxState } from '@/lib/wallet/tx-store'
import { txStore } from '@/lib/wallet/tx-store'
import { useTxState } from './hooks'

function Hash({ hash }: { hash: string }) {
  return (
    <span className="font-mono break-all" title={hash}>
      {hash}
    </span>
  )
}

function statusText(tx: TxState) {
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
          <strong>{tx.label}:</strong> submitted, waiting for confirmation. Transaction{' '}
          {tx.hash ? <Hash hash={tx.hash} /> : null}
        </>
      )
    case 'confirmed':
      return (
        <>
          <strong>{tx.label}:</strong> confirmed
          {tx.blockNumber !== undefined ? ` in block ${formatBlockNumber(tx.blockNumber)}` : ''}.
          {tx.hash ? (
            <>
              {' '}
              Transaction <Hash hash={tx.hash} />
            </>
          ) : null}
        </>
      )
    case 'rejected':
      return (
        <>
          <strong>Signature rejected:</strong> “{tx.label}” was not sent and nothing changed. Try again
          whenever you are ready.
        </>
      )
    default:
      return null
  }
}

const tones = {
  signing: 'border-sky-300 bg-sky-50 text-sky-950',
  submitted: 'border-sky-300 bg-sky-50 text-sky-950',
  confirmed: 'border-emerald-300 bg-emerald-50 text-emerald-950',
  rejected: 'border-slate-300 bg-slate-50 text-slate-900',
  failed: 'border-red-400 bg-red-50 text-red-950',
} as const

/**
 * The lifecycle of the current wallet action. Two live regions that are always in the page (so screen
 * readers announce changes): a polite status for progress, confirmation and a rejected signature, and
 * an alert for a failure, with the contract's custom error in words.
 */
export function TxStatus() {
  const tx = useTxState()
  const done = tx?.phase === 'confirmed' || tx?.phase === 'failed' || tx?.phase === 'rejected'
  const box = tx ? `rounded-lg border px-4 py-3 text-sm ${tones[tx.phase]}` : ''
  return (
    <div className="space-y-2">
      <div role="status" aria-label="Transaction status" aria-atomic="true">
        {tx && tx.phase !== 'failed' ? (
          <div className={`${box} flex flex-wrap items-start justify-between gap-3`}>
            <p>{statusText(tx)}</p>
            {done ? <Dismiss /> : null}
          </div>
        ) : null}
      </div>
      <div role="alert" aria-label="Transaction error" aria-atomic="true">
        {tx?.phase === 'failed' ? (
          <div className={`${box} flex flex-wrap items-start justify-between gap-3`}>
            <div>
              <p className="font-semibold">{tx.label} failed</p>
              <p className="mt-1">{tx.message}</p>
              {tx.hash ? (
                <p className="mt-1">
                  Transaction <Hash hash={tx.hash} />
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
