import { domainOf, niceAxis } from '@/components/charts/scale'
import { StepChart } from '@/components/charts/step-chart'
import { formatNumber } from '@/lib/format/decimal'

/** One point of the stake chart: chain block, stake in TKO, health in %. */
export type StakeChartPoint = { block: number; stake: number; health: number }

const tko = (v: number) => formatNumber(v, 0)

/** Active stake (area, left axis) and health (line, right axis, 0–100 %) against the chain block. */
export function StakeHistoryPlot({
  data,
  height = 240,
}: {
  data: readonly StakeChartPoint[]
  height?: number
}) {
  const xs = data.map((p) => p.block)
  const xDomain = domainOf(xs)
  const blocks = niceAxis(xDomain, 5).ticks.filter(
    (b) => Number.isInteger(b) && b >= xDomain[0] && b <= xDomain[1],
  )
  return (
    <StepChart
      xs={xs}
      xDomain={xDomain}
      xTicks={blocks}
      formatXTick={(b) => `#${b}`}
      formatX={(b) => `Block #${b}`}
      series={[
        {
          name: 'Stake',
          values: data.map((p) => p.stake),
          axis: 'left',
          color: '#334155',
          fill: '#cbd5e1',
          format: (v) => `${formatNumber(v, 2)} TKO`,
        },
        {
          name: 'Health',
          values: data.map((p) => p.health),
          axis: 'right',
          color: '#a3116a',
          format: (v) => `${v.toFixed(2)} %`,
        },
      ]}
      left={{
        ...niceAxis(
          domainOf(
            data.map((p) => p.stake),
            { floor: 0 },
          ),
          4,
        ),
        format: tko,
        width: 72,
      }}
      right={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100], format: (v) => `${v}%`, width: 44 }}
      height={height}
      description="Active stake in TKO and health in percent, by chain block"
      legend
    />
  )
}
