import {
  configChange,
  delayPoint,
  emergencyEpisode,
  feeBucket,
  feePoint,
  poolState,
} from '../../ponder.schema'
import { FEE_RESOLUTIONS } from '../fee-resolutions'
import { loadPoolState } from './stakers'
import { type Handler, logId } from './types'

/** Mirrors `EmergencyReason` in contracts/PoolTypes.sol. */
const emergencyReasons = ['none', 'congestion', 'prover-failure'] as const

export const onFeePerGasChanged: Handler<'FeePerGasChanged'> = async (db, event) => {
  const a = event.args
  await db.insert(feePoint).values({
    blockId: a.blockId,
    timestamp: a.timestamp,
    blockNumber: event.block.number,
    feePerGas: a.newFeePerGas,
  })
  // Each resolution's bucket keeps its lowest and highest F (the first one reached, on a tie).
  const [t, f] = [a.timestamp, a.newFeePerGas]
  for (const resolution of FEE_RESOLUTIONS) {
    await db
      .insert(feeBucket)
      .values({ resolution, bucket: t / BigInt(resolution), lo: f, loAt: t, hi: f, hiAt: t })
      .onConflictDoUpdate((row) => {
        const lower = f < row.lo
        const higher = f > row.hi
        return {
          lo: lower ? f : row.lo,
          loAt: lower ? t : row.loAt,
          hi: higher ? f : row.hi,
          hiAt: higher ? t : row.hiAt,
        }
      })
  }
}

export const onAvgProofDelayChanged: Handler<'AvgProofDelayChanged'> = async (db, event) => {
  const a = event.args
  await db.insert(delayPoint).values({
    blockId: a.blockId,
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    avgProofDelayMs: a.newAvgProofDelayMs,
  })
}

/** Emergency mode on opens an episode (with its reason); off closes the open one. */
export const onEmergencyModeChanged: Handler<'EmergencyModeChanged'> = async (db, event) => {
  const a = event.args
  const state = await loadPoolState(db)
  if (a.active) {
    const id = logId(event)
    await db.insert(emergencyEpisode).values({
      id,
      reason: emergencyReasons[a.reason] ?? 'none',
      startedIn: event.block.number,
      startedAt: event.block.timestamp,
    })
    await db.update(poolState, { id: 1 }).set({ openEpisode: id })
  } else if (state.openEpisode) {
    await db
      .update(emergencyEpisode, { id: state.openEpisode })
      .set({ endedIn: event.block.number, endedAt: event.block.timestamp })
    await db.update(poolState, { id: 1 }).set({ openEpisode: null })
  }
}

export const onConfigUpdated: Handler<'ConfigUpdated'> = async (db, event) => {
  await db.insert(configChange).values({
    id: logId(event),
    kind: 'applied',
    version: event.args.version,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
  })
}

export const onConfigScheduled: Handler<'ConfigScheduled'> = async (db, event) => {
  await db.insert(configChange).values({
    id: logId(event),
    kind: 'scheduled',
    activatesAt: event.args.activatesAt,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
  })
}

export const onConfigCancelled: Handler<'ConfigCancelled'> = async (db, event) => {
  await db.insert(configChange).values({
    id: logId(event),
    kind: 'cancelled',
    activatesAt: event.args.activatesAt,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
  })
}
