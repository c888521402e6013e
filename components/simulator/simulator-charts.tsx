'use client'

import type { ReactNode } from 'react'
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { SeriesPoint } from '@/lib/simulator/result'
import type { RunOutput } from './run-output'

const HEIGHT = 220
const sizing = { responsive: true, style: { width: '100%', height: HEIGHT } } as const
const margin = { top: 8, right: 12, bottom: 4, left: 4 }
const axis = { stroke: '#475569', tick: { fill: '#334155', fontSize: 11 } }
const grid = <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
const hoursAxis = (
  <XAxis
    dataKey="hours"
    type="number"
    domain={['dataMin', 'dataMax']}
    tickFormatter={(h: number) => `${h.toFixed(0)} h`}
    {...axis}
    minTickGap={24}
  />
)
const round = (x: number, digits = 3) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null)

function Figure({ title, caption, children }: { title: string; caption: string; children: ReactNode }) {
  return (
    <figure aria-label={title} className="rounded-md border border-slate-200 bg-white p-3">
      <h4 className="mb-1 text-sm font-semibold text-slate-800">{title}</h4>
      {children}
      <figcaption className="mt-1 text-xs text-slate-600">{caption}</figcaption>
    </figure>
  )
}

function FeeChart({ series }: { series: SeriesPoint[] }) {
  const data = series.map((p) => ({
    hours: round(p.hours, 2),
    fee: round(p.feeGwei, 4),
    cost: round(p.costGwei, 4),
    paid: round(p.paidPerGasGwei, 4),
  }))
  const last = series.at(-1)
  return (
    <Figure
      title="Fee per gas against the provers’ true cost"
      caption={`F ends at ${last?.feeGwei.toFixed(4)} gwei per gas; the active provers’ mean cost is ${last?.costGwei.toFixed(4)} gwei. “Paid” is what proofs earned per gas in each interval (bonuses included, capped by the treasury).`}
    >
      <LineChart {...sizing} data={data} margin={margin}>
        {grid}
        {hoursAxis}
        <YAxis {...axis} width={52} domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(2)} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          dataKey="fee"
          name="F (gwei/gas)"
          stroke="#a3116a"
          dot={false}
          strokeWidth={2}
          isAnimationActive={false}
        />
        <Line
          dataKey="cost"
          name="true cost"
          stroke="#0f766e"
          dot={false}
          strokeDasharray="4 3"
          isAnimationActive={false}
        />
        <Line dataKey="paid" name="paid per gas" stroke="#64748b" dot={false} isAnimationActive={false} />
      </LineChart>
    </Figure>
  )
}

function ShareChart({ run }: { run: RunOutput }) {
  const { provers, scenario } = run.result
  const won = (p: (typeof provers)[number]) =>
    scenario.design === 'pool' ? p.blocksAssigned : p.blocksProven
  const totalWon = provers.reduce((n, p) => n + won(p), 0) || 1
  const totalStake = provers.reduce((n, p) => n + Number(BigInt(p.initialStake) / 10n ** 18n), 0) || 1
  const data = provers.map((p) => ({
    prover: `${p.id}${p.underbidder ? '*' : ''}`,
    stake: round((100 * Number(BigInt(p.initialStake) / 10n ** 18n)) / totalStake, 2),
    blocks: round((100 * won(p)) / totalWon, 2),
  }))
  const under = provers.find((p) => p.underbidder)
  return (
    <Figure
      title="Share of blocks against share of stake, per prover"
      caption={
        under
          ? `Prover ${under.id}* is the underbidder: ${((100 * won(under)) / totalWon).toFixed(1)} % of the blocks for ${((100 * Number(BigInt(under.initialStake) / 10n ** 18n)) / totalStake).toFixed(1)} % of the stake.`
          : 'Provers outside the active list win no blocks in the pool; in the race, blocks go to the fastest.'
      }
    >
      <BarChart {...sizing} data={data} margin={margin}>
        {grid}
        <XAxis dataKey="prover" {...axis} interval="preserveStartEnd" minTickGap={8} />
        <YAxis {...axis} width={40} tickFormatter={(v: number) => `${v}%`} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="stake" name="stake %" fill="#94a3b8" isAnimationActive={false} />
        <Bar dataKey="blocks" name="blocks %" fill="#a3116a" isAnimationActive={false} />
      </BarChart>
    </Figure>
  )
}

