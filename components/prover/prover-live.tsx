'use client'

import { useMemo } from 'react'
import { BlocksTable } from '@/components/blocks/blocks-table'
import { HistoryUnavailable } from '@/components/layout/history-unavailable'
import { StaleNotice } from '@/components/layout/stale-notice'
import { leaderboardRows } from '@/components/leaderboard/leaderboard-rows'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { PerGas } from '@/components/ui/per-gas'
import { Stat, StatGrid } from '@/components/ui/stat'
import { statusTone } from '@/components/ui/status-tone'
import { table } from '@/components/ui/table'
import { usePool, useStaker } from '@/lib/chain/hooks'
import { formatDecimal, formatInteger } from '@/lib/format/decimal'
import { formatBps, formatFraction } from '@/lib/format/percent'
import { proverStatusLabel, proverStatusWord } from '@/lib/format/status'
import { formatRelative, formatTimestamp } from '@/lib/format/time'
import { formatPerGas, formatTko, tkoToNumber } from '@/lib/format/units'
import { useHistory } from '@/lib/history/hooks'
import type { HistoryResult, ProverTimelineView } from '@/lib/history/types'
import { proverView } from '@/lib/history/views'
import { BPS } from '@/lib/pool-math/constants'
import { isFullHealth } from '@/lib/pool-math/isFullHealth'
import { type PoolView, type ProverView, StakerStatus } from '@/lib/pool-math/types'
import { type StakeChartPoint, StakeHistoryPlot } from './stake-history-plot'

const CHART_HEIGHT = 240

const noHistory: ProverTimelineView = { staker: null, points: [], slashes: [], blocks: [], overdue: 0 }

/**
 * Everything about one prover, live: its position (its lens row while active, else the core's
 * `getStaker`: odds, stake, health, rewards) and its history from the indexer (timeline, slashes,
 * blocks, counters), both read again on every new block.
 */
