import { type Address, isAddress } from 'viem'
import { parseBlock, parseSlash, parseStakePoint, parseStaker } from './parse'
import type { FeeHistoryView, ProverTimelineView, RecentBlocksView, StakerRecord, StakersView } from './types'

/**
 * Each history view: how its parameters travel in a URL (the app's /api/history/<view> route, for the
 * browser's live updates), the indexer request it makes, and how the indexer's JSON becomes the view.
 * Browser-safe; lib/history/server.ts runs them on the server, lib/history/hooks.ts in the browser.
 */
export type HistoryView<P, T> = {
  name: string
  /** The parameters as a query string (the app route's input). */
  toSearch: (params: P) => URLSearchParams
  /** Parameters from a query string; `null` when invalid. */
  fromSearch: (search: URLSearchParams) => P | null
  /** Path and query on the indexer (indexer/src/api/routes.ts). */
  indexerPath: (params: P) => string
  parse: (json: unknown) => T
}

type Json = Record<string, unknown>
const rows = (json: unknown, key: string) => ((json as Json)[key] as Json[]) ?? []
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
    if (prover !== null && !isAddress(prover, { strict: false })) return null
    return { limit: Number(limit), prover: prover ?? undefined }
  },
  indexerPath: (p) => `/history/blocks?${blocksView.toSearch(p)}`,
  parse: (json) => {
    const next = (json as Json).nextBefore
    return {
      blocks: rows(json, 'rows').map(parseBlock),
      nextBefore: next === null || next === undefined ? null : BigInt(next as string),
    }
  },
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
  parse: (json) => ({
    points: (json as Json[]).map((p) => ({
      timestamp: BigInt(p.timestamp as string),
      feePerGas: BigInt(p.feePerGas as string),
    })),
  }),
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
    if (address === null || !isAddress(address, { strict: false }) || now === null) return null
    return { address, now }
  },
  indexerPath: ({ address, now }) => `/history/provers/${address}?blocks=${PROVER_BLOCKS}&now=${now}`,
  parse: (json) => {
    const j = json as Json
    return {
      staker: j.staker ? parseStaker(j.staker as Json) : null,
      points: rows(json, 'changes').map(parseStakePoint),
      slashes: rows(json, 'slashes').map(parseSlash),
      blocks: rows(j.blocks, 'rows').map(parseBlock),
      overdue: Number(j.overdue ?? 0),
    }
  },
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
  parse: (json) => ({
    stakers: rows(json, 'rows').map(parseStaker),
    total: Number((json as Json).total ?? 0),
  }),
}

export const historyViews = {
  blocks: blocksView,
  fees: feesView,
  prover: proverView,
  stakers: stakersView,
} as const

export type HistoryViewName = keyof typeof historyViews