function HealthChart({ series }: { series: SeriesPoint[] }) {
  const data = series.map((p) => ({
    hours: round(p.hours, 2),
    rewards: round(p.rewardsTko, 4),
    slashed: round(p.slashedTko, 2),
    health: round(p.meanHealthPct, 2),
    lowest: round(p.minHealthPct, 2),
  }))
  const last = series.at(-1)
  return (
    <Figure
      title="Rewards, slashes and health"
      caption={`By the end: ${last?.rewardsTko.toFixed(3)} TKO of rewards, ${last?.slashedTko.toFixed(1)} TKO slashed in ${last?.slashes} slashes; the active provers’ health averages ${last?.meanHealthPct.toFixed(1)} % (lowest ${last?.minHealthPct.toFixed(1)} %).`}
    >
      <ComposedChart {...sizing} data={data} margin={margin}>
        {grid}
        {hoursAxis}
        <YAxis yAxisId="tko" {...axis} width={52} />
        <YAxis
          yAxisId="pct"
          orientation="right"
          {...axis}
          width={40}
          domain={[0, 100]}
          tickFormatter={(v: number) => `${v}%`}
        />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          yAxisId="tko"
          dataKey="rewards"
          name="rewards (TKO)"
          stroke="#0f766e"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="tko"
          dataKey="slashed"
          name="slashed (TKO)"
          stroke="#b91c1c"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="pct"
          dataKey="health"
          name="mean health"
          stroke="#2563eb"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="pct"
          dataKey="lowest"
          name="lowest health"
          stroke="#93c5fd"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </Figure>
  )
}

function BacklogChart({ series, episodes }: { series: SeriesPoint[]; episodes: number }) {
  const peak = Math.max(1, ...series.map((p) => p.backlog))
  const data = series.map((p) => ({
    hours: round(p.hours, 2),
    backlog: p.backlog,
    open: p.openBlocks,
    emergency: p.emergency === 0 ? 0 : peak,
    batch: p.maxBatch,
  }))
  const largest = Math.max(0, ...series.map((p) => p.maxBatch))
  return (
    <Figure
      title="Backlog, open blocks, emergency mode and batch sizes"
      caption={`Backlog peaks at ${peak} blocks; ${episodes} emergency episodes (shaded); the largest proof carried ${largest} block${largest === 1 ? '' : 's'}.`}
    >
      <ComposedChart {...sizing} data={data} margin={margin}>
        {grid}
        {hoursAxis}
        <YAxis yAxisId="blocks" {...axis} width={44} />
        <YAxis yAxisId="batch" orientation="right" {...axis} width={32} allowDecimals={false} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Area
          yAxisId="blocks"
          dataKey="emergency"
          name="emergency mode"
          type="stepAfter"
          fill="#fecaca"
          stroke="none"
          isAnimationActive={false}
        />
        <Line
          yAxisId="blocks"
          dataKey="backlog"
          name="backlog"
          stroke="#1e293b"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="blocks"
          dataKey="open"
          name="open blocks"
          stroke="#d97706"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="batch"
          dataKey="batch"
          name="largest batch"
          type="stepAfter"
          stroke="#7c3aed"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </Figure>
  )
}

