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
  // abi.encode(bytes32, uint256) is the 32 bytes of the hash, then the id as 32 big-endian bytes. Built by
  // hand when both are well-formed (a third faster); anything else goes through the ABI encoder, which
  // throws its usual error.
  const encoded =
    BYTES32.test(parentHash) && blockId >= 0n && blockId < 2n ** 256n
      ? (`${parentHash}${blockId.toString(16).padStart(64, '0')}` as Hex)
      : encodeAbiParameters([{ type: 'bytes32' }, { type: 'uint256' }], [parentHash, blockId])
  return hexToBigInt(keccak256(encoded))
}

const BYTES32 = /^0x[0-9a-fA-F]{64}$/
