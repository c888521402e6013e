import type { SeriesPoint, SimulationResult } from '@/lib/simulator/result'

/** One finished run as the page shows it. */
export type RunOutput = {
  /** "A" or "B". */
  name: string
  title: string
  result: SimulationResult
  series: SeriesPoint[]
}
