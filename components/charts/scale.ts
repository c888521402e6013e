/**
 * The arithmetic of the step charts (components/charts/step-chart.tsx): domains, round tick values
 * and the SVG path of a step line. Pure numbers, no React, unit-tested.
 */

/** The SVG's own coordinate box: paths are drawn in 0…VIEW and stretched to the plot's size. */
export const VIEW = 1_000

export type Domain = readonly [min: number, max: number]

/**
 * The smallest and largest value, widened when they coincide (a flat line sits in the middle, not on
 * an edge) and when a side must include a bound (`floor`, e.g. 0 for an area).
 */
export function domainOf(values: Iterable<number>, { floor }: { floor?: number } = {}): Domain {
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (const v of values) {
    if (!Number.isFinite(v)) continue
    if (v < min) min = v
    if (v > max) max = v
  }
  if (min > max) return [floor ?? 0, (floor ?? 0) + 1]
  if (floor !== undefined) min = Math.min(min, floor)
  if (min === max) {
    const pad = Math.abs(min) * 0.05 || 1
    return floor !== undefined && min === floor ? [min, max + pad] : [min - pad, max + pad]
  }
  return [min, max]
}

/** A step of 1, 2 or 5 × 10^k nearest (geometrically) to `span / count`, as d3's ticks choose it. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count)
  const power = 10 ** Math.floor(Math.log10(raw))
  const fraction = raw / power
  return (
    (fraction >= Math.SQRT2 * 5 ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.SQRT2 ? 2 : 1) * power
  )
}

/**
 * Round tick values covering the domain: the domain widened to whole steps (so the line never touches
 * the frame) and the ticks on it. About `count` ticks, at most `count` + 2.
 */
export function niceAxis([min, max]: Domain, count = 5): { domain: Domain; ticks: number[] } {
  const step = niceStep(max - min, count)
  const lo = Math.floor(min / step) * step
  const hi = Math.ceil(max / step) * step
  const ticks: number[] = []
  // Integer multiples of the step: no float drift (0.1 + 0.2) in the labels.
  for (let i = Math.round(lo / step); i <= Math.round(hi / step); i++)
    ticks.push(Number((i * step).toPrecision(12)))
  // min/max kept when float rounding put a whole step a hair inside them.
  return { domain: [Math.min(lo, min), Math.max(hi === lo ? lo + step : hi, max)], ticks }
}

/** Steps of time a reader counts in (seconds): 1 s … 1 day, then whole days. */
const TIME_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400,
]

/** About `count` ticks on whole seconds, minutes, hours or days (UTC) inside the domain (unix seconds). */
export function timeTicks([min, max]: Domain, count = 5): number[] {
  const raw = (max - min) / Math.max(1, count)
  const step = TIME_STEPS.find((s) => s >= raw) ?? Math.ceil(raw / 86_400) * 86_400
  const ticks: number[] = []
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) ticks.push(t)
  return ticks
}

/** Where `value` sits in the domain, 0…1 (outside when the value is). */
export function fraction(value: number, [min, max]: Domain): number {
  return max === min ? 0.5 : (value - min) / (max - min)
}

const round = (v: number) => Math.round(v * 10) / 10

/**
 * The SVG path of a step line ("step after": each value holds until the next x), in the 0…VIEW box
 * with y pointing down. With `area`, the path closes along the domain's floor, to be filled.
 */
export function stepPath(
  xs: readonly number[],
  ys: readonly number[],
  xDomain: Domain,
  yDomain: Domain,
  { area = false }: { area?: boolean } = {},
): string {
  const n = Math.min(xs.length, ys.length)
  if (n === 0) return ''
  const x = (v: number) => round(fraction(v, xDomain) * VIEW)
  const y = (v: number) => round((1 - fraction(v, yDomain)) * VIEW)
  const parts = [`M${x(xs[0]!)} ${y(ys[0]!)}`]
  for (let i = 1; i < n; i++) parts.push(`H${x(xs[i]!)}V${y(ys[i]!)}`)
  if (area) parts.push(`V${VIEW}H${x(xs[0]!)}Z`)
  return parts.join('')
}

/** The index of the point shown at `value` on a step line: the last one at or before it (0 before the first). */
export function pointAt(xs: readonly number[], value: number): number {
  let lo = 0
  let hi = xs.length - 1
  if (hi < 0) return -1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (xs[mid]! <= value) lo = mid
    else hi = mid - 1
  }
  return lo
}
