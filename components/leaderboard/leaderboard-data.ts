import type { ProverStatus } from '@/lib/format/status'
import type { LeaderboardRow } from './leaderboard-rows'

/*
 * The leaderboard's view state: sorting, filtering, the URL that keeps them and the CSV export. The
 * rows themselves are leaderboard-rows.ts (the prover page needs them without any of this).
 */

function compareBigint(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export const sortKeys = [
  'rank',
  'prover',
  'stake',
  'reward',
  'capacity',
  'weight',
  'probability',
  'health',
  'status',
] as const
export type SortKey = (typeof sortKeys)[number]
export type SortDirection = 'asc' | 'desc'

/** The statuses a reader can filter on. */
export const filterStatuses = ['active', 'exiting', 'evicted'] as const satisfies readonly ProverStatus[]
export type FilterStatus = (typeof filterStatuses)[number]

/** Sort, direction, search and status filter: the leaderboard's URL state (?sort=&dir=&q=&status=). */
export type LeaderboardState = { sort: SortKey; dir: SortDirection; q: string; status: FilterStatus[] }

export const defaultLeaderboardState: LeaderboardState = { sort: 'rank', dir: 'asc', q: '', status: [] }

/** The direction a column sorts in when first chosen: best first. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === 'rank' || key === 'prover' || key === 'status' || key === 'reward' ? 'asc' : 'desc'
}

type Params = Record<string, string | string[] | undefined>

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

export function parseLeaderboardState(params: Params | URLSearchParams): LeaderboardState {
  const get = (k: string) =>
    params instanceof URLSearchParams ? (params.get(k) ?? undefined) : first(params[k])
  const sortParam = get('sort')
  const sort = sortKeys.find((k) => k === sortParam) ?? defaultLeaderboardState.sort
  const dirParam = get('dir')
  const dir: SortDirection = dirParam === 'asc' || dirParam === 'desc' ? dirParam : defaultDirection(sort)
  const q = (get('q') ?? '').slice(0, 100)
  const status = (get('status') ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s): s is FilterStatus => (filterStatuses as readonly string[]).includes(s))
  return { sort, dir, q, status: [...new Set(status)] }
}

/** The query string of a state, without the defaults ('' for the default view). */
export function leaderboardSearch(state: LeaderboardState): string {
  const params = new URLSearchParams()
  if (state.sort !== defaultLeaderboardState.sort) params.set('sort', state.sort)
  if (state.dir !== defaultDirection(state.sort)) params.set('dir', state.dir)
  if (state.q) params.set('q', state.q)
  if (state.status.length > 0) params.set('status', state.status.join(','))
  return params.toString()
}

const statusOrder: Record<ProverStatus, number> = { active: 0, exiting: 1, evicted: 2, none: 3 }

function compareRows(a: LeaderboardRow, b: LeaderboardRow, key: SortKey): number {
  switch (key) {
    case 'rank':
      return (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY)
    case 'prover':
      return a.address.toLowerCase().localeCompare(b.address.toLowerCase())
    case 'stake':
      return compareBigint(a.stake, b.stake)
    case 'reward':
      return compareBigint(a.rewardPerGas, b.rewardPerGas)
    case 'capacity':
      return (
        compareBigint(a.currentCapacity, b.currentCapacity) || compareBigint(a.maxCapacity, b.maxCapacity)
      )
    case 'weight':
      return compareBigint(a.weight, b.weight)
    case 'probability':
      return a.probability - b.probability
    case 'health':
      return compareBigint(a.healthBps, b.healthBps)
    case 'status':
      return statusOrder[a.status] - statusOrder[b.status]
  }
}

/**
 * Filters (status, search by address) and sorts; ties fall back to rank (lib/pool-math's order), then
 * the larger stake (provers of equal zero weight share a rank), unranked rows last.
 */
export function applyLeaderboardState(
  rows: readonly LeaderboardRow[],
  state: LeaderboardState,
): LeaderboardRow[] {
  const q = state.q.trim().toLowerCase()
  const filtered = rows.filter(
    (r) =>
      (state.status.length === 0 || (state.status as string[]).includes(r.status)) &&
      (q === '' || r.address.toLowerCase().includes(q)),
  )
  const sign = state.dir === 'asc' ? 1 : -1
  return filtered.sort((a, b) => {
    if (state.sort === 'rank' && (a.rank === null) !== (b.rank === null)) return a.rank === null ? 1 : -1
    return (
      sign * compareRows(a, b, state.sort) ||
      compareRows(a, b, 'rank') ||
      compareBigint(b.stake, a.stake) ||
      compareRows(a, b, 'prover')
    )
  })
}

/** The rows as CSV (exact integers: wei, wei per gas, bps), for spreadsheets. */
export function leaderboardCsv(rows: readonly LeaderboardRow[]): string {
  const header = [
    'rank',
    'prover',
    'status',
    'slot',
    'stake_wei',
    'reward_per_gas_wei',
    'current_capacity',
    'max_capacity',
    'weight',
    'selection_probability',
    'health_bps',
    'exit_amount_wei',
    'exit_unlocks_at',
  ]
  const lines = rows.map((r) =>
    [
      r.rank ?? '',
      r.address,
      r.status,
      r.slot,
      r.stake,
      r.rewardPerGas,
      r.currentCapacity,
      r.maxCapacity,
      r.weight,
      r.probability,
      r.healthBps,
      r.exitAmount,
      r.exitUnlocksAt,
    ].join(','),
  )
  return `${[header.join(','), ...lines].join('\n')}\n`
}
