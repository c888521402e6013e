import { describe, expect, it } from 'vitest'
import { EmergencyReason, StakerStatus } from '@/lib/pool-math/types'
import { emergencyReasonWord, proverStatusCode, proverStatuses, proverStatusWord } from './status'

describe('the chain enums in words', () => {
  it('names every staker status, and maps each word back to its number', () => {
    expect(proverStatusWord(StakerStatus.None)).toBe('none')
    expect(proverStatusWord(StakerStatus.Active)).toBe('active')
    expect(proverStatusWord(StakerStatus.Exiting)).toBe('exiting')
    expect(proverStatusWord(StakerStatus.Evicted)).toBe('evicted')
    for (const word of proverStatuses) expect(proverStatusWord(proverStatusCode[word])).toBe(word)
  })

  it('names every emergency reason', () => {
    expect(emergencyReasonWord(EmergencyReason.None)).toBe('none')
    expect(emergencyReasonWord(EmergencyReason.Congestion)).toBe('congestion')
    expect(emergencyReasonWord(EmergencyReason.ProverFailure)).toBe('prover failure')
  })

  it("says 'none' for a number the contracts do not define", () => {
    expect(proverStatusWord(9)).toBe('none')
    expect(emergencyReasonWord(9)).toBe('none')
  })
})
