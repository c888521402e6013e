import type { FeePoint } from '@/lib/chain/history/fees'
import { formatNumber } from '@/lib/format/decimal'
import { formatClock } from '@/lib/format/time'
import { perGasToGweiNumber } from '@/lib/format/units'

/** The time ranges of the fee history switch (URL: ?range=). */
export const feeRanges = [
  { id: '15m', label: '15 min', seconds: 900 },
  { id: '1h', label: '1 hour', seconds: 3_600 },
  { id: '24h', label: '24 hours', seconds: 86_400 },
  { id: '7d', label: '7 days', seconds: 604_800 },
  { id: 'all', label: 'All', seconds: null },
] as const

export type FeeRange = (typeof feeRanges)[number]['id']
export const defaultFeeRange: FeeRange = '24h'

export function parseFeeRange(value: string | string[] | undefined): FeeRange {
  const v = Array.isArray(value) ? value[0] : value
  return feeRanges.find((r) => r.id === v)?.id ?? defaultFeeRange
}

/** Start of the range (unix seconds), or `null` for all history. */
export function rangeStart(range: FeeRange, now: bigint): bigint | null {
  const seconds = feeRanges.find((r) => r.id === range)?.seconds ?? null
  return seconds === null ? null : now - BigInt(seconds)
}

/** Most points a chart draws; more would not show on any screen and slow the SVG. */
export const MAX_CHART_POINTS = 400

/**
 * Keeps at most `maxPoints` of time-ordered points: the range is cut into equal time buckets and each
 * bucket keeps its lowest and highest value (in time order), so spikes survive the thinning.
 * The first and last points are always kept. O(n).
 */
export function thinPoints<T>(
  points: readonly T[],
  time: (p: T) => number,
  value: (p: T) => number,
  maxPoints: number = MAX_CHART_POINTS,
): T[] {
  if (points.length <= maxPoints) return points.slice()
  const first = points[0]!
  const last = points[points.length - 1]!
  const t0 = time(first)
  const span = Math.max(1, time(last) - t0)
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2))
  const lows: (T | undefined)[] = new Array(buckets)
  const highs: (T | undefined)[] = new Array(buckets)
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!
    const b = Math.min(buckets - 1, Math.floor(((time(p) - t0) / span) * buckets))
    const lo = lows[b]
    const hi = highs[b]
    if (lo === undefined || value(p) < value(lo)) lows[b] = p
    if (hi === undefined || value(p) > value(hi)) highs[b] = p
  }
  const out: T[] = [first]
  for (let b = 0; b < buckets; b++) {
    const lo = lows[b]
    const hi = highs[b]
    if (lo === undefined || hi === undefined) continue
    if (lo === hi) out.push(lo)
    else if (time(lo) <= time(hi)) out.push(lo, hi)
    else out.push(hi, lo)
  }
  out.push(last)
  return out
}

const feeTime = (p: FeePoint) => Number(p.timestamp)
const feeValue = (p: FeePoint) => Number(p.feePerGas)

/**
 * Server side: the fee points of a range (plus the one before it, so the line starts at the left
 * edge), thinned to what a chart can show. Keeps the payload sent to the browser small.
 */
export function selectFeePoints(
  points: readonly FeePoint[],
  { range, now, maxPoints = MAX_CHART_POINTS }: { range: FeeRange; now: bigint; maxPoints?: number },
): FeePoint[] {
  const from = rangeStart(range, now)
  let start = 0
  if (from !== null) {
    // Points are in time order: binary search the first one inside the range.
    let lo = 0
    let hi = points.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (points[mid]!.timestamp < from) lo = mid + 1
      else hi = mid
    }
    start = Math.max(0, lo - 1)
  }
  return thinPoints(points.slice(start), feeTime, feeValue, maxPoints)
}

/** One point of the chart: seconds and gwei of TKO per gas, as plain numbers. */
export type FeeChartPoint = { t: number; gwei: number }

/**
 * The chart's data prep: range cut, the current F appended at `now` (the line reaches the present),
 * thinned to `maxPoints`, converted to numbers.
 */
export function prepareFeeHistory(
  points: readonly FeePoint[],
  {
    range,
    now,
    current,
    maxPoints = MAX_CHART_POINTS,
  }: { range: FeeRange; now: bigint; current: bigint; maxPoints?: number },
): FeeChartPoint[] {
  const from = rangeStart(range, now)
  const selected = selectFeePoints(points, { range, now, maxPoints: Number.POSITIVE_INFINITY })
  const rows: FeeChartPoint[] = []
  for (const p of selected) {
    const t = from !== null && p.timestamp < from ? Number(from) : Number(p.timestamp)
    rows.push({ t, gwei: perGasToGweiNumber(p.feePerGas) })
  }
  const lastT = rows.at(-1)?.t ?? -1
  if (Number(now) > lastT) rows.push({ t: Number(now), gwei: perGasToGweiNumber(current) })
  const first = rows[0]
  if (first && rows.every((r) => r.t === first.t)) {
    // One instant only (no proof yet, or one just now): draw F as a flat line over the range
    // (a minute when the range is all history) rather than a lone dot.
    const start = from !== null ? Number(from) : first.t - 60
    rows.unshift({ t: start, gwei: first.gwei })
  }
  return thinPoints(
    rows,
    (r) => r.t,
    (r) => r.gwei,
    maxPoints,
  )
}

/** Trims float noise: 1.00004882 → '1.000049'. */
export function gweiLabel(gwei: number): string {
  return formatNumber(gwei, 6)
}

/** A one-line text version of the chart for screen readers and as a caption. */
export function describeFeeHistory(data: readonly FeeChartPoint[]): string {
  const first = data[0]
  const last = data.at(-1)
  if (!first || !last) return 'No fee history yet.'
  let min = first.gwei
  let max = first.gwei
  for (const p of data) {
    if (p.gwei < min) min = p.gwei
    if (p.gwei > max) max = p.gwei
  }
  return `From ${formatClock(first.t)} to ${formatClock(last.t)} UTC the fee per gas went from ${gweiLabel(first.gwei)} to ${gweiLabel(last.gwei)} gwei (lowest ${gweiLabel(min)}, highest ${gweiLabel(max)}).`
}
