'use client'

import { useState } from 'react'
import type { Address } from 'viem'
import { formatDecimal } from '@/lib/format/decimal'

type FaucetState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; message: string }
  | { status: 'error'; message: string }

/**
 * "Get test tokens" (local chain only): asks the app's faucet route to mint TKO and add ETH to the
 * connected account. The result is announced in a live region next to the button.
 */
export function FaucetButton({ address, onFunded }: { address: Address; onFunded?: () => void }) {
  const [state, setState] = useState<FaucetState>({ status: 'idle' })
  const request = async () => {
    setState({ status: 'pending' })
    try {
      const response = await fetch('/api/faucet', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ address }),
      })
      const body = (await response.json().catch(() => ({}))) as {
        tko?: string
        eth?: string
        balance?: string
        error?: string
      }
      if (!response.ok || !body.tko || !body.eth) {
        setState({ status: 'error', message: body.error ?? `The faucet answered ${response.status}.` })
        return
      }
      setState({
        status: 'done',
        message: `Received ${formatDecimal(BigInt(body.tko), 18, 0)} TKO and ${formatDecimal(BigInt(body.eth), 18, 0)} ETH.`,
      })
      onFunded?.()
    } catch (error) {
      setState({ status: 'error', message: `The faucet could not be reached: ${(error as Error).message}` })
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={request}
        disabled={state.status === 'pending'}
        className="inline-flex items-center rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        Get test tokens
      </button>
      <span role="status" aria-label="Faucet" className="text-sm text-slate-700">
        {state.status === 'pending' ? 'Minting test TKO and adding ETH…' : null}
        {state.status === 'done' ? state.message : null}
        {state.status === 'error' ? <span className="text-red-800">{state.message}</span> : null}
      </span>
    </div>
  )
}
