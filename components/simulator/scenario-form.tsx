'use client'

import { useState } from 'react'
import type { Compare } from '@/lib/simulator/compare'
import type { Preset, PresetId } from '@/lib/simulator/presets'
import type { ProverGroup, Scenario } from '@/lib/simulator/scenario'
import { buttonClass, NumberField, SelectField } from './inputs'
import { ProverGroups } from './prover-groups'

export type FormState = { presetId: PresetId | 'custom'; scenario: Scenario; compare: Compare | null }
/** A preset as the server hands it to the page. */
export type PresetChoice = Pick<Preset, 'id' | 'title' | 'shows' | 'scenario' | 'compare'>

const designOptions = [
  { value: 'pool', label: 'pool (this protocol)' },
  { value: 'race', label: 'open race' },
] as const
const weightOptions = [
  { value: 'hardened', label: 'hardened (R floored at 0.95·F)' },
  { value: 'seed', label: 'seed (A·F²/R²)' },
] as const

function median(d: Scenario['demand']['gasUsed']): number {
  return d.kind === 'fixed' ? d.value : d.kind === 'uniform' ? (d.min + d.max) / 2 : d.median
}

/**
 * The scenario: a preset to start from, the common settings as fields, every other setting (bursts,
 * incidents, any `Config` field) in the JSON editor, and the second run of a comparison.
 */
export function ScenarioForm({
  state,
  onChange,
  invalidPath,
  presets,
  newGroup,
}: {
  state: FormState
  onChange: (state: FormState) => void
  /** The field the last check rejected (`blocks`, `provers[0].count`, …), marked invalid. */
  invalidPath: string | null
  presets: readonly PresetChoice[]
  newGroup: ProverGroup
}) {
  const { scenario, compare } = state
  const set = (changes: Partial<Scenario>) =>
    onChange({ ...state, presetId: 'custom', scenario: { ...scenario, ...changes } })
  const bad = (path: string) => invalidPath === path || invalidPath?.startsWith(`${path}.`) === true

  return (
    <div className="space-y-5">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          id="preset"
          label="Preset"
          value={state.presetId}
          options={[
            ...presets.map((p) => ({ value: p.id, label: p.title })),
            { value: 'custom', label: 'Custom' },
          ]}
          onChange={(id) => {
            const preset = presets.find((p) => p.id === id)
            if (preset)
              onChange({
                presetId: preset.id,
                scenario: structuredClone(preset.scenario),
                compare: preset.compare,
              })
          }}
        />
        <NumberField
          id="blocks"
          label="Blocks"
          step={1}
          min={1}
          value={scenario.blocks}
          invalid={bad('blocks')}
          onChange={(blocks) => set({ blocks })}
        />
        <NumberField
          id="seed"
          label="Seed"
          step={1}
          min={0}
          value={scenario.seed}
          invalid={bad('seed')}
          onChange={(seed) => set({ seed })}
        />
        <SelectField
          id="design"
          label="Design"
          value={scenario.design}
          options={designOptions}
          onChange={(design) => set({ design })}
        />
        <SelectField
          id="weight"
          label="Weight"
          value={scenario.weight}
          options={weightOptions}
          onChange={(weight) => set({ weight })}
        />
        <NumberField
          id="blocks-per-hour"
          label="Blocks per hour"
          min={0}
          value={scenario.demand.blocksPerHour}
          invalid={bad('demand.blocksPerHour')}
          onChange={(blocksPerHour) => set({ demand: { ...scenario.demand, blocksPerHour } })}
        />
        <NumberField
          id="gas-used"
          label="Gas per block (median)"
          step={1}
          min={1}
          value={median(scenario.demand.gasUsed)}
          invalid={bad('demand.gasUsed')}
          onChange={(gas) =>
            set({
              demand: {
                ...scenario.demand,
                gasUsed: {
                  kind: 'lognormal',
                  median: gas,
                  sigma: scenario.demand.gasUsed.kind === 'lognormal' ? scenario.demand.gasUsed.sigma : 0.5,
                },
              },
            })
          }
        />
        <NumberField
          id="treasury"
          label="Treasury at the start (TKO)"
          min={0}
          value={scenario.pool.treasuryTko}
          invalid={bad('pool.treasuryTko')}
          onChange={(treasuryTko) => set({ pool: { ...scenario.pool, treasuryTko } })}
        />
        <NumberField
          id="initial-fee"
          label="Fee per gas at the start (gwei)"
          min={0}
          value={scenario.pool.initialFeePerGasGwei}
          invalid={bad('pool.initialFeePerGasGwei')}
          onChange={(initialFeePerGasGwei) => set({ pool: { ...scenario.pool, initialFeePerGasGwei } })}
        />
        <SelectField
          id="timing"
          label="Config timing"
          value={scenario.pool.base}
          options={[
            { value: 'default', label: 'production (windows of minutes)' },
            { value: 'demo', label: 'local demo (seconds)' },
          ]}
          onChange={(base) => set({ pool: { ...scenario.pool, base } })}
        />
      </div>

      {presets.find((p) => p.id === state.presetId) ? (
        <p className="text-sm text-slate-700">{presets.find((p) => p.id === state.presetId)?.shows}</p>
      ) : null}

      <ProverGroups groups={scenario.provers} onChange={(provers) => set({ provers })} newGroup={newGroup} />

      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-800">Side by side</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={compare !== null}
            onChange={(e) =>
              onChange({
                ...state,
                compare: e.target.checked
                  ? { weight: scenario.weight === 'seed' ? 'hardened' : 'seed' }
                  : null,
              })
            }
          />
          Compare with a second run (B): the same scenario with one thing changed
        </label>
        {compare ? (
          <div className="mt-2 grid gap-3 sm:grid-cols-3">
            <SelectField
              id="compare-weight"
              label="B: weight"
              value={compare.weight ?? scenario.weight}
              options={weightOptions}
              onChange={(weight) => onChange({ ...state, compare: { ...compare, weight } })}
            />
            <SelectField
              id="compare-design"
              label="B: design"
              value={compare.design ?? scenario.design}
              options={designOptions}
              onChange={(design) => onChange({ ...state, compare: { ...compare, design } })}
            />
            <NumberField
              id="compare-seed"
              label="B: seed"
              step={1}
              min={0}
              value={compare.seed ?? scenario.seed}
              onChange={(seed) => onChange({ ...state, compare: { ...compare, seed } })}
            />
          </div>
        ) : null}
      </fieldset>

      <ScenarioJson
        scenario={scenario}
        onApply={(next) => onChange({ ...state, presetId: 'custom', scenario: next })}
      />
    </div>
  )
}

