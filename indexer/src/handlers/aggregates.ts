import { poolDay, proverDay } from '../../ponder.schema'
import type { Store } from './types'

type ProverDayDelta = Partial<{
  assigned: number
  proven: number
  missed: number
  rewards: bigint
  slashed: bigint
}>
type PoolDayDelta = Partial<{
  proposed: number
  proven: number
  late: number
  open: number
  gasUsed: bigint
  fees: bigint
  rewards: bigint
  slashed: bigint
}>

/** Adds `delta` to a prover's row of `day` (created at zero). */
export async function addProverDay(db: Store, prover: `0x${string}`, day: number, d: ProverDayDelta) {
  await db
    .insert(proverDay)
    .values({
      prover,
      day,
      assigned: d.assigned ?? 0,
      proven: d.proven ?? 0,
      missed: d.missed ?? 0,
      rewards: d.rewards ?? 0n,
      slashed: d.slashed ?? 0n,
    })
    .onConflictDoUpdate((row) => ({
      assigned: row.assigned + (d.assigned ?? 0),
      proven: row.proven + (d.proven ?? 0),
      missed: row.missed + (d.missed ?? 0),
      rewards: row.rewards + (d.rewards ?? 0n),
      slashed: row.slashed + (d.slashed ?? 0n),
    }))
}

/** Adds `delta` to the pool's row of `day` (created at zero). */
export async function addPoolDay(db: Store, day: number, d: PoolDayDelta) {
  await db
    .insert(poolDay)
    .values({
      day,
      proposed: d.proposed ?? 0,
      proven: d.proven ?? 0,
      late: d.late ?? 0,
      open: d.open ?? 0,
      gasUsed: d.gasUsed ?? 0n,
      fees: d.fees ?? 0n,
      rewards: d.rewards ?? 0n,
      slashed: d.slashed ?? 0n,
    })
    .onConflictDoUpdate((row) => ({
      proposed: row.proposed + (d.proposed ?? 0),
      proven: row.proven + (d.proven ?? 0),
      late: row.late + (d.late ?? 0),
      open: row.open + (d.open ?? 0),
      gasUsed: row.gasUsed + (d.gasUsed ?? 0n),
      fees: row.fees + (d.fees ?? 0n),
      rewards: row.rewards + (d.rewards ?? 0n),
      slashed: row.slashed + (d.slashed ?? 0n),
    }))
}
