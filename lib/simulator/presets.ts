import type { Compare } from './compare'
import { defaultProverGroup, defaultScenario, type ProverGroup, type Scenario } from './scenario'

export { type Compare, comparedScenario } from './compare'

/**
 * A ready scenario for the page and the CLI, and what it shows. `compare` (when set) names the second run
 * of a side-by-side: the same scenario and seed with these fields changed.
 */
export type Preset = {
  id: PresetId
  title: string
  shows: string
  scenario: Scenario
  compare: Compare | null
}
export type PresetId = 'steady' | 'rGaming' | 'cascade' | 'congestion' | 'raceVsPool'

function scenario(name: string, changes: Partial<Scenario>): Scenario {
  return { ...defaultScenario(), name, ...changes }
}

function group(changes: Partial<ProverGroup>): ProverGroup {
  return { ...structuredClone(defaultProverGroup), ...changes }
}

/**
 * The #14098 experiment: `count` identical provers (same stake and capacity) bidding R = F, plus one more,
 * identical but bidding R = `fraction`·F (both re-stated whenever the cooldown allows, so they track F).
 */
export function underbidderPopulation(
  count: number,
  fraction: number,
  template: ProverGroup = defaultProverGroup,
) {
  const peer = {
    ...structuredClone(template),
    label: 'peers',
    count,
    stakeTko: { kind: 'fixed' as const, value: 20_000 },
    strategy: { kind: 'followF' as const, fraction: 1 },
  }
  const underbidder: ProverGroup = {
    ...peer,
    label: 'underbidder',
    count: 1,
    strategy: { kind: 'followF', fraction },
    underbidder: true,
  }
  return [peer, underbidder]
}

export const presets: readonly Preset[] = [
  {
    id: 'steady',
    title: 'Steady pool',
    shows:
      'Two kinds of provers asking cost + 30 %: F settles between their asks, each prover wins blocks in proportion to its stake, and no proof is wasted. The treasury pays up to 1.1·R′ per gas against a fee of F per gas, so with no slashes to refill it, it runs dry, and from then on provers are paid what the fee brings in.',
    scenario: scenario('Steady pool', {
      blocks: 20_000,
      provers: [
        group({
          label: 'efficient',
          count: 16,
          costPerGasGwei: 0.7,
          strategy: { kind: 'costPlus', markup: 1.3 },
        }),
        group({
          label: 'standard',
          count: 16,
          costPerGasGwei: 0.9,
          strategy: { kind: 'costPlus', markup: 1.3 },
        }),
      ],
      pool: { ...defaultScenario().pool, treasuryTko: 0.6 },
    }),
    compare: null,
  },
  {
    id: 'rGaming',
    title: 'R gaming (seed vs hardened)',
    shows:
      'Taiko testnet, PR #14098: one prover bids R = F/2 among equals bidding R = F. With the seed weight A·F²/R² it wins about four times as many blocks as each of them, while still being paid 0.95·F; with the hardened weight (R floored at 0.95·F) it wins about 1.1 times as many — what any bid at the floor gets.',
    scenario: scenario('R gaming', {
      blocks: 20_000,
      provers: underbidderPopulation(32, 0.5),
      weight: 'hardened',
    }),
    compare: { weight: 'seed' },
  },
  {
    id: 'cascade',
    title: 'Slashing cascade',
    shows:
      'Taiko testnet, issue #14216: for two hours every proof takes twelve times as long, longer than the window. Assigned provers miss their windows and are slashed block after block; as their capacity fills and the backlog grows, the prover-failure emergency opens new blocks to racing, and the slashing stops until the provers recover.',
    scenario: scenario('Slashing cascade', {
      blocks: 8_000,
      provers: [group({ count: 32, capacity: 4, failureRate: 0.001 })],
      incidents: [{ startHour: 8, endHour: 10, groups: [], proofTimeMultiplier: 12, failureRate: null }],
      pool: { ...defaultScenario().pool, treasuryTko: 1 },
    }),
    compare: null,
  },
  {
    id: 'congestion',
    title: 'Congestion → emergency → batching',
    shows:
      'Demand jumps tenfold for two hours. The backlog climbs past the batching threshold (proofs start carrying several blocks), then past the congestion threshold (emergency mode: new blocks are open and raced), and falls back; emergency mode leaves only once the backlog is down to a quarter of the threshold.',
    scenario: scenario('Congestion', {
      blocks: 12_000,
      provers: [
        group({ count: 32, capacity: 8, proofTimeSeconds: { kind: 'lognormal', median: 300, sigma: 0.3 } }),
      ],
      demand: { ...defaultScenario().demand, bursts: [{ startHour: 6, endHour: 8, multiplier: 10 }] },
      pool: { ...defaultScenario().pool, initialAvgProofDelaySeconds: 300 },
    }),
    compare: null,
  },
  {
    id: 'raceVsPool',
    title: 'Open race vs pool',
    shows:
      'The redundancy the pool exists to end. In the open race every prover proves every block and all but the first proof are wasted: about N − 1 redundant proofs per block with N provers. The pool assigns each block to one prover and wastes proofs only on the rare open or late block.',
    scenario: scenario('Open race vs pool', {
      blocks: 5_000,
      provers: [group({ count: 32, failureRate: 0.001 })],
      design: 'pool',
    }),
    compare: { design: 'race' },
  },
]

export function presetById(id: string): Preset | undefined {
  return presets.find((p) => p.id === id)
}
