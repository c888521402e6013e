export type ExpectedBlocksPerDayParameters = {
  /** Selection probability (`selectionProbabilities`). */
  probability: number
  /** Blocks proposed per day on the network. */
  blocksPerDay: number
}

/** `probability * blocksPerDay`: the expected number of blocks assigned per day. Display only (float). */
export function expectedBlocksPerDay({ probability, blocksPerDay }: ExpectedBlocksPerDayParameters): number {
  return probability * blocksPerDay
}
