import Link from 'next/link'
import { AddressText } from '@/components/ui/address-link'
import { Badge } from '@/components/ui/badge'
import { statusTone } from '@/components/ui/status-tone'
import { formatBps, formatFraction } from '@/lib/format/percent'
import { formatTko } from '@/lib/format/units'
import { isFullHealth } from '@/lib/pool-math/isFullHealth'
import type { LeaderboardRow } from './leaderboard-rows'

/**
 * The leaderboard below `md`: one card per prover (rank, prover, stake, odds, health, status) instead
 * of a nine-column table that scrolls sideways. Same rows, same order as the table (leaderboard-rows);
 * the whole card is the link to the prover's page, so it is an easy target for a thumb.
 */
export function LeaderboardCards({
  rows,
  className = '',
}: {
  rows: readonly LeaderboardRow[]
  className?: string
}) {
  if (rows.length === 0) {
    return (
      <p className={`py-6 text-center text-slate-700 ${className}`}>
        No provers match the search and filters.
      </p>
    )
  }
  return (
    <ul aria-label="Provers" className={`space-y-2 ${className}`}>
      {rows.map((r) => (
        <li
          key={r.address}
          className="relative rounded-md border border-slate-200 bg-white p-3 hover:bg-slate-50 focus-within:ring-2 focus-within:ring-blue-600"
        >
          {/* Every field is a term and its value, so a screen reader names each one (labels hidden
              where the layout says it: the rank, the address and the status badge). */}
          <dl className="grid grid-cols-3 gap-2 text-sm">
            <div className="col-span-3 flex items-center gap-2">
              <dt className="sr-only">Rank</dt>
              <dd className="font-semibold text-slate-700 tabular">{r.rank !== null ? `#${r.rank}` : '—'}</dd>
              <dt className="sr-only">Prover</dt>
              <dd className="min-w-0 flex-1 truncate">
                {/* The link's ::after covers the card: tapping anywhere opens the prover's page. */}
                <Link
                  href={`/provers/${r.address}`}
                  prefetch={false}
                  className="font-medium after:absolute after:inset-0 after:content-['']"
                >
                  <AddressText address={r.address} />
                </Link>
              </dd>
              <dt className="sr-only">Status</dt>
              <dd>
                <Badge tone={statusTone[r.status]}>{r.status}</Badge>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">Stake</dt>
              <dd className="font-medium tabular">
                {formatTko(r.stake, { maxFractionDigits: 0 })}
                {r.exitAmount > 0n ? (
                  <span className="block text-xs font-normal text-slate-600">
                    {formatTko(r.exitAmount, { maxFractionDigits: 0 })} queued
                  </span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">Odds</dt>
              <dd className="font-medium tabular">{formatFraction(r.probability)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">Health</dt>
              <dd className={`font-medium tabular ${isFullHealth(r.healthBps) ? '' : 'text-red-800'}`}>
                {formatBps(r.healthBps)}
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  )
}
