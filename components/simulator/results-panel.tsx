'use client'

import dynamic from 'next/dynamic'
import { useState } from 'react'
import { Card } from '@/components/ui/card'
import { proversCsv, seriesCsv } from '@/lib/simulator/csv'
import type { Scenario } from '@/lib/simulator/scenario'
import { buttonClass } from './inputs'
import type { RunOutput } from './run-output'
import { SummaryTable } from './summary-table'

// recharts comes in its own chunk, after the table.
const SimulatorCharts = dynamic(() => import('./simulator-charts'), {
  ssr: false,
  loading: () => <div style={{ height: 240 }} className="animate-pulse rounded bg-slate-100" />,
})

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1_000)
}

/** The results of one run, or of two side by side: the summary, the exports and the charts. */
export default function ResultsPanel({ runs, scenario }: { runs: RunOutput[]; scenario: Scenario }) {
  const [copied, setCopied] = useState(false)
  return (
    <Card
      id="results"
      title={runs.length > 1 ? 'Results: A and B side by side' : 'Results'}
      actions={
        <>
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() => download('simulation-series.csv', 'text/csv', seriesCsv(runs))}
          >
            Export CSV
          </button>
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() =>
              download(
                'simulation-provers.csv',
                'text/csv',
                proversCsv(runs.map((r) => ({ name: r.name, provers: r.result.provers }))),
              )
            }
          >
            Export provers CSV
          </button>
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() =>
              download('scenario.json', 'application/json', `${JSON.stringify(scenario, null, 2)}\n`)
            }
          >
            Export scenario JSON
          </button>
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              navigator.clipboard?.writeText(window.location.href).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }}
          >
            {copied ? 'Link copied' : 'Copy link'}
          </button>
        </>
      }
    >
      <div className="space-y-6">
        <SummaryTable runs={runs} />
        <SimulatorCharts runs={runs} />
      </div>
    </Card>
  )
}
