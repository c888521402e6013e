import { domainOf, niceAxis, timeTicks } from '@/components/charts/scale'
import { StepChart } from '@/components/charts/step-chart'
import { formatTimestamp } from '@/lib/format/time'
import { type FeeChartPoint, gweiLabel } from './fee-history-data'

/** A time tick as short as the span allows: seconds within an hour, the date beyond a day. */
function tickTime(spanSeconds: number) {
  return (t: number) => {
    const iso = new Date(t * 1000).toISOString()
    return spanSeconds > 86_400
      ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}`
      : iso.slice(11, spanSeconds > 3_600 ? 16 : 19)
  }
}

/**
 * The fee-per-gas step line. Pure: takes prepared points and renders on the server as in the browser
 * (components/charts/step-chart.tsx), at the container's width.
 */
export function FeeHistoryPlot({ data, height = 260 }: { data: readonly FeeChartPoint[]; height?: number }) {
  const xs = data.map((p) => p.t)
  const gwei = data.map((p) => p.gwei)
  const xDomain = domainOf(xs)
  const left = niceAxis(domainOf(gwei), 4)
  return (
    <StepChart
      xs={xs}
      xDomain={xDomain}
      xTicks={timeTicks(xDomain, 5)}
      formatXTick={tickTime(xDomain[1] - xDomain[0])}
      formatX={formatTimestamp}
      series={[
        {
          name: 'Fee per gas',
          values: gwei,
          axis: 'left',
          color: '#a3116a',
          format: (v) => `${gweiLabel(v)} gwei`,
        },
      ]}
      left={{ ...left, format: gweiLabel, width: 84 }}
      height={height}
      description="Fee per gas over time, in gwei of TKO per gas"
    />
  )
}
