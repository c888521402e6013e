/**
 * Scenarios: a sequence of phases, each setting the bots' `Conditions` until something happens on
 * chain (emergency on or off) or a time limit passes. `npm start -- --scenario <name>`.
 */
import { type Conditions, normalConditions } from './config'

export type PhaseEnd =
  /** Runs until the run stops. */
  | { kind: 'never' }
  /** After `ms`. */
  | { kind: 'after'; ms: number }
  /** When emergency mode is `active` (and, for off, the backlog is at most `maxBacklog`), or after `timeoutMs`. */
  | { kind: 'emergency'; active: boolean; maxBacklog?: number; timeoutMs: number }

export type Phase = {
  name: string
  /** What the log says when the phase starts. */
  says: string
  conditions: Conditions
  end: PhaseEnd
}

export type Scenario = {
  name: string
  description: string
  phases: readonly Phase[]
}

const normal: Phase = {
  name: 'normal',
  says: 'steady traffic',
  conditions: normalConditions,
  end: { kind: 'never' },
}

export const scenarios: Record<string, Scenario> = {
  normal: {
    name: 'normal',
    description: 'steady traffic: a block every 3 s, provers prove by their profiles, the racer mops up',
    phases: [normal],
  },
  congestion: {
    name: 'congestion',
    description:
      'after a warm-up the proposer floods and provers slow down until the backlog forces emergency mode and batching, then traffic calms and the pool recovers',
    phases: [
      { ...normal, name: 'warm-up', says: 'steady traffic for 30 s', end: { kind: 'after', ms: 30_000 } },
      {
        name: 'surge',
        says: 'proposer floods (a block every 0.4 s), provers 2.5× slower, nobody races open or late blocks',
        conditions: { proposerIntervalMs: 400, proverDelayFactor: 2.5, racing: false },
        end: { kind: 'emergency', active: true, timeoutMs: 300_000 },
      },
      {
        name: 'peak',
        says: 'emergency is on: the flood goes on for 30 s, open blocks pile up to the cap',
        conditions: { proposerIntervalMs: 400, proverDelayFactor: 2.5, racing: false },
        end: { kind: 'after', ms: 30_000 },
      },
      {
        name: 'recovery',
        says: 'traffic calms (a block every 6 s), provers back to speed, racers prove the pile in batches',
        conditions: { proposerIntervalMs: 6_000, proverDelayFactor: 0.5, racing: true },
        end: { kind: 'emergency', active: false, timeoutMs: 600_000 },
      },
      { ...normal, says: 'recovered: back to steady traffic' },
    ],
  },
}

export function scenarioNames(): string[] {
  return Object.keys(scenarios)
}
