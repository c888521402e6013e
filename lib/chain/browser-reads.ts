import type { Address } from 'viem'
import type { PoolView, ProverView } from '@/lib/pool-math/types'
import { fromWire } from '@/lib/wire'

/**
 * The browser's chain reads for the read-only pages, with `fetch` alone: the head from the RPC
 * endpoint (the app's /api/rpc, or the operator's PUBLIC_RPC_URL), the pool and a staker decoded by
 * the app's routes (app/api/pool, app/api/staker). No viem, no ABI in the page's JavaScript.
 */

/** How long a read may take before it counts as failed (ms). */
export const READ_TIMEOUT_MS = 8_000

export class ReadError extends Error {
  override name = 'ReadError'
}

/** The latest block number: one `eth_blockNumber`. */
export async function fetchBlockNumber(rpcUrl: string): Promise<bigint> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
    signal: AbortSignal.timeout(READ_TIMEOUT_MS),
    cache: 'no-store',
  })
  const body = (await response.json().catch(() => null)) as {
    result?: unknown
    error?: { message?: unknown }
  } | null
  if (typeof body?.result === 'string' && /^0x[0-9a-f]+$/i.test(body.result)) return BigInt(body.result)
  const message = typeof body?.error?.message === 'string' ? body.error.message : `HTTP ${response.status}`
  throw new ReadError(`the node did not say its latest block: ${message}`)
}

async function getWire<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(READ_TIMEOUT_MS), cache: 'no-store' })
  const text = await response.text()
  let body: { error?: string } & T
  try {
    body = fromWire(text)
  } catch {
    throw new ReadError(`${url} answered ${response.status} with no JSON`)
  }
  if (!response.ok || body.error !== undefined)
    throw new ReadError(body.error ?? `${url} answered ${response.status}`)
  return body
}

/** The whole pool at `blockNumber` (the lens's `getPool`, decoded by app/api/pool). `app`: the app's origin, '' in a page. */
export async function fetchPool(blockNumber: bigint, app = ''): Promise<PoolView> {
  return (await getWire<{ pool: PoolView }>(`${app}/api/pool?block=${blockNumber}`)).pool
}

/** One staker at `blockNumber` (the core's `getStaker` as a lens row, decoded by app/api/staker). */
export async function fetchStaker(address: Address, blockNumber: bigint): Promise<ProverView> {
  return (await getWire<{ staker: ProverView }>(`/api/staker?address=${address}&block=${blockNumber}`)).staker
}
