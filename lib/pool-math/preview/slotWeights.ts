/** An active prover as the lens lists it: its 1-based slot and its weight. */
export type SlotWeight = { slot: bigint; weight: bigint }

/**
 * The lens's active provers as slot weights, by 0-based slot index (0 for an empty slot): the `weights`
 * `rankOf` and `selectionProbabilities` take, as `PoolModel.weights()` gives them. Provers without a slot
 * (slot 0) are left out.
 */
export function slotWeights(provers: readonly SlotWeight[]): bigint[] {
  const size = Math.max(0, ...provers.map((p) => Number(p.slot)))
  const weights = Array.from({ length: size }, () => 0n)
  for (const p of provers) if (p.slot > 0n) weights[Number(p.slot) - 1] = p.weight
  return weights
}
