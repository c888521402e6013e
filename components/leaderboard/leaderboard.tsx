'use client'

import { useEffect, useId, useMemo, useState } from 'react'
import { StaleNotice } from '@/components/layout/stale-notice'
import { ProverLink } from '@/components/ui/address-link'
import { Badge } from '@/components/ui/badge'
import { EmptyState } from '@/components/ui/empty-state'
import { PerGas } from '@/components/ui/per-gas'
import { statusTone } from '@/components/ui/status-tone'
import { table } from '@/components/ui/table'
import { usePool } from '@/lib/chain/hooks'
import { formatDecimal, formatInteger } from '@/lib/format/decimal'
import { formatBps, formatFraction } from '@/lib/format/percent'
import { formatTko } from '@/lib/format/units'
import { useHistory } from '@/lib/history/hooks'
import { stakerEntry } from '@/lib/history/stakers'
import type { HistoryResult, StakersView } from '@/lib/history/types'
import { NON_ACTIVE, stakersView } from '@/lib/history/views'
import { isFullHealth } from '@/lib/pool-math/isFullHealth'
import type { PoolView, ProverView } from '@/lib/pool-math/types'
import { LeaderboardCards } from './leaderboard-cards'
import {
  applyLeaderboardState,
  defaultDirection,
  type FilterStatus,
  filterStatuses,
  type LeaderboardState,
  leaderboardCsv,
  leaderboardSearch,
  type SortKey,
  sortKeys,
} from './leaderboard-data'
import { type LeaderboardRow, leaderboardRows } from './leaderboard-rows'

const columns: { key: SortKey; label: string; numeric: boolean; title?: string }[] = [
  { key: 'rank', label: 'Rank', numeric: true },
  { key: 'prover', label: 'Prover', numeric: false },
  { key: 'stake', label: 'Stake', numeric: true },
  { key: 'reward', label: 'Reward per gas', numeric: true },
  { key: 'capacity', label: 'Capacity', numeric: true, title: 'current / max unproven blocks' },
  { key: 'weight', label: 'Weight', numeric: true, title: 'stake × (F / R)², R at least the reward floor' },
  { key: 'probability', label: 'Selection probability', numeric: true },
  { key: 'health', label: 'Health', numeric: true, title: 'share of all deposits not slashed' },
  { key: 'status', label: 'Status', numeric: false },
]

const statusLabel: Record<FilterStatus, string> = { active: 'Active', exiting: 'Exiting', evicted: 'Evicted' }

