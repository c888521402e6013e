import { encodeAbiParameters, type Hex, hexToBigInt, keccak256 } from 'viem'

export type SelectionSeedParameters = {
  /** `blockhash(block.number - 1)` on chain: a 0x-prefixed bytes32. */
  parentHash: Hex
  /** The id of the block being proposed. */
  blockId: bigint
}
export type SelectionSeedReturnType = bigint

/**
 * `uint256(keccak256(abi.encode(bytes32 parentHash, uint256 blockId)))`. Exact, no rounding.
 * Mirrors `PoolMath.selectionSeed` in contracts/PoolMath.sol.
 */
export function selectionSeed({ parentHash, blockId }: SelectionSeedParameters): SelectionSeedReturnType {
  return hexToBigInt(
    keccak256(encodeAbiParameters([{ type: 'bytes32' }, { type: 'uint256' }], [parentHash, blockId])),
  )
}
