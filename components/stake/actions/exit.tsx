'use client'

import { formatInteger } from '@/lib/format/decimal'
import { formatDuration, formatRelative, formatTimestamp } from '@/lib/format/time'
import { formatTko } from '@/lib/format/units'
import { exitDayOf, exitLimitResetsAt, exitsToday } from '@/lib/pool-math'
import { describeContractError } from '@/lib/wallet/error-messages'
import { buttonClass } from '../field'
import { formatWeight } from '../format'
import { previewExit } from '../previews'
import { ActionBox, type ActionProps, Note } from './shared'

export function ExitAction({ pool, address, actions, blocked, standing, blocks }: ActionProps) {
  const preview = previewExit(pool, address)
  const now = pool.chainTimestamp
  // The lens counts the exits of its own block's UTC day; lib/pool-math says what that means at `now`.
  const used = exitsToday({ exitDay: exitDayOf(pool.chainTimestamp), exitsToday: pool.exitsToday, now })
  const resetsAt = exitLimitResetsAt(now)
  const open = blocks.filter(
    (b) => b.proof === null && b.assignedProver?.toLowerCase() === address.toLowerCase(),
  ).length
  const limited = preview.error?.name === 'ProverPoolExitLimitReached'
  return (
    <ActionBox id="exit" title="Request exit">
      <Note>
        <strong>Daily exit limit:</strong> {formatInteger(used)} of{' '}
        {formatInteger(pool.config.maxExitsPerDay)} voluntary exits used today; resets{' '}
        {formatRelative(resetsAt, now)} (00:00 UTC).
      </Note>
      {preview.error ? (
        <Note>
          {describeContractError(preview.error.name, preview.error.args, { now })}
          {limited
            ? ' Meanwhile you can set your capacity to 0 (Update capacity, allowed at once): you then get no new blocks.'
            : ''}
        </Note>
      ) : (
        <Note>
          You leave the active list at once (weight {standing ? formatWeight(standing.weight) : '0'} → 0).{' '}
          {formatTko(preview.exitAmount, { maxFractionDigits: 4 })} unlock after{' '}
          {formatDuration(pool.config.exitDelay)}, at {formatTimestamp(preview.unlocksAt)}, and stay slashable
          until then.
          {open > 0 ? ` The ${open} block${open === 1 ? '' : 's'} assigned to you must still be proven.` : ''}
        </Note>
      )}
      <button
        type="button"
        className={buttonClass.primary}
        disabled={blocked !== null || limited}
        onClick={() => void actions.requestExit()}
      >
        Request exit
      </button>
    </ActionBox>
  )
}
