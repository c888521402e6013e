import type { ProverGroup, RewardStrategy } from '@/lib/simulator/scenario'
import { buttonClass, NumberField, SelectField } from './inputs'

const strategyOptions = [
  { value: 'followF', label: 'R = x·F, re-stated' },
  { value: 'fractionOfF', label: 'R = x·F at joining' },
  { value: 'atF', label: 'R = F at joining' },
  { value: 'fixed', label: 'fixed R (gwei)' },
  { value: 'costPlus', label: 'cost × markup' },
] as const

function strategyOf(kind: RewardStrategy['kind'], previous: RewardStrategy): RewardStrategy {
  const x = 'fraction' in previous ? previous.fraction : 'markup' in previous ? previous.markup : 1
  switch (kind) {
    case 'fixed':
      return { kind, gwei: 'gwei' in previous ? previous.gwei : 1 }
    case 'atF':
      return { kind }
    case 'fractionOfF':
    case 'followF':
      return { kind, fraction: x }
    case 'costPlus':
      return { kind, markup: x }
  }
}

function strategyParameter(s: RewardStrategy): { label: string; value: number } | null {
  if (s.kind === 'fixed') return { label: 'R (gwei/gas)', value: s.gwei }
  if (s.kind === 'fractionOfF' || s.kind === 'followF') return { label: 'x (of F)', value: s.fraction }
  if (s.kind === 'costPlus') return { label: 'markup', value: s.markup }
  return null
}

function withParameter(s: RewardStrategy, value: number): RewardStrategy {
  if (s.kind === 'fixed') return { ...s, gwei: value }
  if (s.kind === 'fractionOfF' || s.kind === 'followF') return { ...s, fraction: value }
  if (s.kind === 'costPlus') return { ...s, markup: value }
  return s
}

/** Stake as a range: equal bounds mean a fixed stake. Other shapes (lognormal) show their median. */
function stakeBounds(g: ProverGroup): [number, number] {
  const d = g.stakeTko
  if (d.kind === 'fixed') return [d.value, d.value]
  if (d.kind === 'uniform') return [d.min, d.max]
  return [d.median, d.median]
}

/** The prover groups of a scenario, one fieldset each: everything a group has but its incidents. */
export function ProverGroups({
  groups,
  onChange,
  newGroup,
}: {
  groups: ProverGroup[]
  onChange: (groups: ProverGroup[]) => void
  /** What "Add a prover group" adds (the scenario defaults). */
  newGroup: ProverGroup
}) {
  const update = (i: number, changes: Partial<ProverGroup>) =>
    onChange(groups.map((g, j) => (j === i ? { ...g, ...changes } : g)))
  return (
    <div className="space-y-3">
      {groups.map((g, i) => {
        const id = `group-${i}`
        const [low, high] = stakeBounds(g)
        const parameter = strategyParameter(g.strategy)
        const proofMedian = g.proofTimeSeconds.kind === 'lognormal' ? g.proofTimeSeconds.median : Number.NaN
        return (
          <fieldset key={id} className="rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold text-slate-800">
              Prover group {i + 1}: {g.label}
              {g.underbidder ? ' (underbidder)' : ''}
            </legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-5">
              <div>
                <label htmlFor={`${id}-label`} className="block text-xs font-medium text-slate-700">
                  Label
                </label>
                <input
                  id={`${id}-label`}
                  value={g.label}
                  maxLength={40}
                  onChange={(e) => update(i, { label: e.target.value })}
                  className="mt-1 w-full rounded-md border border-slate-400 bg-white px-2 py-1 text-sm"
                />
              </div>
              <NumberField
                id={`${id}-count`}
                label="Provers"
                step={1}
                min={1}
                value={g.count}
                onChange={(count) => update(i, { count })}
              />
              <NumberField
                id={`${id}-stake-min`}
                label="Stake from (TKO)"
                min={1}
                value={low}
                onChange={(v) => update(i, { stakeTko: { kind: 'uniform', min: v, max: Math.max(v, high) } })}
              />
              <NumberField
                id={`${id}-stake-max`}
                label="Stake to (TKO)"
                min={1}
                value={high}
                onChange={(v) => update(i, { stakeTko: { kind: 'uniform', min: Math.min(low, v), max: v } })}
              />
              <NumberField
                id={`${id}-capacity`}
                label="Capacity C"
                step={1}
                min={1}
                value={g.capacity}
                onChange={(capacity) => update(i, { capacity })}
              />
              <SelectField
                id={`${id}-strategy`}
                label="Bid"
                value={g.strategy.kind}
                options={strategyOptions}
                onChange={(kind) => update(i, { strategy: strategyOf(kind, g.strategy) })}
              />
              {parameter ? (
                <NumberField
                  id={`${id}-strategy-x`}
                  label={parameter.label}
                  value={parameter.value}
                  onChange={(v) => update(i, { strategy: withParameter(g.strategy, v) })}
                />
              ) : (
                <div />
              )}
              <NumberField
                id={`${id}-proof-time`}
                label="Proof time, median (s)"
                min={1}
                value={proofMedian}
                onChange={(median) =>
                  update(i, {
                    proofTimeSeconds: {
                      kind: 'lognormal',
                      median,
                      sigma: g.proofTimeSeconds.kind === 'lognormal' ? g.proofTimeSeconds.sigma : 0.35,
                    },
                  })
                }
              />
              <NumberField
                id={`${id}-failure`}
                label="Failure rate (%)"
                min={0}
                value={Math.round(g.failureRate * 1e6) / 1e4}
                onChange={(v) => update(i, { failureRate: v / 100 })}
              />
              <NumberField
                id={`${id}-cost`}
                label="True cost (gwei/gas)"
                min={0}
                value={g.costPerGasGwei}
                onChange={(costPerGasGwei) => update(i, { costPerGasGwei })}
              />
            </div>
            {groups.length > 1 ? (
              <button
                type="button"
                className={`${buttonClass.secondary} mt-2`}
                onClick={() => onChange(groups.filter((_, j) => j !== i))}
              >
                Remove group {i + 1}
              </button>
            ) : null}
          </fieldset>
        )
      })}
      <button
        type="button"
        className={buttonClass.secondary}
        disabled={groups.length >= 8}
        onClick={() =>
          onChange([
            ...groups,
            { ...structuredClone(newGroup), label: `group ${groups.length + 1}`, count: 8 },
          ])
        }
      >
        Add a prover group
      </button>
    </div>
  )
}
