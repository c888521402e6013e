import { Hono } from 'hono'
import { type Address, isAddress } from 'viem'
import {
  emergencies,
  feeHistory,
  poolDays,
  proverTimeline,
  type ReadDb,
  recentBlocks,
  type StakerStatus,
  stakerStatuses,
  stakers,
} from './queries'

/** JSON with bigints as decimal strings (lib/history parses them back). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v))
}

class BadRequest extends Error {}

function uint(value: string | undefined, name: string): bigint | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^\d{1,30}$/.test(value)) throw new BadRequest(`${name} must be a whole number`)
  return BigInt(value)
}

function int(value: string | undefined, name: string, fallback: number): number {
  const v = uint(value, name)
  return v === undefined ? fallback : Number(v)
}

function address(value: string | undefined): Address | undefined {
  if (value === undefined || value === '') return undefined
  if (!isAddress(value, { strict: false })) throw new BadRequest('not an address')
  return value
}

/**
 * The history routes under /history, each a bounded query (./queries). Built on any read-only
 * drizzle database: Ponder's in the indexer, PGlite or PostgreSQL in tests.
 */
export function historyRoutes(db: ReadDb) {
  const app = new Hono()
  const send = (body: unknown) =>
    new Response(toJson(body), {
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    })
  app.onError((error) =>
    error instanceof BadRequest
      ? new Response(toJson({ error: error.message }), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        })
      : new Response(toJson({ error: 'history query failed' }), {
          status: 500,
          headers: { 'content-type': 'application/json' },
        }),
  )

  app.get('/history/blocks', async (c) =>
    send(
      await recentBlocks(db, {
        limit: int(c.req.query('limit'), 'limit', 20),
        before: uint(c.req.query('before'), 'before'),
        prover: address(c.req.query('prover')),
      }),
    ),
  )

  app.get('/history/fees', async (c) => {
    const to = uint(c.req.query('to'), 'to')
    if (to === undefined) throw new BadRequest('to is required')
    return send(
      await feeHistory(db, {
        from: uint(c.req.query('from'), 'from') ?? null,
        to,
        buckets: int(c.req.query('buckets'), 'buckets', 200),
      }),
    )
  })

  app.get('/history/provers/:address', async (c) => {
    const p = address(c.req.param('address'))
    if (!p) throw new BadRequest('not an address')
    return send(
      await proverTimeline(db, p, {
        blocks: int(c.req.query('blocks'), 'blocks', 30),
        now: uint(c.req.query('now'), 'now') ?? BigInt(Math.floor(Date.now() / 1000)),
      }),
    )
  })

  app.get('/history/stakers', async (c) => {
    const status = (c.req.query('status') ?? '').split(',').filter(Boolean)
    for (const s of status)
      if (!stakerStatuses.includes(s as StakerStatus)) throw new BadRequest(`unknown status ${s}`)
    return send(
      await stakers(db, {
        status: status as StakerStatus[],
        offset: int(c.req.query('offset'), 'offset', 0),
        limit: int(c.req.query('limit'), 'limit', 100),
      }),
    )
  })

  app.get('/history/emergencies', async (c) =>
    send(await emergencies(db, { limit: int(c.req.query('limit'), 'limit', 20) })),
  )

  app.get('/history/days', async (c) =>
    send(
      await poolDays(db, {
        fromDay: int(c.req.query('from'), 'from', 0),
        toDay: int(c.req.query('to'), 'to', 2 ** 31 - 1),
      }),
    ),
  )

  return app
}
