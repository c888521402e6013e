/// <reference lib="webworker" />
/**
 * The simulator's Web Worker: runs `Simulation` (lib/simulator) off the main thread, in steps, posting
 * progress about ten times a second and stopping between steps when told to cancel. Bundled by Next as a
 * same-origin script (no blob: URL), so a strict Content-Security-Policy keeps it working.
 */
import { Simulation } from '@/lib/simulator/engine'
import { parseScenario, ScenarioError } from '@/lib/simulator/scenario'
import type { FromWorker, ToWorker } from './worker-protocol'

declare const self: DedicatedWorkerGlobalScope

const cancelled = new Set<number>()
const post = (message: FromWorker) => self.postMessage(message)
/** Lets queued messages (a cancel) in between two steps. */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

async function run(runId: number, inputs: unknown[]): Promise<void> {
  // Every scenario is checked (and the pool's config validated) before the first block: the page sends
  // what the form holds, and this is where it is checked.
  const simulations = inputs.map((input) => new Simulation(parseScenario(input)))
  for (const [index, simulation] of simulations.entries()) {
    let lastPost = 0
    while (!simulation.done) {
      const started = performance.now()
      // Steps of about 50 ms: small enough to cancel at once, large enough to cost nothing.
      while (!simulation.done && performance.now() - started < 50) simulation.step({ blocks: 250 })
      if (performance.now() - lastPost > 100 || simulation.done) {
        const p = simulation.progress
        post({ type: 'progress', runId, index, blocks: p.blocks, total: p.total, hours: p.hours })
        lastPost = performance.now()
      }
      await yieldToMessages()
      if (cancelled.has(runId)) {
        cancelled.delete(runId)
        post({ type: 'cancelled', runId, index })
        return
      }
    }
    post({ type: 'result', runId, index, result: simulation.result(), series: simulation.series() })
  }
  post({ type: 'done', runId })
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data
  if (message.type === 'cancel') {
    cancelled.add(message.runId)
    return
  }
  if (message.type === 'run') {
    run(message.runId, message.scenarios).catch((error: unknown) => {
      if (error instanceof ScenarioError)
        post({ type: 'error', runId: message.runId, message: error.message, path: error.path })
      else
        post({
          type: 'error',
          runId: message.runId,
          message: `The simulation failed: ${error instanceof Error ? error.message : String(error)}`,
          path: null,
        })
    })
  }
}
