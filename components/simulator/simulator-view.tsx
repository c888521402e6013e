'use client'

import dynamic from 'next/dynamic'
import { useCallback, useState } from 'react'
import { Card } from '@/components/ui/card'
import { Notice } from '@/components/ui/notice'
import { comparedScenario } from '@/lib/simulator/compare'
import type { ProverGroup, Scenario } from '@/lib/simulator/scenario'
import { encodeShared } from '@/lib/simulator/share'
import { buttonClass } from './inputs'
import type { RunOutput } from './run-output'
import { type FormState, type PresetChoice, ScenarioForm } from './scenario-form'
import { useSimulationWorker } from './use-simulation-worker'

// The results (table, exports, charts) load once there are results: the page's own JavaScript stays small.
const ResultsPanel = dynamic(() => import('./results-panel'), {
  ssr: false,
  loading: () => <div style={{ height: 240 }} className="animate-pulse rounded bg-slate-100" />,
})

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; run: number; runs: number; blocks: number; total: number }
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string }

const names = ['A', 'B'] as const

function statusText(status: Status): string {
  switch (status.kind) {
    case 'running': {
      const which = status.runs > 1 ? ` ${names[status.run]} (${status.run + 1} of ${status.runs})` : ''
      return `Running${which}: ${status.blocks.toLocaleString('en-US')} of ${status.total.toLocaleString('en-US')} blocks`
    }
    case 'done':
      return 'Done.'
    case 'cancelled':
      return 'Cancelled.'
    case 'error':
      return status.message
    case 'idle':
      return 'Ready.'
  }
}

/**
 * The simulator page: the scenario form, the run with its progress and cancel, and the results of one run
 * or two side by side. The engine runs in a Web Worker, which also checks the scenario; nothing here
 * touches a wallet or the chain.
 */
export function SimulatorView({
  initial,
  linkError,
  presets,
  newGroup,
}: {
  initial: FormState
  linkError: string | null
  presets: readonly PresetChoice[]
  newGroup: ProverGroup
}) {
  const [form, setForm] = useState<FormState>(initial)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [shown, setShown] = useState<{ runs: RunOutput[]; scenario: Scenario } | null>(null)
  const [problem, setProblem] = useState<{ path: string | null; message: string } | null>(
    linkError ? { path: null, message: linkError } : null,
  )
  const worker = useSimulationWorker()
  const running = status.kind === 'running'

  const start = useCallback(() => {
    const scenario = form.scenario
    const scenarios = form.compare ? [scenario, comparedScenario(scenario, form.compare)] : [scenario]
    const finished: RunOutput[] = []
    setProblem(null)
    setStatus({ kind: 'running', run: 0, runs: scenarios.length, blocks: 0, total: scenario.blocks })
    worker.run(scenarios, {
      onProgress: (index, blocks, total) =>
        setStatus({ kind: 'running', run: index, runs: scenarios.length, blocks, total }),
      onResult: (index, result, series) => {
        finished.push({ name: names[index]!, title: scenarios[index]!.name, result, series })
      },
      onDone: () => {
        setShown({ runs: [...finished], scenario })
        setStatus({ kind: 'done' })
        // The URL now names this scenario: share it, reload it, come back to it.
        window.history.replaceState(null, '', `?${encodeShared({ scenario, compare: form.compare })}`)
      },
      onCancelled: () => setStatus({ kind: 'cancelled' }),
      onError: (message, path) => {
        if (path !== null) {
          setProblem({ path, message })
          setStatus({ kind: 'idle' })
        } else setStatus({ kind: 'error', message })
      },
    })
  }, [form, worker])

  const progress = status.kind === 'running' ? status : null
  const percent = progress ? Math.floor((100 * progress.blocks) / Math.max(1, progress.total)) : 0

  return (
    <div className="space-y-6">
      <Card
        id="scenario"
        title="Scenario"
        description="Start from a preset, change what you like. Runs are deterministic: the same scenario and seed give the same numbers."
      >
        {/* noValidate: the scenario checks (in the worker) say what is wrong in words, field by field. */}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            if (!running) start()
          }}
        >
          <ScenarioForm
            state={form}
            onChange={setForm}
            invalidPath={problem?.path ?? null}
            presets={presets}
            newGroup={newGroup}
          />
          {problem ? (
            <div className="mt-4">
              <Notice tone="danger" title="This scenario cannot run" live="alert">
                <p>{problem.message}</p>
              </Notice>
            </div>
          ) : null}
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <button type="submit" className={buttonClass.primary} disabled={running}>
              {form.compare ? 'Run A and B' : 'Run'}
            </button>
            <button
              type="button"
              className={buttonClass.secondary}
              disabled={!running}
              onClick={worker.cancel}
            >
              Cancel
            </button>
            <div className="min-w-64 flex-1">
              <progress
                aria-label="Simulation progress"
                className="h-2 w-full"
                max={100}
                value={status.kind === 'done' ? 100 : percent}
              />
              <p role="status" className="text-sm text-slate-700">
                {statusText(status)}
              </p>
            </div>
          </div>
        </form>
      </Card>

      {shown ? <ResultsPanel runs={shown.runs} scenario={shown.scenario} /> : null}
    </div>
  )
}
