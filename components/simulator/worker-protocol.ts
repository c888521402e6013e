import type { SeriesPoint, SimulationResult } from '@/lib/simulator/result'
import type { Scenario } from '@/lib/simulator/scenario'

/** The messages between the /simulate page and its Web Worker (simulation.worker.ts). */
export type ToWorker =
  | { type: 'run'; runId: number; scenarios: Scenario[] }
  | { type: 'cancel'; runId: number }

export type FromWorker =
  | { type: 'progress'; runId: number; index: number; blocks: number; total: number; hours: number }
  | { type: 'result'; runId: number; index: number; result: SimulationResult; series: SeriesPoint[] }
  | { type: 'done'; runId: number }
  | { type: 'cancelled'; runId: number; index: number }
  | {
      type: 'error'
      runId: number
      message: string /** The scenario field at fault, if any. */
      path: string | null
    }
