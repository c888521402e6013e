import { table } from '@/components/ui/table'
import { gwei, tko } from '@/lib/simulator/format'
import type { SimulationResult } from '@/lib/simulator/result'
import type { RunOutput } from './run-output'

const count = (n: number) => n.toLocaleString('en-US')

const rows: { label: string; value: (r: SimulationResult) => string }[] = [
  {
    label: 'Design, weight, seed',
    value: (r) => `${r.scenario.design}, ${r.scenario.weight}, ${r.scenario.seed}`,
  },
  { label: 'Provers', value: (r) => count(r.scenario.provers) },
  { label: 'Blocks proposed', value: (r) => `${count(r.blocks)} (${count(r.refusedProposals)} refused)` },
  { label: 'Simulated time', value: (r) => `${(r.simulatedSeconds / 3_600).toFixed(1)} h` },
  { label: 'Proofs submitted', value: (r) => count(r.proofsSubmitted) },
  {
    label: 'Redundant proofs',
    value: (r) =>
      `${count(r.redundantProofs)} (${r.blocks ? (r.redundantProofs / r.blocks).toFixed(2) : '0'} per block)`,
  },
  {
    label: 'Open blocks',
    value: (r) => `${count(r.openBlocks)} (${count(r.emergencyBlocks)} in emergency mode)`,
  },
  { label: 'Emergency episodes', value: (r) => count(r.emergencyEpisodes.length) },
  { label: 'Late proofs (slashes)', value: (r) => `${count(r.lateProofs)} (${count(r.slashes)})` },
  { label: 'Unproven at the end', value: (r) => count(r.unprovenBlocks) },
  { label: 'Fee per gas at the end', value: (r) => `${gwei(r.finalFeePerGas)} gwei` },
  {
    label: 'Treasury: start → end',
    value: (r) => `${tko(r.treasury.start, 4)} → ${tko(r.treasury.end, 4)} TKO`,
  },
  { label: 'Treasury: lowest', value: (r) => `${tko(r.treasury.min, 4)} TKO` },
  {
    label: 'Treasury emptied',
    value: (r) =>
      r.treasury.firstEmptied
        ? `${count(r.treasury.emptied)} times, first in hour ${r.treasury.firstEmptied.hours.toFixed(1)}`
        : 'never',
  },
  { label: 'Rewards owed (unpaid)', value: (r) => `${tko(r.treasury.owed, 4)} TKO` },
  { label: 'Rewards paid', value: (r) => `${tko(r.rewardsPaid, 4)} TKO` },
  {
    label: 'Largest batch',
    value: (r) => (r.batches.largest > 1 ? `${r.batches.largest} blocks` : 'no batching'),
  },
  {
    label: 'Underbidder vs a peer',
    value: (r) =>
      r.underbidding
        ? `${r.underbidding.underbidderBlocks} vs ${r.underbidding.peerMeanBlocks.toFixed(1)} blocks (${r.underbidding.ratio.toFixed(2)}×)`
        : '—',
  },
]

/** The runs' totals, one column per run. */
export function SummaryTable({ runs }: { runs: RunOutput[] }) {
  return (
    <div className={table.wrapper}>
      <table className={table.table}>
        <caption className={table.caption}>Summary of the simulation runs</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              Measure
            </th>
            {runs.map((run) => (
              <th key={run.name} scope="col" className={table.thNumeric}>
                Run {run.name}: {run.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className={table.tr}>
              <th scope="row" className={`${table.td} text-left font-medium`}>
                {row.label}
              </th>
              {runs.map((run) => (
                <td key={run.name} className={table.tdNumeric}>
                  {row.value(run.result)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
