import { isHexAddress } from '@/lib/format/address'
import type { StakerRecord } from './types'
import {
  type BlocksParams,
  blocksView,
  type FeesParams,
  feesView,
  type HistoryView,
  type HistoryViewName,
  type ProverParams,
  proverView,
  type StakersParams,
  stakersView,
} from './views'

/**
 * The server's side of each history view (lib/history/views.ts): its parameters read back from the app
 * route's query string — `null` when they are not valid, so the route answers 400 — and the indexer
 * request it makes (indexer/src/api/routes.ts). Server only: the browser never needs it.
 */
type ViewRequest<P> = {
  view: HistoryView<P, unknown>
  fromSearch: (search: URLSearchParams) => P | null
  indexerPath: (params: P) => string
}

/** Most blocks one page of a block list shows. */
export const MAX_BLOCKS_PAGE = 100
/** Buckets of the fee series: each keeps its lowest and highest point, so at most 2× this many points. */
export const FEE_BUCKETS = 200
/** How many of the prover's newest blocks its page lists. */
export const PROVER_BLOCKS = 30
/** Most stakers one read returns (the leaderboard's exiting, evicted and withdrawn rows). */
export const MAX_STAKERS = 1_000

const statuses: readonly StakerRecord['status'][] = ['active', 'exiting', 'evicted', 'withdrawn']

const uint = (v: string | null) => (v !== null && /^\d{1,30}$/.test(v) ? BigInt(v) : null)

const blocks: ViewRequest<BlocksParams> = {
  view: blocksView,
  fromSearch: (s) => {
    const limit = uint(s.get('limit'))
    const prover = s.get('prover')
    if (limit === null || limit < 1n || limit > BigInt(MAX_BLOCKS_PAGE)) return null
    if (prover !== null && !isHexAddress(prover)) return null
    return { limit: Number(limit), prover: prover ?? undefined }
  },
  indexerPath: (p) => `/history/blocks?${blocksView.toSearch(p)}`,
}

const fees: ViewRequest<FeesParams> = {
  view: feesView,
  fromSearch: (s) => {
    const to = uint(s.get('to'))
    const from = s.get('from') === null ? null : uint(s.get('from'))
    if (to === null || (s.get('from') !== null && from === null)) return null
    return { from, to }
  },
  indexerPath: (p) => `/history/fees?${feesView.toSearch(p)}&buckets=${FEE_BUCKETS}`,
}

const prover: ViewRequest<ProverParams> = {
  view: proverView,
  fromSearch: (s) => {
    const address = s.get('address')
    const now = uint(s.get('now'))
    if (address === null || !isHexAddress(address) || now === null) return null
    return { address, now }
  },
  indexerPath: ({ address, now }) => `/history/provers/${address}?blocks=${PROVER_BLOCKS}&now=${now}`,
}

const stakers: ViewRequest<StakersParams> = {
  view: stakersView,
  fromSearch: (s) => {
    const status = (s.get('status') ?? '').split(',').filter(Boolean)
    if (!status.every((x) => (statuses as readonly string[]).includes(x))) return null
    return { status: status as StakerRecord['status'][] }
  },
  indexerPath: (p) => `/history/stakers?${stakersView.toSearch(p)}&limit=${MAX_STAKERS}`,
}

/** Every view's request, by name (the route's path segment). */
const requests = { blocks, fees, prover, stakers } satisfies Record<HistoryViewName, unknown>

/** The indexer request of `view` at `params`. */
export function indexerPath<P, T>(view: HistoryView<P, T>, params: P): string {
  return (requests[view.name] as ViewRequest<unknown> as ViewRequest<P>).indexerPath(params)
}

/** The request of the view an app route's path segment names; undefined for any other name. */
export function requestOf(name: string): ViewRequest<unknown> | undefined {
  return Object.hasOwn(requests, name)
    ? (requests[name as HistoryViewName] as ViewRequest<unknown>)
    : undefined
}
