/**
 * The mechanism simulator: thousands of blocks on `PoolModel` (lib/pool-math), or on the open race it
 * replaces. Pure TypeScript, no I/O, no React; the CLI (scripts/simulate.ts) and the /simulate page's worker
 * both run it. docs/simulator.md.
 */
export { type Compare, comparedScenario } from './compare'
export { proversCsv, seriesCsv } from './csv'
export { Simulation, type SimulationOptions, type SimulationProgress, simulate } from './engine'
export { formatResult } from './format'
export type { PoolCall } from './pool-adapter'
export { type Preset, type PresetId, presetById, presets, underbidderPopulation } from './presets'
export type { EmergencyEpisode, ProverResult, SeriesPoint, SimulationResult } from './result'
export { seriesColumns } from './result'
export {
  type Design,
  type Distribution,
  defaultScenario,
  type Incident,
  LIMITS,
  type ProverGroup,
  parseScenario,
  type RewardStrategy,
  type Scenario,
  ScenarioError,
  type WeightVariant,
} from './scenario'
export { encodeShared, type SharedRun } from './share'
export { decodeShared } from './share-read'
