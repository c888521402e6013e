import type { Compare } from './compare'
import { parseScenario, ScenarioError } from './scenario'
import { fromBase64Url, type SharedRun } from './share'

/** Longest scenario text accepted from a URL (a preset is about 1.5 KB). */
const MAX_ENCODED = 64 * 1024

function parseCompare(input: unknown): Compare {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ScenarioError('compare', 'expected an object')
  const out: Compare = {}
  const c = input as Record<string, unknown>
  for (const key of Object.keys(c))
    if (key !== 'weight' && key !== 'design' && key !== 'seed')
      throw new ScenarioError(`compare.${key}`, 'only weight, design and seed can differ in the second run')
  // The same checks as the scenario's own fields.
  const checked = parseScenario({ weight: c.weight, design: c.design, seed: c.seed })
  if (c.weight !== undefined) out.weight = checked.weight
  if (c.design !== undefined) out.design = checked.design
  if (c.seed !== undefined) out.seed = checked.seed
  return out
}

/** The shared run in `params`, `null` if there is none; throws `ScenarioError` when it is malformed. */
export function decodeShared(params: { get(name: string): string | null }): SharedRun | null {
  const s = params.get('s')
  if (s === null) return null
  const read = (value: string, what: string): unknown => {
    if (value.length > MAX_ENCODED) throw new ScenarioError(what, `longer than ${MAX_ENCODED} characters`)
    try {
      return JSON.parse(fromBase64Url(value))
    } catch {
      throw new ScenarioError(what, 'the link is damaged (not base64url-encoded JSON)')
    }
  }
  const vs = params.get('vs')
  return {
    scenario: parseScenario(read(s, 'scenario')),
    compare: vs === null ? null : parseCompare(read(vs, 'compare')),
  }
}
