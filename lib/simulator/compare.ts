import type { Scenario } from './scenario'

/** What the second run of a side-by-side changes: the weight, the design, or the seed. */
export type Compare = Partial<Pick<Scenario, 'weight' | 'design' | 'seed'>>

/** The second run of a side-by-side: `scenario` with `compare` applied and a name that says so. */
export function comparedScenario(scenario: Scenario, compare: Compare): Scenario {
  const changed = Object.entries(compare)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  return { ...structuredClone(scenario), ...compare, name: `${scenario.name} (${changed})` }
}
