import { describe, expect, it } from 'vitest'
import { expectedRewardPerDay } from './expectedRewardPerDay'

const p = { probability: 0.25, blocksPerDay: 7_200, feePerGas: 1_000_000_000n, gasUsed: 1_000_000n }

describe('expectedRewardPerDay', () => {
  it("prices the expected blocks at R' * gasUsed", () => {
    // R' = 1.05 F (capped): 1,800 blocks × 1.05e15
    expect(expectedRewardPerDay({ ...p, rewardPerGas: 2_000_000_000n })).toBe(1_890_000_000_000_000_000n)
  })

  it('adds the performance tier when a typical delay and average are given', () => {
    // R' = 0.95 F (floor), fast tier +10 %: 1,800 × 1.045e15
    expect(expectedRewardPerDay({ ...p, rewardPerGas: 1n, delay: 5n, avgProofDelayMs: 10_000n })).toBe(
      1_881_000_000_000_000_000n,
    )
  })

  it('is zero for a prover that is never selected', () => {
    expect(expectedRewardPerDay({ ...p, probability: 0, rewardPerGas: 1_000_000_000n })).toBe(0n)
  })
})
