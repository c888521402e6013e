'use client'

import { useId, useState } from 'react'
import { usePool } from '@/lib/chain/hooks'
import { formatInteger } from '@/lib/format/decimal'
import { formatPerGas, formatTko } from '@/lib/format/units'
import { MAX_GAS_USED } from '@/lib/pool-math/constants'
import { proposalFee } from '@/lib/pool-math/proposalFee'
import type { PoolView } from '@/lib/pool-math/types'

function parseGas(text: string): bigint | string {
  const clean = text.replace(/[\s,_]/g, '')
  if (clean === '') return 'Enter the gas your block uses.'
  if (!/^\d+$/.test(clean)) return 'Gas used is a whole number.'
  const gas = BigInt(clean)
  if (gas === 0n) return 'Gas used must be at least 1.'
  if (gas > MAX_GAS_USED) return `Gas used is at most ${formatInteger(MAX_GAS_USED)}.`
  return gas
}

/** What proposing a block costs now: `proposalFee(F, gasUsed)` from lib/pool-math, live with F. */
export function FeeEstimator({ initialPool }: { initialPool: PoolView }) {
  const { pool } = usePool(initialPool)
  const [text, setText] = useState('1000000')
  const inputId = useId()
  const errorId = useId()
  const parsed = parseGas(text)
  const fee = typeof parsed === 'bigint' ? proposalFee({ feePerGas: pool.feePerGas, gasUsed: parsed }) : null
  return (
    <form className="space-y-3" onSubmit={(e) => e.preventDefault()}>
      <div>
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          Gas used
        </label>
        <input
          id={inputId}
          inputMode="numeric"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={fee === null}
          aria-describedby={fee === null ? errorId : undefined}
          className="mt-1 w-56 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-slate-900 tabular"
        />
        {typeof parsed === 'string' ? (
          <p id={errorId} className="mt-1 text-sm text-red-800">
            {parsed}
          </p>
        ) : null}
      </div>
      <div>
        <p className="text-sm font-medium text-slate-800" id={`${inputId}-fee`}>
          Estimated fee
        </p>
        <output
          htmlFor={inputId}
          aria-labelledby={`${inputId}-fee`}
          className="block text-2xl font-semibold tabular"
        >
          {fee === null ? '—' : formatTko(fee, { maxFractionDigits: 9 })}
        </output>
        <p className="text-sm text-slate-600">
          {typeof parsed === 'bigint'
            ? `${formatInteger(parsed)} gas × ${formatPerGas(pool.feePerGas)} per gas, at block #${formatInteger(pool.chainBlockNumber)}. Paid when the block is proposed.`
            : 'Fee = gas used × fee per gas.'}
        </p>
      </div>
    </form>
  )
}
