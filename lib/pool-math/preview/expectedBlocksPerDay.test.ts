import { describe, expect, it } from 'vitest'
import { expectedBlocksPerDay } from './expectedBlocksPerDay'

describe('expectedBlocksPerDay', () => {
  it('scales the selection probability by the blocks of a day', () => {
    expect(expectedBlocksPerDay({ probability: 0.25, blocksPerDay: 7_200 })).toBe(1_800)
    expect(expectedBlocksPerDay({ probability: 0, blocksPerDay: 7_200 })).toBe(0)
  })
})
