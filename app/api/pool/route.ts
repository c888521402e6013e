import { poolRoute } from '@/lib/chain/route-reads'

/**
 * GET /api/pool?block=N: the whole pool at block N, decoded on the server (wire JSON, lib/wire.ts): the
 * read-only pages' live updates carry no ABI code. Through the same proxy as /api/rpc (lib/rpc-proxy).
 */
export const GET = poolRoute
