import type { Metadata } from 'next'
import { PageHeader } from '@/components/layout/page-header'
import type { FormState, PresetChoice } from '@/components/simulator/scenario-form'
import { SimulatorView } from '@/components/simulator/simulator-view'
import { presets } from '@/lib/simulator/presets'
import { defaultProverGroup, ScenarioError } from '@/lib/simulator/scenario'
import { decodeShared } from '@/lib/simulator/share-read'

export const metadata: Metadata = { title: 'Simulator' }

/** Reads a shared scenario from the URL (`?s=…&vs=…`), or starts from the first preset. */
function initialState(params: Record<string, string | string[] | undefined>): {
  state: FormState
  linkError: string | null
} {
  const first = presets[0]!
  const fallback: FormState = { presetId: first.id, scenario: first.scenario, compare: first.compare }
  const get = (name: string) => {
    const v = params[name]
    return typeof v === 'string' ? v : null
  }
  try {
    const shared = decodeShared({ get })
    if (!shared) return { state: fallback, linkError: null }
    const preset = presets.find((p) => JSON.stringify(p.scenario) === JSON.stringify(shared.scenario))
    return { state: { presetId: preset?.id ?? 'custom', ...shared }, linkError: null }
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error
    return { state: fallback, linkError: `The link’s scenario was not loaded: ${error.message}` }
  }
}

export default async function SimulatePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { state, linkError } = initialState(await searchParams)
  // Handed to the client as data, so the page's JavaScript carries no preset and no validation code.
  const choices: PresetChoice[] = presets.map(({ id, title, shows, scenario, compare }) => ({
    id,
    title,
    shows,
    scenario,
    compare,
  }))
  return (
    <div className="space-y-6">
      <PageHeader title="Simulator">
        Thousands of blocks on the pool model — the same state machine the contracts are tested against — or
        on the open race it replaces. Replay R gaming, a slashing cascade or a demand spike before you stake
        or vote.
      </PageHeader>
      <SimulatorView initial={state} linkError={linkError} presets={choices} newGroup={defaultProverGroup} />
    </div>
  )
}
