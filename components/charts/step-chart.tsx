'use client'

import { type KeyboardEvent, type PointerEvent, useState } from 'react'
import { type Domain, fraction, pointAt, stepPath, VIEW } from './scale'

/** One value axis: its domain, the tick values and how a tick reads. */
export type ValueAxis = {
  domain: Domain
  ticks: readonly number[]
  format: (value: number) => string
  /** Room for the tick labels (px). */
  width: number
}

export type StepSeries = {
  name: string
  values: readonly number[]
  axis: 'left' | 'right'
  color: string
  /** Drawn as a filled area under the step line. */
  fill?: string
  /** How a value reads in the tooltip. */
  format: (value: number) => string
}

const TOP = 8
const BOTTOM = 24
const pct = (f: number) => `${(f * 100).toFixed(3)}%`
/** A position as a short number: the HTML carries every tick's. */
const short = (v: number) => Math.round(v * 10_000) / 10_000

/**
 * A step chart ("step after": a value holds until the next point) drawn as plain SVG and HTML, so the
 * server renders it whole: no chart library, nothing to load or lay out after hydration, and the same
 * box before and after (no layout shift). The plot stretches to its container's width; strokes keep
 * their width (`non-scaling-stroke`) and the labels are HTML, so nothing is distorted on a phone.
 *
 * Pointer or keyboard (Tab, then ← → Home End) shows one point's values; to a screen reader the plot
 * is a slider whose value reads as the point. Every second x label is hidden below `sm` so the labels never overlap.
 */
