import { describe, expect, it } from 'vitest'
import { proversCsv, seriesCsv } from './csv'
import { Simulation } from './engine'
import { defaultScenario } from './scenario'

describe('CSV export', () => {
  const sim = new Simulation({ ...defaultScenario(), blocks: 300 }, { seriesPoints: 10 })
  const result = sim.run()

  it('writes one row per sample with a header, the run named in the first column', () => {
    const csv = seriesCsv([
      { name: 'A', series: sim.series() },
      { name: 'B, "second"', series: sim.series().slice(0, 2) },
    ])
    const lines = csv.trimEnd().split('\n')
    expect(lines[0]).toBe(
      'run,block,hours,feeGwei,costGwei,treasuryTko,owedTko,backlog,openBlocks,emergency,batchSize,maxBatch,proofs,redundant,late,slashes,slashedTko,rewardsTko,paidPerGasGwei,meanHealthPct,minHealthPct,activeProvers',
    )
    expect(lines).toHaveLength(1 + sim.series().length + 2)
    expect(lines[1]!.startsWith('A,0,0,1,')).toBe(true)
    expect(lines.at(-1)!.startsWith('"B, ""second""",')).toBe(true)
    // A sample with no proofs in it has no pay per gas: an empty field, not NaN.
    expect(lines[1]!.split(',')[18]).toBe('')
  })

  it('lists every prover with wei amounts', () => {
    const csv = proversCsv([{ name: 'A', provers: result.provers }])
    const lines = csv.trimEnd().split('\n')
    expect(lines).toHaveLength(1 + result.provers.length)
    expect(lines[1]).toContain(result.provers[0]!.initialStake)
  })
})
