'use client'

import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts'

/** One point of the stake chart: chain block, stake in TKO, health in %. */
export type StakeChartPoint = { block: number; stake: number; health: number }

/** Active stake (area, left axis) and health (line, right axis) against the chain block. */
export function StakeHistoryPlot({
  data,
  height = 240,
}: {
  data: readonly StakeChartPoint[]
  height?: number
}) {
  return (
    <ComposedChart
      responsive
      style={{ width: '100%', height }}
      data={data as StakeChartPoint[]}
      margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      desc="Active stake in TKO and health in percent, by chain block"
    >
      <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
      <XAxis
        dataKey="block"
        type="number"
        domain={['dataMin', 'dataMax']}
        stroke="#475569"
        tick={{ fill: '#334155', fontSize: 12 }}
        tickFormatter={(b: number) => `#${b}`}
        minTickGap={32}
      />
      <YAxis
        yAxisId="stake"
        stroke="#475569"
        tick={{ fill: '#334155', fontSize: 12 }}
        width={72}
        tickFormatter={(v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 0 })}
      />
      <YAxis
        yAxisId="health"
        orientation="right"
        domain={[0, 100]}
        stroke="#475569"
        tick={{ fill: '#334155', fontSize: 12 }}
        width={44}
        tickFormatter={(v: number) => `${v}%`}
      />
      <Tooltip
        labelFormatter={(b) => `Block #${b}`}
        formatter={(value, name) =>
          name === 'Health'
            ? [`${Number(value).toFixed(2)} %`, name]
            : [`${Number(value).toLocaleString('en-US', { maximumFractionDigits: 2 })} TKO`, name]
        }
      />
      <Legend />
      <Area
        yAxisId="stake"
        type="stepAfter"
        dataKey="stake"
        name="Stake"
        stroke="#334155"
        fill="#cbd5e1"
        isAnimationActive={false}
      />
      <Line
        yAxisId="health"
        type="stepAfter"
        dataKey="health"
        name="Health"
        stroke="#a3116a"
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
    </ComposedChart>
  )
}