function TreasuryChart({ run }: { run: RunOutput }) {
  const data = run.series.map((p) => ({
    hours: round(p.hours, 2),
    treasury: round(p.treasuryTko, 6),
    owed: round(p.owedTko, 6),
  }))
  const dry = run.result.treasury.firstEmptied
  const first = run.series[0]?.treasuryTko ?? 0
  const last = run.series.at(-1)?.treasuryTko ?? 0
  const lowest = Math.min(...run.series.map((p) => p.treasuryTko))
  const structural =
    'rewards pay up to 1.21·F per gas in the window (up to 1.575·F open or late) against a fee of F per gas'
  const caption =
    run.result.scenario.design === 'race'
      ? 'The race has no treasury: the proposer’s fee goes to the first valid proof.'
      : dry
        ? `First emptied in hour ${dry.hours.toFixed(1)}, then ${run.result.treasury.emptied - 1} more times: ${structural}; without slashes to refill it, it pays only what each new fee brings in, and the rest of a reward is ${run.result.treasury.owed === '0' ? 'lost (contracts v1)' : 'owed'}.`
        : last < first
          ? `Falls from ${first.toFixed(4)} to ${last.toFixed(4)} TKO: ${structural}, and slashes did not make up the difference.`
          : `Grows from ${first.toFixed(4)} to ${last.toFixed(4)} TKO (lowest ${lowest.toFixed(4)}): slashes paid for the rewards the fees did not.`
  return (
    <Figure title="The treasury over time" caption={caption}>
      <AreaChart {...sizing} data={data} margin={margin}>
        {grid}
        {hoursAxis}
        <YAxis {...axis} width={60} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Area
          dataKey="treasury"
          name="treasury (TKO)"
          stroke="#0f766e"
          fill="#99f6e4"
          isAnimationActive={false}
        />
        <Area
          dataKey="owed"
          name="owed rewards (TKO)"
          stroke="#b91c1c"
          fill="#fecaca"
          isAnimationActive={false}
        />
      </AreaChart>
    </Figure>
  )
}

/** Proofs per block, and how many of them were wasted, for every run: the redundancy the pool removes. */
function WastedProofsChart({ runs }: { runs: RunOutput[] }) {
  const data = runs.map((run) => {
    const r = run.result
    return {
      run: `${run.name}: ${r.scenario.design}`,
      useful: round((r.proofsSubmitted - r.redundantProofs) / Math.max(1, r.blocks), 3),
      wasted: round(r.redundantProofs / Math.max(1, r.blocks), 3),
    }
  })
  return (
    <Figure
      title="Wasted proofs per block, by design"
      caption={data.map((d) => `${d.run}: ${d.wasted} redundant proofs per block`).join('; ')}
    >
      <BarChart {...sizing} data={data} margin={margin} layout="vertical">
        {grid}
        <XAxis type="number" {...axis} />
        <YAxis type="category" dataKey="run" {...axis} width={90} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar
          dataKey="useful"
          name="proofs that counted"
          stackId="p"
          fill="#0f766e"
          isAnimationActive={false}
        />
        <Bar dataKey="wasted" name="redundant proofs" stackId="p" fill="#b91c1c" isAnimationActive={false} />
      </BarChart>
    </Figure>
  )
}

/** Every chart of the page (recharts; loaded only once there is something to draw). */
export default function SimulatorCharts({ runs }: { runs: RunOutput[] }) {
  return (
    <div className="space-y-4">
      <WastedProofsChart runs={runs} />
      <div className={`grid gap-4 ${runs.length > 1 ? 'lg:grid-cols-2' : ''}`}>
        {runs.map((run) => (
          <section key={run.name} aria-label={`Charts of run ${run.name}`} className="space-y-4">
            <h3 className="text-base font-semibold text-slate-900">
              Run {run.name}: {run.title}
            </h3>
            <FeeChart series={run.series} />
            <ShareChart run={run} />
            <HealthChart series={run.series} />
            <BacklogChart series={run.series} episodes={run.result.emergencyEpisodes.length} />
            <TreasuryChart run={run} />
          </section>
        ))}
      </div>
    </div>
  )
}
