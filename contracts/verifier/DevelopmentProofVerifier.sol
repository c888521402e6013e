// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IProofVerifier} from "./IProofVerifier.sol";

/// @title DevelopmentProofVerifier
/// @notice FOR DEVELOPMENT ONLY: accepts any non-empty proof. It verifies nothing. Use it on a local
/// network and in tests; a real deployment must plug in a ZK verifier implementing `IProofVerifier`.
contract DevelopmentProofVerifier is IProofVerifier {
    /// @inheritdoc IProofVerifier
    /// @dev Returns true for any non-empty `proof`, false for an empty one.
    function verify(uint256, bytes32, bytes calldata proof) external pure returns (bool) {
        return proof.length > 0;
    }
}
