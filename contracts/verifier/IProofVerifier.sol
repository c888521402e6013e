// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IProofVerifier
/// @notice What BlockProtocol asks before it accepts proofs. A real deployment plugs in a ZK verifier.
interface IProofVerifier {
    /// @notice Whether `proof` proves every block in `blockIds`, submitted by `prover`.
    /// @param prover The account submitting the proof (a verifier may bind the proof to it).
    /// @param blockIds The blocks the proof covers, in the order given to `proveBlocks`.
    /// @param proof The opaque proof bytes.
    /// @return True if the proof is valid.
    function verifyProof(address prover, uint256[] calldata blockIds, bytes calldata proof)
        external
        view
        returns (bool);
}
