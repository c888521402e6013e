import { desc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { healthBps } from '../../lib/pool-math/healthBps'
import * as schema from '../ponder.schema'
import { feeHistory, proverTimeline, recentBlocks, stakers } from '../src/api/queries'
import { FEE_RESOLUTIONS } from '../src/fee-resolutions'
import { backends } from './support/backends'
import type { TestDatabase } from './support/database'
import { recorded, replay } from './support/recorded'

/** Lens `StakerStatus` (contracts/PoolTypes.sol) → the indexer's words; 0 is a staker that withdrew everything. */
const statusWords = ['withdrawn', 'active', 'exiting', 'evicted'] as const

describe.each(backends())('the handlers on $name replay a recorded run', ({ open }) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await open()
    await replay(t.store)
  })
  afterAll(() => t?.close())

  it('leave every staker as the lens sees it at the end of the run', async () => {
    const rows = await t.db.select().from(schema.staker).orderBy(schema.staker.ordinal)
    expect(rows.map((r) => r.address)).toEqual(recorded.stakers.map((s) => s.prover.toLowerCase()))
    for (const s of recorded.stakers) {
      const row = rows.find((r) => r.address === s.prover.toLowerCase())!
      expect({
        status: row.status,
        stake: row.stake,
        exitAmount: row.exitAmount,
        deposited: row.deposited,
        slashed: row.slashed,
        rewardPerGas: row.rewardPerGas,
        capacity: row.capacity,
        owed: row.rewardsOwed,
      }).toEqual({
        status: statusWords[s.status],
        stake: s.stake,
        exitAmount: s.exitAmount,
        deposited: s.deposited,
        slashed: s.slashed,
        rewardPerGas: s.rewardPerGas,
        capacity: s.maxCapacity,
        owed: s.owedRewards,
      })
    }
    // An evicted staker knows who took its slot (a staker that staked after it).
    const evicted = rows.filter((r) => r.evictedBy !== null)
    expect(evicted.length).toBeGreaterThan(0)
    for (const row of evicted) {
      const by = rows.find((r) => r.address === row.evictedBy)
      expect(by?.ordinal).toBeGreaterThan(row.ordinal)
    }
    // Kept after a withdrawal; cleared by a new stake.
    expect(rows.filter((r) => r.status === 'active').every((r) => r.evictedBy === null)).toBe(true)
    const [state] = await t.db.select().from(schema.poolState)
    expect(BigInt(state!.stakerCount)).toBe(recorded.pool.stakerCount)
  })

  it('store every block, its proof, and the fee and delay series up to the lens values', async () => {
    const blocks = await t.db.select().from(schema.block).orderBy(schema.block.blockId)
    expect(BigInt(blocks.length)).toBe(recorded.pool.nextBlockId - 1n)
    expect(BigInt(blocks.filter((b) => b.provenIn === null).length)).toBe(recorded.pool.backlog)
    const [fee] = await t.db.select().from(schema.feePoint).orderBy(desc(schema.feePoint.blockId)).limit(1)
    expect(fee?.feePerGas).toBe(recorded.pool.feePerGas)
    const [delay] = await t.db
      .select()
      .from(schema.delayPoint)
      .orderBy(desc(schema.delayPoint.blockId))
      .limit(1)
    expect(delay?.avgProofDelayMs).toBe(recorded.pool.avgProofDelayMs)
    const late = blocks.filter((b) => b.late)
    expect(late.length).toBeGreaterThan(0)
    // A late block's slash is on the block and on its assigned prover's slash list.
    for (const b of late) {
      expect(b.slashed).not.toBeNull()
      const slashes = await t.db.select().from(schema.slash).where(eq(schema.slash.blockId, b.blockId))
      expect(slashes.map((s) => [s.prover, s.amount])).toEqual([[b.assignedProver, b.slashed]])
    }
    // Owed rewards: the rows still owed add up to what the lens says the pool owes.
    const [owed] = await t.db
      .select({ n: sql<string>`sum(${schema.staker.rewardsOwed})::text` })
      .from(schema.staker)
    expect(BigInt(owed?.n ?? 0)).toBe(recorded.pool.totalOwed)
  })

  it('keep counters, timelines, batches, claims and daily aggregates consistent with each other', async () => {
    const rows = await t.db.select().from(schema.staker)
    const days = await t.db.select().from(schema.proverDay)
    for (const s of rows) {
      const mine = days.filter((d) => d.prover === s.address)
      expect(mine.reduce((n, d) => n + d.assigned, 0)).toBe(s.assigned)
      expect(mine.reduce((n, d) => n + d.missed, 0)).toBe(s.missed)
      expect(mine.reduce((n, d) => n + d.rewards, 0n)).toBe(s.rewardsEarned)
      const changes = await t.db
        .select()
        .from(schema.stakeChange)
        .where(eq(schema.stakeChange.prover, s.address))
      const last = changes
        .sort((a, b) => Number(a.blockNumber - b.blockNumber) || a.logIndex - b.logIndex)
        .at(-1)!
      expect([last.stake, last.exitAmount, last.status]).toEqual([s.stake, s.exitAmount, s.status])
      expect(last.healthBps).toBe(healthBps({ deposited: s.deposited, slashed: s.slashed }))
    }
    const blocks = await t.db.select().from(schema.block)
    const [poolTotal] = await t.db
      .select({
        proposed: sql<string>`sum(${schema.poolDay.proposed})::text`,
        fees: sql<string>`sum(${schema.poolDay.fees})::text`,
      })
      .from(schema.poolDay)
    expect(Number(poolTotal?.proposed)).toBe(blocks.length)
    expect(BigInt(poolTotal?.fees ?? 0)).toBe(blocks.reduce((n, b) => n + b.feePerGas * b.gasUsed, 0n))
    const batches = await t.db.select().from(schema.batch)
    expect(batches.map((b) => b.size)).toEqual([2])
    expect(blocks.filter((b) => b.proofTx === batches[0]!.proofTx).length).toBe(2)
    const claims = await t.db.select().from(schema.claim)
    // Anyone who proved a late or open block may claim too: compare the stakers' own claims.
    const stakerClaims = claims.filter((c) => rows.some((s) => s.address === c.prover))
    expect(stakerClaims.reduce((n, c) => n + c.amount, 0n)).toBe(
      rows.reduce((n, s) => n + s.rewardsClaimed, 0n),
    )
    expect(stakerClaims.length).toBe(rows.reduce((n, s) => n + s.claims, 0))
    expect(claims.some((c) => c.owedPaid > 0n && c.amount >= c.owedPaid)).toBe(true)
    const episodes = await t.db.select().from(schema.emergencyEpisode)
    expect(episodes.map((e) => [e.reason, e.endedIn !== null])).toEqual([
      ['congestion', !recorded.pool.emergency],
    ])
    const config = await t.db.select().from(schema.configChange)
    expect(config.map((c) => c.kind).sort()).toEqual([
      'applied',
      'applied',
      'cancelled',
      'scheduled',
      'scheduled',
    ])
  })

  it('serve blocks in pages, newest first, and by prover', async () => {
    const all = await t.db
      .select({ id: schema.block.blockId })
      .from(schema.block)
      .orderBy(desc(schema.block.blockId))
    const first = await recentBlocks(t.db, { limit: 5 })
    expect(first.rows.map((r) => r.blockId)).toEqual(all.slice(0, 5).map((r) => r.id))
    const second = await recentBlocks(t.db, { limit: 5, before: first.nextBefore! })
    expect(second.rows.map((r) => r.blockId)).toEqual(all.slice(5, 10).map((r) => r.id))
    const prover = recorded.stakers[0]!.prover
    const mine = await recentBlocks(t.db, { limit: 100, prover })
    expect(mine.rows.length).toBeGreaterThan(0)
    expect(mine.nextBefore).toBeNull()
    for (const b of mine.rows) expect([b.assignedProver, b.prover]).toContain(prover.toLowerCase())
  })

  it('downsample the fee history in SQL, keeping each bucket’s lowest and highest point', async () => {
    const points = await t.db.select().from(schema.feePoint).orderBy(schema.feePoint.timestamp)
    const from = points[0]!.timestamp
    const to = points.at(-1)!.timestamp
    // Buckets of one second: each second's lowest and highest F, as computed here from every point.
    const all = await feeHistory(t.db, { from, to, buckets: 1_000 })
    const perSecond = new Map<bigint, bigint[]>()
    for (const p of points) perSecond.set(p.timestamp, [...(perSecond.get(p.timestamp) ?? []), p.feePerGas])
    const expected = [...perSecond.values()].flatMap((v) => {
      const sorted = [...v].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      return sorted[0] === sorted.at(-1) ? [sorted[0]] : [sorted[0], sorted.at(-1)]
    })
    expect(new Set(all.map((p) => p.feePerGas))).toEqual(new Set(expected))
    expect(all.length).toBe(expected.length)
    const two = await feeHistory(t.db, { from, to, buckets: 2 })
    expect(two.length).toBeLessThanOrEqual(4)
    const values = points.map((p) => p.feePerGas).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const [lo, hi] = [values[0], values.at(-1)]
    expect(two.map((p) => p.feePerGas)).toContain(lo)
    expect(two.map((p) => p.feePerGas)).toContain(hi)
    // From after the first point: the point before the range comes first.
    const later = await feeHistory(t.db, { from: from + 1n, to, buckets: 10 })
    expect(later[0]).toEqual({
      timestamp: from,
      feePerGas: points.filter((p) => p.timestamp === from).at(-1)!.feePerGas,
    })
  })

  it('keep each fee bucket’s lowest and highest point at every resolution', async () => {
    const points = await t.db.select().from(schema.feePoint).orderBy(schema.feePoint.blockId)
    const rows = await t.db.select().from(schema.feeBucket)
    for (const resolution of FEE_RESOLUTIONS) {
      const expected = new Map<bigint, { lo: bigint; loAt: bigint; hi: bigint; hiAt: bigint }>()
      for (const p of points) {
        const key = p.timestamp / BigInt(resolution)
        const e = expected.get(key)
        if (!e) expected.set(key, { lo: p.feePerGas, loAt: p.timestamp, hi: p.feePerGas, hiAt: p.timestamp })
        else {
          if (p.feePerGas < e.lo) Object.assign(e, { lo: p.feePerGas, loAt: p.timestamp })
          if (p.feePerGas > e.hi) Object.assign(e, { hi: p.feePerGas, hiAt: p.timestamp })
        }
      }
      const mine = rows.filter((r) => r.resolution === resolution)
      expect(mine).toHaveLength(expected.size)
      for (const r of mine) {
        expect({ lo: r.lo, loAt: r.loAt, hi: r.hi, hiAt: r.hiAt }).toEqual(expected.get(r.bucket))
      }
    }
  })

  it('serve a prover’s timeline and the stakers by status', async () => {
    const slashed = recorded.stakers.find((s) => s.slashed > 0n)!
    const timeline = await proverTimeline(t.db, slashed.prover, { blocks: 3, now: 0n })
    expect(timeline.staker?.slashed).toBe(slashed.slashed)
    expect(timeline.slashes.reduce((n, s) => n + s.amount, 0n)).toBe(slashed.slashed)
    expect(timeline.blocks.rows.length).toBeLessThanOrEqual(3)
    expect(timeline.changes.at(-1)?.stake).toBe(slashed.stake)
    const active = await stakers(t.db, { status: ['active'], offset: 0, limit: 100 })
    expect(active.rows.map((r) => r.address)).toEqual(
      recorded.stakers.filter((s) => s.status === 1).map((s) => s.prover.toLowerCase()),
    )
    const others = await stakers(t.db, { status: ['exiting', 'evicted', 'withdrawn'], offset: 0, limit: 1 })
    expect(others.total).toBe(recorded.stakers.filter((s) => s.status !== 1).length)
    expect(others.rows.length).toBe(1)
  })
})
