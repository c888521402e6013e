export type SeedWeightParameters = {
  /** Stake in wei (not quantised: this is the seed's raw formula). */
  stake: bigint
  rewardPerGas: bigint
  capacity: bigint
  feePerGas: bigint
}
export type SeedWeightReturnType = bigint

/**
 * The seed proposal's raw weight `A*F*F / (R*R)` (floor), `0` if `A == 0 || C == 0 || R == 0`. No floor
 * on `R`, no quantisation: it grows without bound as `R → 0`. Display and simulation only; the contracts
 * select with `weight`. Mirrors `PoolMath.seedWeight` (exposed by PoolMathHarness).
 */
export function seedWeight({
  stake,
  rewardPerGas,
  capacity,
  feePerGas,
}: SeedWeightParameters): SeedWeightReturnType {
  if (stake === 0n || capacity === 0n || rewardPerGas === 0n) return 0n
  return (stake * feePerGas * feePerGas) / (rewardPerGas * rewardPerGas)
}
