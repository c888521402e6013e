/** F after a proof inside its window (the indexer's fee series, downsampled per time bucket). */
export type FeePoint = { timestamp: bigint; feePerGas: bigint }
