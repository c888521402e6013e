import type { Design, WeightVariant } from './scenario'

/**
 * What a run produced. Token amounts are wei as decimal strings (JSON has no bigint); fees and bids are
 * wei per gas, also as decimal strings. `series` is for charts: plain numbers in display units.
 */
export type SimulationResult = {
  scenario: { name: string; seed: number; design: Design; weight: WeightVariant; provers: number }
  /** Proposals the pool accepted (the race accepts every one). */
  blocks: number
  /** Proposals refused because `maxOpenBlocks` open blocks were unproven. */
  refusedProposals: number
  /** Blocks proposed open (no prover assigned: emergency mode, or no eligible prover with capacity). */
  openBlocks: number
  /** Blocks proposed while emergency mode was on. */
  emergencyBlocks: number
  /** Proofs that provers finished and sent, one per block (a batch of k counts k). */
  proofsSubmitted: number
  /** Of those, proofs of a block someone had already proven: wasted work. */
  redundantProofs: number
  /** Blocks proven after their window (the assigned prover is slashed for each). */
  lateProofs: number
  slashes: number
  /** Blocks still unproven when the run stopped. */
  unprovenBlocks: number
  finalFeePerGas: string
  /**
   * TKO in the treasury (wei): after the initial funding, at the end, the lowest it went, and rewards owed
   * for lack of it. `emptied`: proofs after which it held nothing beyond what it owes (a reward was cut and owed);
   * `firstEmptied`: when that first happened.
   */
  treasury: {
    start: string
    end: string
    min: string
    owed: string
    emptied: number
    firstEmptied: { block: number; hours: number } | null
  }
  /** Total rewards credited to provers (wei), and how many proof calls carried 1, 2, … blocks. */
  rewardsPaid: string
  batches: { calls: number; largest: number; sizes: Record<string, number> }
  emergencyEpisodes: EmergencyEpisode[]
  /** Calls the model refused that the engine did not expect (0 in a healthy run), by error name. */
  unexpectedReverts: Record<string, number>
  /** Simulated time, seconds. */
  simulatedSeconds: number
  provers: ProverResult[]
  /** The #14098 experiment: blocks per underbidder against the mean of the others (present when marked). */
  underbidding: { underbidderBlocks: number; peerMeanBlocks: number; ratio: number } | null
}

export type ProverResult = {
  id: number
  address: string
  label: string
  /** Stake at the end (wei): active stake plus anything queued for exit. */
  stake: string
  initialStake: string
  /** Stated R at the end, wei per gas. */
  rewardPerGas: string
  /** Selection weight at the end (0 when not in the active list; the race has none). */
  weight: string
  status: 'active' | 'exiting' | 'waiting'
  /** Times it entered the active list, and times it was evicted from it. */
  joins: number
  evictions: number
  blocksAssigned: number
  blocksProven: number
  proofsSubmitted: number
  redundantProofs: number
  slashes: number
  slashed: string
  healthBps: number
  /** Rewards credited (wei). */
  rewards: string
  costPerGas: string
  underbidder: boolean
}

export type EmergencyEpisode = {
  reason: 'congestion' | 'proverFailure'
  startBlock: number
  startHour: number
  /** Backlog the entry was decided on. */
  startBacklog: number
  endBlock: number | null
  endHour: number | null
  /** Backlog the exit was decided on (≤ congestionBacklog / 4 by the rule). */
  endBacklog: number | null
}

/** One sample of the run, in display units (gwei per gas, TKO, hours). */
export type SeriesPoint = {
  block: number
  hours: number
  feeGwei: number
  /** Mean true cost per gas of the active provers (of all provers in the race). */
  costGwei: number
  treasuryTko: number
  owedTko: number
  backlog: number
  openBlocks: number
  /** 0 off, 1 congestion, 2 prover failure. */
  emergency: number
  batchSize: number
  /** Largest batch proven since the previous sample. */
  maxBatch: number
  proofs: number
  redundant: number
  late: number
  slashes: number
  slashedTko: number
  rewardsTko: number
  /** Rewards paid per gas proven since the previous sample (what provers were actually paid). */
  paidPerGasGwei: number
  meanHealthPct: number
  minHealthPct: number
  activeProvers: number
}

export const seriesColumns = [
  'block',
  'hours',
  'feeGwei',
  'costGwei',
  'treasuryTko',
  'owedTko',
  'backlog',
  'openBlocks',
  'emergency',
  'batchSize',
  'maxBatch',
  'proofs',
  'redundant',
  'late',
  'slashes',
  'slashedTko',
  'rewardsTko',
  'paidPerGasGwei',
  'meanHealthPct',
  'minHealthPct',
  'activeProvers',
] as const satisfies readonly (keyof SeriesPoint)[]
