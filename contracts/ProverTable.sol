// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ProverTable
/// @notice The 32 active slots as the code of a small data contract (the SSTORE2 pattern): every
/// proposal reads what selection needs with one `EXTCODECOPY` instead of ten cold `SLOAD`s, and every
/// change of membership, stake units, R or maximum capacity writes a new table (a rare path).
///
/// The table is 45 words (1,440 bytes) behind a leading `STOP` byte, so the data contract cannot be
/// called into anything. Word layout (word w at byte offset 1 + 32·w of the code):
///
///     word  0        max capacities: byte i (bits 8i..8i+7) = slot i
///     words 1..4     stake units (whole TKO, uint32): slot i in word 1 + i/8, bits 32·(i%8)
///     words 5..12    reward per gas R (uint64): slot i in word 5 + i/4, bits 64·(i%4)
///     words 13..44   owner (bits 32..191) | staker id (bits 0..31): slot i in word 13 + i
///
/// Words 0..12 are what selection reads ("hot"); the owner word is read for the picked slot only.
/// A free slot is all zeros (no owner, 0 units, R 0, capacity 0), so it weighs 0.
library ProverTable {
    uint256 internal constant WORDS = 45;
    uint256 internal constant HOT_WORDS = 13;
    uint256 internal constant UNITS = 1;
    uint256 internal constant REWARDS = 5;
    uint256 internal constant OWNERS = 13;

    /// @notice The table could not be written (creation failed).
    error ProverTableWriteFailed();

    /// @dev The whole table in memory (all zeros when `table` is address(0): no table written yet).
    function load(address table) internal view returns (uint256[WORDS] memory t) {
        if (table == address(0)) return t;
        assembly ("memory-safe") {
            extcodecopy(table, t, 1, 1440)
        }
    }

    /// @dev Words 0..12 (what selection and the eligibility scans read).
    function loadHot(address table) internal view returns (uint256[HOT_WORDS] memory t) {
        if (table == address(0)) return t;
        assembly ("memory-safe") {
            extcodecopy(table, t, 1, 416)
        }
    }

    /// @dev The owner word of slot `i`: `owner << 32 | id` (0 for a free slot).
    function ownerWord(address table, uint256 i) internal view returns (uint256 word) {
        if (table == address(0)) return 0;
        assembly ("memory-safe") {
            extcodecopy(table, 0x00, add(1, shl(5, add(13, i))), 32)
            word := mload(0x00)
        }
    }

    /// @dev Deploys `t` as a new data contract and returns its address.
    /// Creation code (10 bytes) `61 05a1 80 60 0a 3d 39 3d f3`: PUSH2 1441, DUP1, PUSH1 10,
    /// RETURNDATASIZE, CODECOPY(0, 10, 1441), RETURNDATASIZE, RETURN(0, 1441) — it returns the 1,441 bytes
    /// after itself as the runtime code: a `STOP` byte, then the 1,440 bytes of the table.
    function store(uint256[WORDS] memory t) internal returns (address table) {
        assembly ("memory-safe") {
            let code := mload(0x40)
            mstore(code, shl(168, 0x6105a180600a3d393df300))
            mcopy(add(code, 11), t, 1440)
            table := create(0, code, 1451)
        }
        if (table == address(0)) revert ProverTableWriteFailed();
    }

    function maxCapacity(uint256[WORDS] memory t, uint256 i) internal pure returns (uint256) {
        return (t[0] >> (8 * i)) & 0xff;
    }

    function units(uint256[WORDS] memory t, uint256 i) internal pure returns (uint256) {
        return (t[UNITS + (i >> 3)] >> (32 * (i & 7))) & 0xffffffff;
    }

    function rewardPerGas(uint256[WORDS] memory t, uint256 i) internal pure returns (uint256) {
        return (t[REWARDS + (i >> 2)] >> (64 * (i & 3))) & 0xffffffffffffffff;
    }

    function owner(uint256[WORDS] memory t, uint256 i) internal pure returns (address) {
        return address(uint160(t[OWNERS + i] >> 32));
    }

    /// @dev Writes slot `i` of the in-memory table (all fields; zeros free the slot).
    function set(
        uint256[WORDS] memory t,
        uint256 i,
        address slotOwner,
        uint256 id,
        uint256 stakeUnits,
        uint256 rewardPerGas_,
        uint256 maxCapacity_
    ) internal pure {
        uint256 capShift = 8 * i;
        t[0] = (t[0] & ~(uint256(0xff) << capShift)) | (maxCapacity_ << capShift);
        uint256 unitShift = 32 * (i & 7);
        uint256 u = UNITS + (i >> 3);
        t[u] = (t[u] & ~(uint256(0xffffffff) << unitShift)) | (stakeUnits << unitShift);
        uint256 rShift = 64 * (i & 3);
        uint256 r = REWARDS + (i >> 2);
        t[r] = (t[r] & ~(uint256(0xffffffffffffffff) << rShift)) | (rewardPerGas_ << rShift);
        t[OWNERS + i] = (uint256(uint160(slotOwner)) << 32) | id;
    }
}
