import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type { Address } from 'viem'
import * as schema from '../../ponder.schema'
import { feeResolutionFor } from '../fee-resolutions'

/**
 * The app's reads of the history: each one a bounded query on indexed columns, so its cost depends on
 * the page asked for, never on the age of the chain. Shared by the indexer's HTTP routes (src/api) and
 * the tests (which run them on PGlite and PostgreSQL).
 */
// biome-ignore lint/suspicious/noExplicitAny: any drizzle PostgreSQL database (node-postgres, PGlite, Ponder's read-only one)
export type ReadDb = Pick<PgDatabase<PgQueryResultHKT, any>, 'select' | 'execute'>

export const MAX_PAGE = 100
export const MAX_BUCKETS = 400
export const MAX_TIMELINE = 500

const clampLimit = (limit: number, max: number) => Math.max(1, Math.min(max, Math.floor(limit) || 1))
const lower = (a: Address) => a.toLowerCase() as Address

export type BlocksPage = { rows: (typeof schema.block.$inferSelect)[]; nextBefore: bigint | null }

/**
 * The newest blocks (by id, descending), `limit` per page, before block id `before` when given; only
 * those assigned to or proven by `prover` when given.
 */
export async function recentBlocks(
  db: ReadDb,
  { limit, before, prover }: { limit: number; before?: bigint | undefined; prover?: Address | undefined },
): Promise<BlocksPage> {
  const n = clampLimit(limit, MAX_PAGE)
  const { block } = schema
  const rows = await db
    .select()
    .from(block)
    .where(
      and(
        before === undefined ? undefined : lt(block.blockId, before),
        prover === undefined
          ? undefined
          : or(eq(block.assignedProver, lower(prover)), eq(block.prover, lower(prover))),
      ),
    )
    .orderBy(desc(block.blockId))
    .limit(n + 1)
  const page = rows.slice(0, n)
  return { rows: page, nextBefore: rows.length > n ? (page.at(-1)?.blockId ?? null) : null }
}

export type FeeHistoryPoint = { timestamp: bigint; feePerGas: bigint }

/**
 * F over `[from, to]` in at most `2 × buckets + 1` points: the range is cut into equal time buckets
 * and each keeps its lowest and highest point (in time order, so spikes survive), computed in SQL; the
 * point before `from` comes first so the line starts at the left edge. `from` null: from the first point.
 * The points come from `fee_bucket` at the finest resolution that covers the range in a bounded number
 * of rows (each row's lowest and highest point), not from every point: a read's cost does not grow
 * with the chain's age. At one second per bucket this is exact (a chart bucket is at least a second).
 */
export async function feeHistory(
  db: ReadDb,
  { from, to, buckets }: { from: bigint | null; to: bigint; buckets: number },
): Promise<FeeHistoryPoint[]> {
  const { feePoint, feeBucket } = schema
  const b = clampLimit(buckets, MAX_BUCKETS)
  let start = from
  if (start === null) {
    const [first] = await db
      .select({ t: feePoint.timestamp })
      .from(feePoint)
      .orderBy(asc(feePoint.timestamp))
      .limit(1)
    if (!first) return []
    start = first.t
  }
  const before = await db
    .select({ timestamp: feePoint.timestamp, feePerGas: feePoint.feePerGas })
    .from(feePoint)
    .where(lt(feePoint.timestamp, start))
    .orderBy(desc(feePoint.timestamp), desc(feePoint.blockId))
    .limit(1)
  const width = (to - start) / BigInt(b) + 1n
  const resolution = feeResolutionFor(start, to)
  const result = await db.execute(sql`
    select
      (array_agg(t order by f asc, t asc))[1]::text as lo_t,
      min(f)::text as lo,
      (array_agg(t order by f desc, t asc))[1]::text as hi_t,
      max(f)::text as hi
    from (
      select p.t, p.f, floor((p.t - ${start}) / ${width}) as b
      from ${feeBucket}
      cross join lateral (values (${feeBucket.loAt}, ${feeBucket.lo}), (${feeBucket.hiAt}, ${feeBucket.hi})) as p(t, f)
      where ${feeBucket.resolution} = ${resolution}
        and ${feeBucket.bucket} >= ${start / BigInt(resolution)}
        and ${feeBucket.bucket} <= ${to / BigInt(resolution)}
        and p.t >= ${start} and p.t <= ${to}
    ) points
    group by b
    order by b
  `)
  const points: FeeHistoryPoint[] = before.slice()
  for (const row of rowsOf(result) as { lo_t: string; lo: string; hi_t: string; hi: string }[]) {
    const lo = { timestamp: BigInt(row.lo_t), feePerGas: BigInt(row.lo) }
    const hi = { timestamp: BigInt(row.hi_t), feePerGas: BigInt(row.hi) }
    if (lo.feePerGas === hi.feePerGas) points.push(lo)
    else if (lo.timestamp <= hi.timestamp) points.push(lo, hi)
    else points.push(hi, lo)
  }
  return points
}

