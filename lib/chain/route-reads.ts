// Server only: the chain reads the browser makes through the app's routes (app/api/pool, app/api/staker).

import { isHexAddress } from '@/lib/format/address'
import { proxyReadClient } from '@/lib/rpc-proxy/server'
import { wireResponse } from '@/lib/wire'
import { describeChainError } from './errors'
import { readPool } from './pool'
import { loadServerChain } from './settings'
import { readStaker } from './staker'

/** A block number as a query parameter: decimal digits, at most 2^63. */
export function parseBlockParam(value: string | null): bigint | null {
  if (value === null || !/^\d{1,19}$/.test(value)) return null
  const n = BigInt(value)
  return n < 2n ** 63n ? n : null
}

type ReadyChain = Extract<Awaited<ReturnType<typeof loadServerChain>>, { status: 'ready' }>

/**
 * One read at a block, answered as wire JSON (lib/wire.ts): `{ <name>: value }`, or `{ error }` in
 * words — 400 for bad parameters (before anything reaches the node), 503 with no deployment, 502 when
 * the node did not answer or refused (the browser keeps its last data and tries again).
 */
async function answer(
  name: string,
  search: URLSearchParams,
  read: (chain: ReadyChain, blockNumber: bigint) => Promise<unknown>,
): Promise<Response> {
  const blockNumber = parseBlockParam(search.get('block'))
  if (blockNumber === null)
    return wireResponse({ error: 'block must be a block number in decimal, e.g. ?block=120' }, 400)
  const chain = await loadServerChain()
  if (chain.status !== 'ready') return wireResponse({ error: chain.reason }, 503)
  try {
    return wireResponse({ [name]: await read(chain, blockNumber) })
  } catch (error) {
    return wireResponse({ error: describeChainError(error).message }, 502)
  }
}

/** GET /api/pool?block=N: the lens's `getPool` at block N, decoded (the one shape of the pool). */
export function poolRoute(request: Request): Promise<Response> {
  return answer('pool', new URL(request.url).searchParams, (chain, blockNumber) =>
    readPool(proxyReadClient(chain), { ...chain.settings.addresses, blockNumber }),
  )
}

/** GET /api/staker?address=0x…&block=N: one staker at block N (the core's `getStaker`), as a lens row. */
export async function stakerRoute(request: Request): Promise<Response> {
  const search = new URL(request.url).searchParams
  const address = search.get('address')
  if (address === null || !isHexAddress(address))
    return wireResponse({ error: 'address must be a 0x-prefixed 20-byte hex address' }, 400)
  return answer('staker', search, (chain, blockNumber) =>
    readStaker(proxyReadClient(chain), { protocol: chain.settings.addresses.protocol, address, blockNumber }),
  )
}
