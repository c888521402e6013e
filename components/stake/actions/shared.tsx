'use client'

import { type ReactNode, useState } from 'react'
import { formatClock, formatDuration } from '@/lib/format/time'
import type { PreviewStanding } from '@/lib/pool-math'
import { describeContractError } from '@/lib/wallet/error-messages'
import { formatOdds, formatWeight } from '../format'
import type { PositionProps } from '../position'

/** What every action of the position gets: the page's data plus the account's standing now. */
export type ActionProps = PositionProps & { standing?: PreviewStanding | null }

export function ActionBox({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-md border border-slate-200 p-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      <div className="mt-2 space-y-3">{children}</div>
    </section>
  )
}

function StandingChange({ before, after }: { before: PreviewStanding; after: PreviewStanding }) {
  return (
    <dl className="grid grid-cols-1 gap-1 text-sm">
      <div className="flex flex-wrap gap-x-2">
        <dt className="text-slate-600">Weight</dt>
        <dd className="font-medium tabular">
          {formatWeight(before.weight)} → {formatWeight(after.weight)}
        </dd>
      </div>
      <div className="flex flex-wrap gap-x-2">
        <dt className="text-slate-600">Selection probability</dt>
        <dd className="font-medium tabular">
          {formatOdds(before.probability)} → {formatOdds(after.probability)}
        </dd>
      </div>
      <div className="flex flex-wrap gap-x-2">
        <dt className="text-slate-600">Rank</dt>
        <dd className="font-medium tabular">
          {before.rank} → {after.rank}
        </dd>
      </div>
    </dl>
  )
}

export function Note({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-700">{children}</p>
}

export function useActionForm(initial: string) {
  const [text, setText] = useState(initial)
  const [submitted, setSubmitted] = useState(false)
  return { text, setText, submitted, setSubmitted }
}

export function CooldownNote({ end, now, cooldown }: { end: bigint | null; now: bigint; cooldown: bigint }) {
  if (end === null) return <Note>Possible now; afterwards once every {formatDuration(cooldown)}.</Note>
  return (
    <Note>
      <strong>Cooldown:</strong> you can change it again in {formatDuration(end - now)} (at {formatClock(end)}{' '}
      UTC).
    </Note>
  )
}

/**
 * The preview of a change: its refusal in words, or how weight, odds and rank move (then `children`,
 * anything more the action has to say).
 */
export function ChangePreview({
  preview,
  standing,
  now,
  children,
}: {
  children?: ReactNode
  preview:
    | (PreviewStanding & {
        before: PreviewStanding
        error: { name: string; args: readonly unknown[] } | null
      })
    | null
  standing: PreviewStanding | null | undefined
  now: bigint
}) {
  if (!preview || !standing) return null
  if (preview.error)
    return <Note>{describeContractError(preview.error.name, preview.error.args, { now })}</Note>
  return (
    <>
      <StandingChange before={preview.before} after={preview} />
      {children}
    </>
  )
}
