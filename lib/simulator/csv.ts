import { type ProverResult, type SeriesPoint, seriesColumns } from './result'

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function field(value: string | number | boolean | null): string {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return ''
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function rows(lines: (string | number | boolean | null)[][]): string {
  return `${lines.map((line) => line.map(field).join(',')).join('\n')}\n`
}

/** The sampled series of one or more runs, one row per sample, `run` naming the run. */
export function seriesCsv(runs: { name: string; series: readonly SeriesPoint[] }[]): string {
  return rows([
    ['run', ...seriesColumns],
    ...runs.flatMap((run) => run.series.map((point) => [run.name, ...seriesColumns.map((c) => point[c])])),
  ])
}

const proverColumns = [
  'id',
  'address',
  'label',
  'underbidder',
  'status',
  'initialStake',
  'stake',
  'rewardPerGas',
  'weight',
  'costPerGas',
  'joins',
  'evictions',
  'blocksAssigned',
  'blocksProven',
  'proofsSubmitted',
  'redundantProofs',
  'slashes',
  'slashed',
  'healthBps',
  'rewards',
] as const satisfies readonly (keyof ProverResult)[]

/** Every prover of one or more runs (amounts in wei, as the JSON result has them). */
export function proversCsv(runs: { name: string; provers: readonly ProverResult[] }[]): string {
  return rows([
    ['run', ...proverColumns],
    ...runs.flatMap((run) => run.provers.map((p) => [run.name, ...proverColumns.map((c) => p[c])])),
  ])
}