function SortIcon({ direction }: { direction: 'asc' | 'desc' | null }) {
  return (
    <span aria-hidden="true" className="ml-1 inline-block w-3 text-slate-500">
      {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
    </span>
  )
}

function downloadCsv(rows: readonly LeaderboardRow[], blockNumber: bigint) {
  const blob = new Blob([leaderboardCsv(rows)], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = `provers-block-${blockNumber}.csv`
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1_000)
}

/**
 * The ranked leaderboard: sortable by every column (buttons in the headers), searchable, filterable
 * by status, its state in the URL (?sort=&dir=&q=&status=), exportable as CSV. Server-rendered with
 * the rows, then live (one lens read per block).
 */
export function Leaderboard({
  initialPool,
  initialState,
  initialOthers,
  fallbackOthers,
}: {
  initialPool: PoolView
  initialState: LeaderboardState
  /** Exiting and evicted stakers from the indexer (the lens lists active provers only). */
  initialOthers: HistoryResult<StakersView>
  /** The same from the lens's paginated `getStakers`, read by the server when the indexer was down. */
  fallbackOthers: ProverView[]
}) {
  const { pool } = usePool(initialPool)
  const others = useHistory(stakersView, { status: NON_ACTIVE }, initialOthers).data
  const [state, setState] = useState(initialState)
  const searchId = useId()
  const all = useMemo(() => {
    const rest = others ? others.stakers.map(stakerEntry) : fallbackOthers
    const active = new Set(pool.provers.map((p) => p.prover.toLowerCase()))
    return leaderboardRows({
      ...pool,
      provers: [...pool.provers, ...rest.filter((p) => !active.has(p.prover.toLowerCase()))],
    })
  }, [pool, others, fallbackOthers])
  const rows = useMemo(() => applyLeaderboardState(all, state), [all, state])

  useEffect(() => {
    // Shareable state without a server round trip (Next keeps its router in sync with replaceState).
    const search = leaderboardSearch(state)
    const url = `${window.location.pathname}${search ? `?${search}` : ''}`
    if (url !== `${window.location.pathname}${window.location.search}`)
      window.history.replaceState(null, '', url)
  }, [state])

  function sortBy(key: SortKey) {
    setState((s) =>
      s.sort === key
        ? { ...s, dir: s.dir === 'asc' ? 'desc' : 'asc' }
        : { ...s, sort: key, dir: defaultDirection(key) },
    )
  }
  function toggleStatus(status: FilterStatus) {
    setState((s) => ({
      ...s,
      status: s.status.includes(status) ? s.status.filter((x) => x !== status) : [...s.status, status],
    }))
  }
  const counts = useMemo(() => {
    const c: Record<FilterStatus, number> = { active: 0, exiting: 0, evicted: 0 }
    for (const r of all) if (r.status !== 'none') c[r.status]++
    return c
  }, [all])

  return (
    <div className="space-y-3">
      <StaleNotice source="pool" what="the provers" />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor={searchId} className="block text-sm font-medium text-slate-800">
              Search provers
            </label>
            <input
              id={searchId}
              type="search"
              value={state.q}
              onChange={(e) => setState((s) => ({ ...s, q: e.target.value }))}
              placeholder="0x… address"
              autoComplete="off"
              spellCheck={false}
              className="mt-1 w-72 max-w-full rounded-md border border-slate-400 bg-white px-3 py-1.5 font-mono text-sm text-slate-900 placeholder:text-slate-500"
            />
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Status</legend>
            <div className="mt-1 flex flex-wrap gap-1">
              {filterStatuses.map((status) => {
                const pressed = state.status.includes(status)
                return (
                  <button
                    key={status}
                    type="button"
                    aria-pressed={pressed}
                    onClick={() => toggleStatus(status)}
                    className={`rounded-md border px-2.5 py-1.5 text-sm ${
                      pressed
                        ? 'border-slate-900 bg-slate-900 text-white'
                        : 'border-slate-400 bg-white text-slate-800 hover:bg-slate-100'
                    }`}
                  >
                    {statusLabel[status]} <span className="tabular">({counts[status]})</span>
                  </button>
                )
              })}
            </div>
          </fieldset>
        </div>
        <SortSelect state={state} onSort={sortBy} />
        <button
          type="button"
          onClick={() => downloadCsv(rows, pool.chainBlockNumber)}
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          Export CSV
        </button>
      </div>

      <p className="text-sm text-slate-600" aria-live="polite">
        Showing {rows.length} of {all.length} provers · block #{formatInteger(pool.chainBlockNumber)}
      </p>

      {all.length === 0 ? (
        <EmptyState title="No provers have staked yet">
          The first {formatInteger(pool.config.maxActiveProvers)} stakers take the free slots.
        </EmptyState>
      ) : (
        <>
          <LeaderboardCards rows={rows} className="md:hidden" />
          <div className={`hidden md:block ${table.wrapper}`}>
            <table className={table.table}>
              <caption className={table.caption}>
                Provers ranked by selection weight; column headers sort the table.
              </caption>
              <thead>
                <tr>
                  {columns.map((c) => {
                    const active = state.sort === c.key
                    return (
                      <th
                        key={c.key}
                        scope="col"
                        aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                        className={`${c.numeric ? table.thNumeric : table.th}`}
                        title={c.title}
                      >
                        <button
                          type="button"
                          onClick={() => sortBy(c.key)}
                          className={`inline-flex items-center rounded px-1 py-0.5 font-semibold uppercase tracking-wide hover:bg-slate-200 ${
                            active ? 'text-slate-950' : 'text-slate-700'
                          }`}
                        >
                          {c.label}
                          <SortIcon direction={active ? state.dir : null} />
                        </button>
                      </th>
                    )
                  })}
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 ? (
                  <tr>
                    <td colSpan={columns.length} className="px-3 py-6 text-center text-slate-700">
                      No provers match the search and filters.
                    </td>
                  </tr>
                ) : (
                  rows.map((r) => (
                    <tr key={r.address} className={table.tr}>
                      <td className={table.tdNumeric}>{r.rank ?? '—'}</td>
                      <td className={table.td}>
                        <ProverLink address={r.address} />
                      </td>
                      <td className={table.tdNumeric}>
                        {formatTko(r.stake, { maxFractionDigits: 0 })}
                        {r.exitAmount > 0n ? (
                          <div className="text-xs text-slate-600">
                            {formatTko(r.exitAmount, { maxFractionDigits: 0 })} queued
                          </div>
                        ) : null}
                      </td>
                      <td className={table.tdNumeric}>
                        <PerGas value={r.rewardPerGas} maxFractionDigits={4} />
                      </td>
                      <td className={table.tdNumeric}>
                        {formatInteger(r.currentCapacity)} / {formatInteger(r.maxCapacity)}
                      </td>
                      <td className={table.tdNumeric}>{formatDecimal(r.weight, 18, 1)}</td>
                      <td className={table.tdNumeric}>{formatFraction(r.probability)}</td>
                      <td className={`${table.tdNumeric} ${isFullHealth(r.healthBps) ? '' : 'text-red-800'}`}>
                        {formatBps(r.healthBps)}
                      </td>
                      <td className={table.td}>
                        <Badge tone={statusTone[r.status]}>{r.status}</Badge>
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  )
}

/**
 * Below `md` the cards have no column headers to sort by: a select and a direction button do it
 * (the same state, so the URL and the table follow).
 */
function SortSelect({ state, onSort }: { state: LeaderboardState; onSort: (key: SortKey) => void }) {
  const id = useId()
  const label = (key: SortKey) => columns.find((c) => c.key === key)?.label ?? key
  return (
    <div className="flex items-end gap-1 md:hidden">
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Sort by
        </label>
        <select
          id={id}
          value={state.sort}
          onChange={(e) => onSort(e.target.value as SortKey)}
          className="mt-1 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900"
        >
          {sortKeys.map((key) => (
            <option key={key} value={key}>
              {label(key)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        onClick={() => onSort(state.sort)}
        aria-label={`Sort direction: ${state.dir === 'asc' ? 'ascending' : 'descending'}`}
        className="rounded-md border border-slate-400 bg-white px-2.5 py-1.5 text-sm text-slate-800 hover:bg-slate-100"
      >
        {state.dir === 'asc' ? '▲' : '▼'}
      </button>
    </div>
  )
}
