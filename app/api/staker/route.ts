import { stakerRoute } from '@/lib/chain/route-reads'

/** GET /api/staker?address=0x…&block=N: one staker at block N, decoded on the server (wire JSON). */
export const GET = stakerRoute