export function StepChart({
  xs,
  xDomain,
  xTicks,
  formatXTick,
  formatX,
  series,
  left,
  right,
  height,
  description,
  legend = false,
}: {
  /** The points' x values, ascending. */
  xs: readonly number[]
  xDomain: Domain
  xTicks: readonly number[]
  formatXTick: (x: number) => string
  /** The tooltip's heading for a point. */
  formatX: (x: number) => string
  series: readonly StepSeries[]
  left: ValueAxis
  right?: ValueAxis | undefined
  height: number
  /** What the chart shows, for assistive technology. */
  description: string
  legend?: boolean
}) {
  const [active, setActive] = useState<number | null>(null)
  const axisOf = (s: StepSeries) => (s.axis === 'right' && right ? right : left)
  const last = xs.length - 1

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect()
    if (box.width <= 0 || last < 0) return
    const x = xDomain[0] + ((event.clientX - box.left) / box.width) * (xDomain[1] - xDomain[0])
    setActive(pointAt(xs, x))
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (last < 0) return
    const from = active ?? last
    const to =
      event.key === 'ArrowLeft'
        ? Math.max(0, from - 1)
        : event.key === 'ArrowRight'
          ? Math.min(last, from + 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (to === null) return
    event.preventDefault()
    setActive(to)
  }

  const shown = active !== null && active <= last ? active : null
  const shownX = shown === null ? 0 : fraction(xs[shown]!, xDomain)
  const linesAt = (i: number) => series.map((s) => `${s.name}: ${s.format(s.values[i] ?? Number.NaN)}`)
  const lines = shown === null ? [] : linesAt(shown)
  // What the slider reads: the point shown, else the newest.
  const reading = shown ?? Math.max(0, last)
  const readingText = last < 0 ? '' : `${formatX(xs[reading]!)}: ${linesAt(reading).join(', ')}`

  return (
    <div>
      <div
        className="relative text-xs text-slate-700"
        style={{
          height,
          paddingLeft: left.width,
          paddingRight: right?.width ?? 16,
          paddingTop: TOP,
          paddingBottom: BOTTOM,
        }}
      >
        <div aria-hidden="true">
          <TickLabels axis={left} side="left" />
          {right && <TickLabels axis={right} side="right" />}
        </div>
        <div
          // A slider over the points: the keyboard moves it (← → Home End) and a screen reader says
          // each point (aria-valuetext) as it moves.
          role="slider"
          aria-label={description}
          aria-valuemin={0}
          aria-valuemax={Math.max(0, last)}
          aria-valuenow={reading}
          aria-valuetext={last < 0 ? 'no points' : readingText}
          tabIndex={0}
          className="relative h-full border-b border-l border-slate-500 outline-offset-2 focus-visible:outline-2 focus-visible:outline-slate-900"
          onPointerMove={onPointerMove}
          onPointerLeave={() => setActive(null)}
          onBlur={() => setActive(null)}
          onKeyDown={onKeyDown}
        >
          <svg
            aria-hidden="true"
            className="absolute inset-0 h-full w-full overflow-visible"
            viewBox={`0 0 ${VIEW} ${VIEW}`}
            preserveAspectRatio="none"
          >
            <g stroke="#e2e8f0" strokeDasharray="3 3">
              {left.ticks.map((t) => {
                const y = Math.round((1 - fraction(t, left.domain)) * VIEW)
                return <line key={`g${t}`} x1={0} x2={VIEW} y1={y} y2={y} vectorEffect="non-scaling-stroke" />
              })}
              {xTicks.map((t) => {
                const x = Math.round(fraction(t, xDomain) * VIEW)
                return <line key={`v${t}`} x1={x} x2={x} y1={0} y2={VIEW} vectorEffect="non-scaling-stroke" />
              })}
            </g>
            {series.map((s) => (
              <g key={s.name} data-series={s.name}>
                {s.fill ? (
                  <path
                    d={stepPath(xs, s.values, xDomain, axisOf(s).domain, { area: true })}
                    fill={s.fill}
                    stroke="none"
                  />
                ) : null}
                <path
                  d={stepPath(xs, s.values, xDomain, axisOf(s).domain)}
                  fill="none"
                  stroke={s.color}
                  strokeWidth={2}
                  vectorEffect="non-scaling-stroke"
                />
              </g>
            ))}
          </svg>
          {shown === null ? null : (
            <>
              <div
                aria-hidden="true"
                className="pointer-events-none absolute inset-y-0 w-px bg-slate-400"
                style={{ left: pct(shownX) }}
              />
              <div
                aria-hidden="true"
                className="pointer-events-none absolute top-1 z-10 whitespace-nowrap rounded border border-slate-200 bg-white px-2 py-1 shadow-sm"
                style={
                  shownX > 0.55
                    ? { right: pct(1 - shownX), marginRight: 8 }
                    : { left: pct(shownX), marginLeft: 8 }
                }
              >
                <div className="font-medium text-slate-900">{formatX(xs[shown]!)}</div>
                {lines.map((line, i) => (
                  <div key={series[i]!.name}>{line}</div>
                ))}
              </div>
            </>
          )}
        </div>
        <div aria-hidden="true">
          {xTicks.map((t, i) => (
            <span
              key={`x${t}`}
              className={`absolute bottom-0 -translate-x-1/2 whitespace-nowrap tabular-nums ${i % 2 === 1 ? 'max-sm:hidden' : ''}`}
              style={{
                left: `calc(${left.width}px + (100% - ${left.width + (right?.width ?? 16)}px) * ${short(fraction(t, xDomain))})`,
              }}
            >
              {formatXTick(t)}
            </span>
          ))}
        </div>
      </div>
      {legend ? (
        <ul className="mt-2 flex flex-wrap justify-center gap-4 text-xs text-slate-700">
          {series.map((s) => (
            <li key={s.name} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-0.5 w-4" style={{ background: s.color }} />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** A value axis's tick labels, in the padding on its side, each centred on its height in the plot. */
function TickLabels({ axis, side }: { axis: ValueAxis; side: 'left' | 'right' }) {
  return axis.ticks.map((t) => (
    <span
      key={t}
      className={`absolute -translate-y-1/2 tabular-nums ${side === 'left' ? 'pr-2 text-right' : 'pl-2'}`}
      style={{
        [side]: 0,
        width: axis.width,
        top: `calc(${TOP}px + (100% - ${TOP + BOTTOM}px) * ${short(1 - fraction(t, axis.domain))})`,
      }}
    >
      {axis.format(t)}
    </span>
  ))
}
