import { describe, expect, it } from 'vitest'
import { presets } from './presets'
import { defaultScenario, parseScenario, ScenarioError } from './scenario'

function errorOf(input: unknown): ScenarioError {
  try {
    parseScenario(input)
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError)
    return error as ScenarioError
  }
  throw new Error('parseScenario accepted the input')
}

describe('parseScenario', () => {
  it('fills every missing field from the defaults', () => {
    expect(parseScenario({})).toEqual(defaultScenario())
    expect(parseScenario({ blocks: 5, design: 'race' })).toMatchObject({
      blocks: 5,
      design: 'race',
      weight: 'hardened',
    })
  })

  it('reads back what it wrote, for every preset (the page exports and the CLI imports this JSON)', () => {
    for (const preset of presets)
      expect(parseScenario(JSON.parse(JSON.stringify(preset.scenario)))).toEqual(preset.scenario)
  })

  it('names the first bad field and says what is wrong', () => {
    expect(errorOf(null).message).toBe('scenario: expected an object, got null')
    expect(errorOf({ blocks: 0 }).message).toBe('blocks: must be between 1 and 1000000, got 0')
    expect(errorOf({ blocks: 1.5 }).message).toBe('blocks: expected a whole number, got 1.5')
    expect(errorOf({ design: 'lottery' }).message).toBe('design: expected one of pool, race, got "lottery"')
    expect(errorOf({ provers: [] }).path).toBe('provers')
    expect(errorOf({ provers: [{ capacity: 300 }] }).path).toBe('provers[0].capacity')
    expect(errorOf({ provers: [{ count: 200 }, { count: 100 }] }).message).toContain('at most 256 provers')
    expect(errorOf({ provers: [{ strategy: { kind: 'followF' } }] }).path).toBe(
      'provers[0].strategy.fraction',
    )
    expect(errorOf({ demand: { gasUsed: { kind: 'uniform', min: 10, max: 5 } } }).path).toBe(
      'demand.gasUsed.max',
    )
    expect(errorOf({ demand: { blocksPerHour: Number.NaN } }).path).toBe('demand.blocksPerHour')
    expect(errorOf({ incidents: [{ startHour: 2, endHour: 1 }] }).path).toBe('incidents[0].endHour')
    expect(errorOf({ incidents: [{ startHour: 0, endHour: 1, groups: ['nobody'] }] }).message).toContain(
      'no prover group is labelled "nobody"',
    )
    expect(errorOf({ pool: { config: { slashBips: '1' } } }).message).toContain('not a Config field')
    expect(errorOf({ pool: { config: { slashBps: '-1' } } }).path).toBe('pool.config.slashBps')
    expect(errorOf({ version: 2 }).path).toBe('version')
  })

  it('takes Config overrides as whole numbers or decimal strings', () => {
    const s = parseScenario({ pool: { config: { slashBps: 200, baseMinStake: '1000000000000000000000' } } })
    expect(s.pool.config).toEqual({ slashBps: '200', baseMinStake: '1000000000000000000000' })
  })
})