export function ProverLive({
  address,
  initialPool,
  initialStaker,
  initialHistory,
}: {
  address: `0x${string}`
  initialPool: PoolView
  /** The server's read of this staker (lens row or `getStaker`), null when it could not be read. */
  initialStaker: ProverView | null
  initialHistory: HistoryResult<ProverTimelineView>
}) {
  const { pool } = usePool(initialPool)
  const lower = address.toLowerCase()
  const activeEntry = pool.provers.find((p) => p.prover.toLowerCase() === lower)
  const staker = useStaker(initialStaker, address, pool.chainBlockNumber, activeEntry === undefined)
  const fetched = useHistory(proverView, { address, now: pool.chainTimestamp }, initialHistory)
  const history = fetched.data ?? noHistory
  const counts = history.staker
  const entry: ProverView | undefined =
    activeEntry ?? (staker && staker.status !== StakerStatus.None ? staker : undefined)
  const row = useMemo(
    () => leaderboardRows(pool).find((r) => r.address.toLowerCase() === lower),
    [pool, lower],
  )
  const activeCount = pool.provers.filter((p) => p.status === StakerStatus.Active).length

  const chart = useMemo((): StakeChartPoint[] => {
    const points = history.points.map((p) => ({
      block: Number(p.blockNumber),
      stake: tkoToNumber(p.stake),
      health: Number(p.healthBps) / 100,
    }))
    const last = points.at(-1)
    if (last && entry)
      points.push({
        block: Number(pool.chainBlockNumber),
        stake: tkoToNumber(entry.stake),
        health: Number(entry.healthBps) / 100,
      })
    else if (last) points.push({ ...last, block: Number(pool.chainBlockNumber) })
    return points
  }, [history.points, entry, pool.chainBlockNumber])

  const blocks = history.blocks
  const overdue = history.overdue
  const missed = counts?.missed ?? 0
  const status = proverStatusWord(entry?.status ?? StakerStatus.None)

  return (
    <div className="space-y-6">
      <StaleNotice source="pool" what="this prover's position" />
      <StaleNotice source="history" what="this prover's history" />
      {fetched.data === null ? (
        <HistoryUnavailable result={fetched.result} what="This prover's history" />
      ) : null}
      <Card
        id="position"
        title="Position and odds"
        actions={
          <Badge tone={statusTone[status]}>{proverStatusLabel(entry?.status ?? StakerStatus.None)}</Badge>
        }
      >
        <StatGrid label="Position and odds">
          <Stat
            label="Rank"
            value={row?.rank ? `${row.rank} of ${activeCount}` : '—'}
            detail={
              entry && entry.slot > 0n ? `active slot ${formatInteger(entry.slot)}` : 'not in the active list'
            }
          />
          <Stat
            label="Selection probability"
            value={formatFraction(row?.probability ?? 0)}
            detail={
              row && row.probability > 0
                ? `about 1 in ${Math.max(1, Math.round(1 / row.probability))} blocks`
                : 'no weight now'
            }
          />
          <Stat label="Weight" value={formatDecimal(entry?.weight ?? 0n, 18, 1)} detail="stake × (F / R)²" />
          <Stat
            label="Reward per gas"
            value={entry ? <PerGas value={entry.rewardPerGas} maxFractionDigits={4} /> : '—'}
            detail={`F is ${formatPerGas(pool.feePerGas, { maxFractionDigits: 4 })}`}
          />
          <Stat
            label="Capacity"
            value={
              entry ? `${formatInteger(entry.currentCapacity)} / ${formatInteger(entry.maxCapacity)}` : '—'
            }
            detail="free / stated unproven blocks"
          />
        </StatGrid>
      </Card>

      <Card
        id="stake"
        title="Stake and health"
        description="From Staked, Slashed, ExitRequested, Evicted and Withdrawn events."
      >
        <StatGrid label="Stake and health">
          <Stat label="Stake" value={formatTko(entry?.stake ?? 0n)} detail="active, slashable" />
          <Stat
            label="Health"
            value={formatBps(entry?.healthBps ?? history.points.at(-1)?.healthBps ?? BPS)}
            detail="deposits not slashed"
            tone={entry && !isFullHealth(entry.healthBps) ? 'warning' : 'default'}
          />
          <Stat
            label="Deposited / slashed"
            value={`${formatTko(entry?.deposited ?? 0n, { maxFractionDigits: 0 })}`}
            detail={`${formatTko(entry?.slashed ?? 0n)} slashed in total`}
          />
          <Stat
            label="Queued for exit"
            value={formatTko(entry?.exitAmount ?? 0n)}
            detail={
              entry && entry.exitAmount > 0n
                ? `withdrawable ${formatRelative(entry.exitUnlocksAt, pool.chainTimestamp)} (${formatTimestamp(entry.exitUnlocksAt)})`
                : 'nothing queued'
            }
          />
        </StatGrid>
        <div className="mt-4">
          {chart.length > 1 ? (
            <figure aria-label="Stake and health over time">
              <StakeHistoryPlot data={chart} height={CHART_HEIGHT} />
              <figcaption className="mt-2 text-sm text-slate-600">
                Stake and health after each of {history.points.length} events, by chain block.
              </figcaption>
            </figure>
          ) : (
            <EmptyState title="No stake history">This address has not staked on this deployment.</EmptyState>
          )}
        </div>
      </Card>

      <Card id="slashes" title="Slashes" description="Every slash, with the block whose window was missed.">
        {history.slashes.length === 0 ? (
          <EmptyState title="Never slashed">Every assigned block was proven inside its window.</EmptyState>
        ) : (
          <div className={table.wrapper}>
            <table className={table.table}>
              <caption className={table.caption}>Slashes of this prover, newest first</caption>
              <thead>
                <tr>
                  <th scope="col" className={table.thNumeric}>
                    Block
                  </th>
                  <th scope="col" className={table.thNumeric}>
                    Chain block
                  </th>
                  <th scope="col" className={table.thNumeric}>
                    Amount
                  </th>
                  <th scope="col" className={table.thNumeric}>
                    Remaining
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.slashes.map((s) => (
                  <tr key={`${s.blockId}-${s.blockNumber}`} className={table.tr}>
                    <th scope="row" className={`${table.tdNumeric} font-medium`}>
                      {formatInteger(s.blockId)}
                    </th>
                    <td className={table.tdNumeric}>#{formatInteger(s.blockNumber)}</td>
                    <td className={`${table.tdNumeric} text-red-800`}>
                      {formatTko(s.amount, { maxFractionDigits: 4 })}
                    </td>
                    <td className={table.tdNumeric}>
                      {formatTko(s.remainingStake, { maxFractionDigits: 4 })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card id="blocks" title="Blocks" description="Assigned to this prover, or proven by it.">
        <StatGrid label="Block counts">
          <Stat label="Assigned" value={formatInteger(counts?.assigned ?? 0)} />
          <Stat
            label="Proven"
            value={formatInteger(counts?.proven ?? 0)}
            detail="by this prover, any block"
          />
          <Stat
            label="Missed"
            value={formatInteger(missed + overdue)}
            detail={overdue > 0 ? `${overdue} overdue now, ${missed} slashed` : 'window missed, slashed'}
            tone={missed + overdue > 0 ? 'warning' : 'default'}
          />
        </StatGrid>
        <div className="mt-4">
          <BlocksTable
            records={blocks}
            now={pool.chainTimestamp}
            caption="This prover's newest blocks"
            showProvenBy
          />
        </div>
      </Card>

      <Card id="rewards" title="Rewards">
        <StatGrid label="Rewards">
          <Stat
            label="Earned"
            value={formatTko(counts?.rewardsEarned ?? 0n, { maxFractionDigits: 6 })}
            detail="from every proof"
          />
          <Stat
            label="Claimed"
            value={formatTko(counts?.rewardsClaimed ?? 0n, { maxFractionDigits: 6 })}
            detail={`${counts?.claims ?? 0} claims`}
          />
          <Stat
            label="Unclaimed"
            value={formatTko(entry?.unclaimedRewards ?? 0n, { maxFractionDigits: 6 })}
            detail="claimable now"
          />
          <Stat
            label="Owed"
            value={formatTko(entry?.owedRewards ?? 0n, { maxFractionDigits: 6 })}
            detail={
              (entry?.owedRewards ?? 0n) > 0n
                ? 'the treasury was short: paid first once it is refilled'
                : 'nothing owed: the treasury paid every reward'
            }
          />
        </StatGrid>
      </Card>
    </div>
  )
}