/** node-postgres answers `{ rows }`, PGlite too; drizzle's types differ per driver. */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result
  return (result as { rows: unknown[] }).rows
}

export type ProverTimeline = {
  staker: typeof schema.staker.$inferSelect | null
  /** The newest `MAX_TIMELINE` changes of its position, oldest first. */
  changes: (typeof schema.stakeChange.$inferSelect)[]
  /** Newest first. */
  slashes: (typeof schema.slash.$inferSelect)[]
  /** Its newest blocks (assigned to it or proven by it). */
  blocks: BlocksPage
  /** Blocks assigned to it, unproven, whose window is over at `now`. */
  overdue: number
}

/** Everything the prover page shows from history, bounded. */
export async function proverTimeline(
  db: ReadDb,
  address: Address,
  { blocks, now }: { blocks: number; now: bigint },
): Promise<ProverTimeline> {
  const { staker, stakeChange, slash, block } = schema
  const p = lower(address)
  const [row] = await db.select().from(staker).where(eq(staker.address, p)).limit(1)
  const changes = await db
    .select()
    .from(stakeChange)
    .where(eq(stakeChange.prover, p))
    .orderBy(desc(stakeChange.blockNumber), desc(stakeChange.logIndex))
    .limit(MAX_TIMELINE)
  const slashes = await db
    .select()
    .from(slash)
    .where(eq(slash.prover, p))
    .orderBy(desc(slash.blockNumber))
    .limit(MAX_PAGE)
  const [overdue] = await db
    .select({ n: sql<string>`count(*)::text` })
    .from(block)
    .where(and(eq(block.assignedProver, p), sql`${block.provenIn} is null`, lt(block.proofDeadline, now)))
  return {
    staker: row ?? null,
    changes: changes.reverse(),
    slashes,
    blocks: await recentBlocks(db, { limit: blocks, prover: address }),
    overdue: Number(overdue?.n ?? 0),
  }
}

export const stakerStatuses = ['active', 'exiting', 'evicted', 'withdrawn'] as const
export type StakerStatus = (typeof stakerStatuses)[number]

/** Stakers in first-stake order (the lens's `getStakers` order), optionally only some statuses. */
export async function stakers(
  db: ReadDb,
  { status, offset, limit }: { status?: readonly StakerStatus[] | undefined; offset: number; limit: number },
): Promise<{ rows: (typeof schema.staker.$inferSelect)[]; total: number }> {
  const { staker } = schema
  const where = status && status.length > 0 ? inArray(staker.status, [...status]) : undefined
  const rows = await db
    .select()
    .from(staker)
    .where(and(where, gte(staker.ordinal, 0)))
    .orderBy(asc(staker.ordinal))
    .offset(Math.max(0, Math.floor(offset) || 0))
    .limit(clampLimit(limit, 1_000))
  const [total] = await db.select({ n: sql<string>`count(*)::text` }).from(staker).where(where)
  return { rows, total: Number(total?.n ?? 0) }
}

/** Emergency episodes, newest first. */
export async function emergencies(db: ReadDb, { limit }: { limit: number }) {
  const { emergencyEpisode } = schema
  return db
    .select()
    .from(emergencyEpisode)
    .orderBy(desc(emergencyEpisode.startedIn))
    .limit(clampLimit(limit, MAX_PAGE))
}

/** Pool-wide days in `[fromDay, toDay]`. */
export async function poolDays(db: ReadDb, { fromDay, toDay }: { fromDay: number; toDay: number }) {
  const { poolDay } = schema
  return db
    .select()
    .from(poolDay)
    .where(and(gte(poolDay.day, fromDay), lte(poolDay.day, toDay)))
    .orderBy(asc(poolDay.day))
    .limit(MAX_BUCKETS)
}
