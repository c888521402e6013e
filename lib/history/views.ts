import type { Address } from 'viem'
import type { FeeHistoryView, ProverTimelineView, RecentBlocksView, StakerRecord, StakersView } from './types'

/**
 * Each history view as the browser knows it: its name (the app's /api/history/<view> route) and how
 * its parameters travel in that URL. The server's side of a view — the query string checked, the
 * indexer request, the indexer's JSON parsed — is lib/history/requests.ts and lib/history/parse.ts:
 * the browser receives the view parsed, as wire JSON. Browser-safe and free of viem code (the
 * read-only pages' JavaScript).
 */
export type HistoryView<P, T> = {
  name: HistoryViewName
  /** The parameters as a query string (the app route's input). */
  toSearch: (params: P) => URLSearchParams
  /** Type only: what the view reads as. */
  readonly data?: T
}

export type HistoryViewName = 'blocks' | 'fees' | 'prover' | 'stakers'

export type BlocksParams = { limit: number; prover?: Address | undefined }

export const blocksView: HistoryView<BlocksParams, RecentBlocksView> = {
  name: 'blocks',
  toSearch: ({ limit, prover }) =>
    new URLSearchParams({ limit: String(limit), ...(prover ? { prover } : {}) }),
}

export type FeesParams = { from: bigint | null; to: bigint }

export const feesView: HistoryView<FeesParams, FeeHistoryView> = {
  name: 'fees',
  toSearch: ({ from, to }) =>
    new URLSearchParams({ ...(from !== null ? { from: String(from) } : {}), to: String(to) }),
}

export type ProverParams = { address: Address; now: bigint }

export const proverView: HistoryView<ProverParams, ProverTimelineView> = {
  name: 'prover',
  toSearch: ({ address, now }) => new URLSearchParams({ address, now: String(now) }),
}

export type StakersParams = { status: StakerRecord['status'][] }

/** The leaderboard's rows beside the lens's active provers. */
export const NON_ACTIVE: StakerRecord['status'][] = ['exiting', 'evicted']

export const stakersView: HistoryView<StakersParams, StakersView> = {
  name: 'stakers',
  toSearch: ({ status }) => new URLSearchParams({ status: status.join(',') }),
}
