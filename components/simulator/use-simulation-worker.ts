'use client'

import { useCallback, useEffect, useRef } from 'react'
import type { SeriesPoint, SimulationResult } from '@/lib/simulator/result'
import type { Scenario } from '@/lib/simulator/scenario'
import type { FromWorker, ToWorker } from './worker-protocol'

export type RunHandlers = {
  onProgress: (index: number, blocks: number, total: number) => void
  onResult: (index: number, result: SimulationResult, series: SeriesPoint[]) => void
  onDone: () => void
  onCancelled: () => void
  /** `path`: the scenario field the worker's check rejected (the run never started), else null. */
  onError: (message: string, path: string | null) => void
}

/**
 * The simulator's Web Worker, created on the first run and kept for the next ones. `run` starts scenarios
 * one after the other; `cancel` stops the current run between two steps. Messages of an older run are
 * ignored, so a cancel followed at once by a new run cannot mix their results.
 */
export function useSimulationWorker() {
  const worker = useRef<Worker | null>(null)
  const current = useRef(0)

  useEffect(() => () => worker.current?.terminate(), [])

  const run = useCallback((scenarios: Scenario[], handlers: RunHandlers) => {
    if (!worker.current) {
      // A same-origin script that Next bundles: no blob: URL, no inline code (CSP-friendly).
      worker.current = new Worker(new URL('./simulation.worker.ts', import.meta.url), { name: 'simulator' })
    }
    const w = worker.current
    const runId = ++current.current
    w.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data
      if (m.runId !== current.current) return
      if (m.type === 'progress') handlers.onProgress(m.index, m.blocks, m.total)
      else if (m.type === 'result') handlers.onResult(m.index, m.result, m.series)
      else if (m.type === 'done') handlers.onDone()
      else if (m.type === 'cancelled') handlers.onCancelled()
      else handlers.onError(m.message, m.path)
    }
    w.onerror = (event) => {
      event.preventDefault()
      handlers.onError(`The simulation worker stopped: ${event.message || 'it could not be loaded'}`, null)
      worker.current?.terminate()
      worker.current = null
    }
    w.postMessage({ type: 'run', runId, scenarios } satisfies ToWorker)
  }, [])

  const cancel = useCallback(() => {
    worker.current?.postMessage({ type: 'cancel', runId: current.current } satisfies ToWorker)
  }, [])

  return { run, cancel }
}
