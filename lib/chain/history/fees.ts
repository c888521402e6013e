import type { PoolEvent } from '../events'

/** F after a proof: one point per `FeePerGasChanged` (emitted on every in-window proof). */
export type FeePoint = { blockId: bigint; timestamp: bigint; feePerGas: bigint }

/** Appends the fee points of `events` (chain order) to `points`. */
export function foldFeeHistory(points: readonly FeePoint[], events: readonly PoolEvent[]): FeePoint[] {
  const out = points.slice()
  for (const e of events) {
    if (e.type === 'FeePerGasChanged') {
      out.push({ blockId: e.blockId, timestamp: e.timestamp, feePerGas: e.newFeePerGas })
    }
  }
  return out
}

/** Every fee point in a list of events. */
export function feeHistoryFromEvents(events: readonly PoolEvent[]): FeePoint[] {
  return foldFeeHistory([], events)
}
