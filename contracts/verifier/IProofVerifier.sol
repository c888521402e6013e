// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IProofVerifier
/// @notice What BlockProtocol asks before it accepts a proof of a block. A real deployment plugs in a ZK
/// verifier; the block's commitment (stored at proposal) is its public input (SPEC Revision 2.2).
interface IProofVerifier {
    /// @notice Whether `proof` proves block `blockId` with commitment `commitment`.
    /// @dev Called once per block; `proveBlocks` hands the same proof bytes for every block of a batch.
    /// Declared `view`: the core calls it with STATICCALL semantics, so a verifier cannot re-enter it.
    /// @param blockId The block.
    /// @param commitment The block's commitment, as the proposer declared it.
    /// @param proof The opaque proof bytes.
    /// @return True if the proof is valid.
    function verify(uint256 blockId, bytes32 commitment, bytes calldata proof) external view returns (bool);
}
