'use client'

import { formatTko } from '@/lib/format/units'
import { buttonClass } from '../field'
import { ActionBox, type ActionProps, Note } from './shared'

export function ClaimAction({ staker, actions, blocked, pool }: ActionProps) {
  // Owed rewards are paid at a claim from what the treasury holds (SPEC Revision 2.5).
  // biome-ignore lint/complexity/useMathMinMax: bigint amounts (Math.min takes numbers)
  const owedNow = staker.owedRewards < pool.treasury ? staker.owedRewards : pool.treasury
  const claimable = staker.rewards + owedNow
  const fmt = (wei: bigint) => formatTko(wei, { maxFractionDigits: 6 })
  return (
    <ActionBox id="claim" title="Claim rewards">
      <Note>
        {claimable > 0n
          ? `Pays ${fmt(claimable)} to your wallet${owedNow > 0n ? ` (${fmt(owedNow)} of it owed rewards the treasury can now cover)` : ''}.`
          : staker.owedRewards > 0n
            ? `You are owed ${fmt(staker.owedRewards)}, but the treasury is empty: it pays owed rewards first once fees or slashes refill it.`
            : `No rewards to claim yet: rewards accrue when you prove blocks (the treasury holds ${formatTko(pool.treasury, { maxFractionDigits: 0 })}).`}
        {claimable > 0n && staker.owedRewards > owedNow
          ? ` ${fmt(staker.owedRewards - owedNow)} stays owed until the treasury is refilled.`
          : ''}
      </Note>
      <button
        type="button"
        className={buttonClass.primary}
        disabled={blocked !== null || claimable === 0n}
        onClick={() => void actions.claimRewards()}
      >
        Claim rewards
      </button>
    </ActionBox>
  )
}
