'use client'

import { useAccount, useSwitchChain } from 'wagmi'
import { chainName } from '@/lib/chain/chains'
import { describeTxError } from '@/lib/wallet/errors'

/**
 * When the connected wallet is on another chain than the pool: says so and offers to switch
 * ("Switch to Anvil (local)"). Renders nothing otherwise. The page disables its actions meanwhile.
 */
export function NetworkPrompt({ chainId }: { chainId: number }) {
  const account = useAccount()
  const { switchChain, isPending, error, reset } = useSwitchChain()
  if (!account.isConnected || account.chainId === undefined || account.chainId === chainId) return null
  const target = chainName(chainId)
  const problem = error ? describeTxError(error) : null
  return (
    <div role="alert" className="rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 text-amber-950">
      <p className="font-semibold">Your wallet is on {chainName(account.chainId)}</p>
      <p className="mt-1 text-sm">
        The pool runs on {target} (chain {chainId}). Switch your wallet to it to stake; nothing can be signed
        until then.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={isPending}
          onClick={() => {
            reset()
            switchChain({ chainId })
          }}
          className="inline-flex items-center rounded-md bg-amber-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-amber-950 disabled:opacity-60"
        >
          Switch to {target}
        </button>
        {isPending ? <span className="text-sm">Confirm the switch in your wallet…</span> : null}
        {problem ? (
          <span className="text-sm">
            {problem.kind === 'rejected'
              ? 'The switch was declined in the wallet. Switch the network there, or try again.'
              : `The wallet could not switch: ${problem.message}`}
          </span>
        ) : null}
      </div>
    </div>
  )
}