/** Every setting as JSON (the shape `npm run simulate -- --scenario FILE` reads), checked before it applies. */
function ScenarioJson({ scenario, onApply }: { scenario: Scenario; onApply: (scenario: Scenario) => void }) {
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const shown = text ?? JSON.stringify(scenario, null, 2)
  return (
    <details className="rounded-md border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-semibold text-slate-800">
        All settings as JSON (bursts, incidents, every Config field)
      </summary>
      <label htmlFor="scenario-json" className="mt-2 block text-xs font-medium text-slate-700">
        Scenario JSON
      </label>
      <textarea
        id="scenario-json"
        value={shown}
        onChange={(e) => setText(e.target.value)}
        rows={16}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'scenario-json-error' : undefined}
        className="mt-1 w-full rounded-md border border-slate-400 bg-white p-2 font-mono text-xs"
      />
      {error ? (
        <p id="scenario-json-error" role="alert" className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={async () => {
            // The checks are loaded when first needed (they are the worker's, not the page's, to carry).
            const { parseScenario, ScenarioError } = await import('@/lib/simulator/scenario')
            try {
              onApply(parseScenario(JSON.parse(shown)))
              setText(null)
              setError(null)
            } catch (e) {
              setError(
                e instanceof ScenarioError
                  ? `Not applied: ${e.message}`
                  : `Not applied: the text is not JSON (${e instanceof Error ? e.message : String(e)})`,
              )
            }
          }}
        >
          Apply JSON
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() => {
            setText(null)
            setError(null)
          }}
        >
          Reset to the form
        </button>
      </div>
    </details>
  )
}
