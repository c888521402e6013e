'use client'

import { formatTko } from '@/lib/format/units'
import { buttonClass } from '../field'
import { ActionBox, type ActionProps, Note } from './shared'

export function ClaimAction({ staker, actions, blocked, pool }: ActionProps) {
  return (
    <ActionBox id="claim" title="Claim rewards">
      <Note>
        {staker.rewards > 0n
          ? `Pays your ${formatTko(staker.rewards, { maxFractionDigits: 6 })} of unclaimed rewards to your wallet.`
          : `No rewards to claim yet: rewards accrue when you prove blocks (the treasury holds ${formatTko(pool.treasury, { maxFractionDigits: 0 })}).`}
      </Note>
      <button
        type="button"
        className={buttonClass.primary}
        disabled={blocked !== null || staker.rewards === 0n}
        onClick={() => void actions.claimRewards()}
      >
        Claim rewards
      </button>
    </ActionBox>
  )
}
