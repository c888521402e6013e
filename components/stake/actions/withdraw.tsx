'use client'

import { formatClock, formatDuration } from '@/lib/format/time'
import { formatTko } from '@/lib/format/units'
import { buttonClass } from '../field'
import { ActionBox, type ActionProps, Note } from './shared'

export function WithdrawAction({ pool, staker, actions, blocked }: ActionProps) {
  const locked = staker.exitUnlocksAt > pool.chainTimestamp
  return (
    <ActionBox id="withdraw" title="Withdraw">
      <Note>
        {locked ? (
          <>
            <strong>Locked:</strong> {formatTko(staker.exitAmount, { maxFractionDigits: 4 })} unlock in{' '}
            {formatDuration(staker.exitUnlocksAt - pool.chainTimestamp)} (at{' '}
            {formatClock(staker.exitUnlocksAt)} UTC).
          </>
        ) : (
          <>Pays {formatTko(staker.exitAmount, { maxFractionDigits: 4 })} back to your wallet.</>
        )}
      </Note>
      <button
        type="button"
        className={buttonClass.primary}
        disabled={blocked !== null || locked}
        onClick={() => void actions.withdraw()}
      >
        Withdraw
      </button>
    </ActionBox>
  )
}
