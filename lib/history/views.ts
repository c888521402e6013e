import type { Address } from 'viem'
import { isHexAddress } from '@/lib/format/address'
import type { FeeHistoryView, ProverTimelineView, RecentBlocksView, StakerRecord, StakersView } from './types'

/**
 * Each history view: how its parameters travel in a URL (the app's /api/history/<view> route, for the
 * browser's live updates) and the indexer request it makes. The indexer's JSON becomes the view on the
 * server only (lib/history/parse.ts, `historyParsers`): the browser receives it parsed, as wire JSON.
 * Browser-safe and free of viem code (the read-only pages' JavaScript).
 */
export type HistoryView<P, T> = {
  name: string
  /** The parameters as a query string (the app route's input). */
  toSearch: (params: P) => URLSearchParams
  /** Parameters from a query string; `null` when invalid. */
  fromSearch: (search: URLSearchParams) => P | null
  /** Path and query on the indexer (indexer/src/api/routes.ts). */
  indexerPath: (params: P) => string
  /** Type only: what the view reads as. */
  readonly data?: T
}

const uint = (v: string | null) => (v !== null && /^\d{1,30}$/.test(v) ? BigInt(v) : null)

/** Most blocks one page of a block list shows. */
export const MAX_BLOCKS_PAGE = 100

export type BlocksParams = { limit: number; prover?: Address | undefined }

export const blocksView: HistoryView<BlocksParams, RecentBlocksView> = {
  name: 'blocks',
  toSearch: ({ limit, prover }) =>
    new URLSearchParams({ limit: String(limit), ...(prover ? { prover } : {}) }),
  fromSearch: (s) => {
    const limit = uint(s.get('limit'))
    const prover = s.get('prover')
    if (limit === null || limit < 1n || limit > BigInt(MAX_BLOCKS_PAGE)) return null
    if (prover !== null && !isHexAddress(prover)) return null
    return { limit: Number(limit), prover: prover ?? undefined }
  },
  indexerPath: (p) => `/history/blocks?${blocksView.toSearch(p)}`,
}

/** Buckets of the fee series: each keeps its lowest and highest point, so at most 2× this many points. */
export const FEE_BUCKETS = 200

export type FeesParams = { from: bigint | null; to: bigint }

export const feesView: HistoryView<FeesParams, FeeHistoryView> = {
  name: 'fees',
  toSearch: ({ from, to }) =>
    new URLSearchParams({ ...(from !== null ? { from: String(from) } : {}), to: String(to) }),
  fromSearch: (s) => {
    const to = uint(s.get('to'))
    const from = s.get('from') === null ? null : uint(s.get('from'))
    if (to === null || (s.get('from') !== null && from === null)) return null
    return { from, to }
  },
  indexerPath: (p) => `/history/fees?${feesView.toSearch(p)}&buckets=${FEE_BUCKETS}`,
}

/** How many of the prover's newest blocks its page lists. */
export const PROVER_BLOCKS = 30

export type ProverParams = { address: Address; now: bigint }

export const proverView: HistoryView<ProverParams, ProverTimelineView> = {
  name: 'prover',
  toSearch: ({ address, now }) => new URLSearchParams({ address, now: String(now) }),
  fromSearch: (s) => {
    const address = s.get('address')
    const now = uint(s.get('now'))
    if (address === null || !isHexAddress(address) || now === null) return null
    return { address, now }
  },
  indexerPath: ({ address, now }) => `/history/provers/${address}?blocks=${PROVER_BLOCKS}&now=${now}`,
}

/** Most stakers one read returns (the leaderboard's exiting, evicted and withdrawn rows). */
export const MAX_STAKERS = 1_000
const statuses = ['active', 'exiting', 'evicted', 'withdrawn'] as const

export type StakersParams = { status: StakerRecord['status'][] }

/** The leaderboard's rows beside the lens's active provers. */
export const NON_ACTIVE: StakerRecord['status'][] = ['exiting', 'evicted']

export const stakersView: HistoryView<StakersParams, StakersView> = {
  name: 'stakers',
  toSearch: ({ status }) => new URLSearchParams({ status: status.join(',') }),
  fromSearch: (s) => {
    const status = (s.get('status') ?? '').split(',').filter(Boolean)
    if (!status.every((x) => (statuses as readonly string[]).includes(x))) return null
    return { status: status as StakerRecord['status'][] }
  },
  indexerPath: (p) => `/history/stakers?${stakersView.toSearch(p)}&limit=${MAX_STAKERS}`,
}

export const historyViews = {
  blocks: blocksView,
  fees: feesView,
  prover: proverView,
  stakers: stakersView,
} as const

export type HistoryViewName = keyof typeof historyViews
