import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { feePerGasArb, gasUsedArb } from './internal/arbitraries'
import { proposalFee } from './proposalFee'

describe('proposalFee', () => {
  it('is F times gasUsed, exactly', () => {
    expect(proposalFee({ feePerGas: 1_000_000_000n, gasUsed: 1_500_000n })).toBe(1_500_000_000_000_000n)
    expect(proposalFee({ feePerGas: 0n, gasUsed: 1_500_000n })).toBe(0n)
  })

  it('is linear in gas', () => {
    fc.assert(
      fc.property(feePerGasArb, gasUsedArb, gasUsedArb, (feePerGas, a, b) => {
        expect(proposalFee({ feePerGas, gasUsed: a + b })).toBe(
          proposalFee({ feePerGas, gasUsed: a }) + proposalFee({ feePerGas, gasUsed: b }),
        )
      }),
    )
  })
})
