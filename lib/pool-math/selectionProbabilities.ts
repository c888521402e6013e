export type SelectionProbabilitiesParameters = {
  weights: readonly bigint[]
}
export type SelectionProbabilitiesReturnType = number[]

/**
 * `w[i] / total` as a float, for display only (all zeros when `total == 0`). The exact odds are the
 * integer weights: `selectProver` picks `i` for `w[i]` of every `total` seed residues.
 */
export function selectionProbabilities({
  weights,
}: SelectionProbabilitiesParameters): SelectionProbabilitiesReturnType {
  let total = 0n
  for (const w of weights) total += w
  if (total === 0n) return weights.map(() => 0)
  const t = Number(total)
  return weights.map((w) => Number(w) / t)
}
