'use client'

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import { formatTimestamp } from '@/lib/format/time'
import { type FeeChartPoint, gweiLabel } from './fee-history-data'

function tickTime(spanSeconds: number) {
  return (t: number) => {
    const iso = new Date(t * 1000).toISOString()
    return spanSeconds > 86_400
      ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}`
      : iso.slice(11, spanSeconds > 3_600 ? 16 : 19)
  }
}

/**
 * The fee-per-gas line (recharts). Pure: takes prepared points. With `width`/`height` it renders at
 * that size (server render, benchmarks); without, it fills its container (`responsive`).
 */
export function FeeHistoryPlot({
  data,
  width,
  height = 260,
}: {
  data: readonly FeeChartPoint[]
  width?: number | undefined
  height?: number | undefined
}) {
  const first = data[0]
  const last = data.at(-1)
  const span = first && last ? last.t - first.t : 0
  const sizing =
    width === undefined ? { responsive: true, style: { width: '100%', height } } : { width, height }
  return (
    <LineChart
      {...sizing}
      data={data as FeeChartPoint[]}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      desc="Fee per gas over time, in gwei of TKO per gas"
    >
      <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={['dataMin', 'dataMax']}
        tickFormatter={tickTime(span)}
        stroke="#475569"
        tick={{ fill: '#334155', fontSize: 12 }}
        minTickGap={32}
      />
      <YAxis
        dataKey="gwei"
        type="number"
        domain={['auto', 'auto']}
        tickFormatter={gweiLabel}
        stroke="#475569"
        tick={{ fill: '#334155', fontSize: 12 }}
        width={84}
      />
      <Tooltip
        formatter={(value) => [`${gweiLabel(Number(value))} gwei`, 'Fee per gas']}
        labelFormatter={(t) => formatTimestamp(Number(t))}
      />
      <Line
        type="stepAfter"
        dataKey="gwei"
        stroke="#a3116a"
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
        name="Fee per gas"
      />
    </LineChart>
  )
}
