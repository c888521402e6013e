export type ProposalFeeParameters = {
  feePerGas: bigint
  gasUsed: bigint
}
export type ProposalFeeReturnType = bigint

/** `F * gasUsed` in TKO wei, exact; paid by the proposer into the treasury. Mirrors `PoolMath.proposalFee`. */
export function proposalFee({ feePerGas, gasUsed }: ProposalFeeParameters): ProposalFeeReturnType {
  return feePerGas * gasUsed
}
