// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {PoolMath} from "./PoolMath.sol";
import {BlockInfo, Config, EmergencyReason, MAX_SLOTS} from "./PoolTypes.sol";
import {ProverPool} from "./ProverPool.sol";
import {IProofVerifier} from "./verifier/IProofVerifier.sol";

/// @title BlockProtocol
/// @notice The one deployed core of the prover market: proposals (fee `F*gasUsed`, weighted prover
/// selection), proofs through a verifier, rewards, the moving fee `F` and average proof delay, proof
/// windows, emergency mode, adaptive batching, reward claims and the treasury. Holds every TKO of the
/// system: `token.balanceOf(this) == accountedBalance()`. See docs/contracts.md.
contract BlockProtocol is ProverPool, Ownable {
    using SafeERC20 for IERC20;

    /// @dev One block (3 words).
    /// word 0: bits 0..159 assignedProver | 160..199 proposedAt (uint40) | 200..231 gasUsed (uint32) |
    ///         232..239 open | 240..247 proven | 248..255 slashed
    /// word 1: bits 0..63 feePerGas (F at proposal) | 64..127 rewardPerGas (R' snapshot) |
    ///         128..191 avgProofDelayMs (snapshot, milliseconds) | 192..223 proofWindow (uint32, seconds)
    /// word 2: bits 0..159 prover | 160..199 provenAt (uint40)
    /// A proposal writes words 0 and 1; the assigned prover's address shares word 0 with fields written
    /// for every block, so an assignment costs no extra storage slot.
    struct BlockRecord {
        address assignedProver;
        uint40 proposedAt;
        uint32 gasUsed;
        bool open;
        bool proven;
        bool slashed;
        uint64 feePerGas;
        uint64 rewardPerGas;
        uint64 avgProofDelayMs;
        uint32 proofWindow;
        address prover;
        uint40 provenAt;
    }

    /// @notice The proof verifier (a development verifier locally, a ZK verifier in production).
    IProofVerifier public immutable verifier;

    mapping(uint256 blockId => BlockRecord) internal _blocks;

    // ---------------------------------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------------------------------

    /// @notice A block was proposed.
    /// @param blockId The new block's id.
    /// @param proposer Who proposed (and paid `feePerGas * gasUsed`).
    /// @param assignedProver The selected prover, address(0) for an open block.
    /// @param gasUsed The block's gas.
    /// @param feePerGas F at proposal.
    /// @param rewardPerGas R' snapshot (F for an open block).
    /// @param proofDeadline `proposedAt + proofWindow`; a proof at exactly this time is in time.
    event BlockProposed(
        uint256 indexed blockId,
        address indexed proposer,
        address indexed assignedProver,
        uint256 gasUsed,
        uint256 feePerGas,
        uint256 rewardPerGas,
        uint256 proofDeadline
    );

    /// @notice A block was proven.
    /// @param blockId The block.
    /// @param prover Who proved it (the reward's receiver).
    /// @param reward Reward credited (wei; capped by the treasury).
    /// @param delay Seconds from proposal to proof.
    /// @param late Proven after its window by anyone (the assigned prover was slashed).
    /// @param open The block had no assigned prover.
    /// @param batched Proven in a batch of two or more blocks.
    event BlockProven(
        uint256 indexed blockId, address indexed prover, uint256 reward, uint256 delay, bool late, bool open, bool batched
    );

    /// @notice F moved after an in-window proof (emitted on every such proof, also when unchanged).
    /// @param blockId The proven block.
    /// @param oldFeePerGas F before.
    /// @param newFeePerGas F after.
    /// @param timestamp Proof time.
    event FeePerGasChanged(uint256 indexed blockId, uint256 oldFeePerGas, uint256 newFeePerGas, uint256 timestamp);

    /// @notice The average proof delay moved after an in-window proof (emitted on every such proof).
    /// @param blockId The proven block.
    /// @param oldAvgProofDelayMs Average before (milliseconds).
    /// @param newAvgProofDelayMs Average after (milliseconds).
    event AvgProofDelayChanged(uint256 indexed blockId, uint256 oldAvgProofDelayMs, uint256 newAvgProofDelayMs);

    /// @notice Emergency mode changed.
    /// @param active Whether it is now on.
    /// @param reason 0 none (leaving), 1 congestion, 2 prover failure.
    event EmergencyModeChanged(bool active, uint8 reason);

    /// @notice A prover claimed its rewards.
    /// @param prover The claimer.
    /// @param amount Wei paid.
    event RewardsClaimed(address indexed prover, uint256 amount);

    /// @notice Someone added TKO to the treasury.
    /// @param from The funder.
    /// @param amount Wei added.
    event TreasuryFunded(address indexed from, uint256 amount);

    // ---------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------

    /// @notice `gasUsed` must be in `[1, max]`.
    error BlockProtocolGasUsedOutOfRange(uint256 gasUsed, uint256 max);
    /// @notice The block would be open but `maxOpenBlocks` open blocks are unproven.
    error BlockProtocolTooManyOpenBlocks(uint256 openBlocks, uint256 maxOpenBlocks);
    /// @notice `proveBlocks` was called with no block.
    error BlockProtocolEmptyBatch();
    /// @notice More blocks than `currentBatchSize()` allows.
    error BlockProtocolBatchTooLarge(uint256 length, uint256 max);
    /// @notice The verifier rejected the proof.
    error BlockProtocolProofRejected();
    /// @notice No block has this id (ids are `1 … nextBlockId-1`).
    error BlockProtocolUnknownBlock(uint256 blockId, uint256 nextBlockId);
    /// @notice The block is already proven.
    error BlockProtocolAlreadyProven(uint256 blockId);
    /// @notice Inside its window only the assigned prover may prove the block.
    error BlockProtocolNotAssignedProver(uint256 blockId, address assignedProver, uint256 deadline);
    /// @notice The caller has no unclaimed rewards.
    error BlockProtocolNothingToClaim();

    // ---------------------------------------------------------------------------------------------
    // Construction and admin
    // ---------------------------------------------------------------------------------------------

    /// @param token_ The TKO token.
    /// @param verifier_ The proof verifier.
    /// @param config_ The mechanism's parameters (validated).
    /// @param initialFeePerGas Starting F (> 0, fits uint64).
    /// @param initialAvgProofDelayMs Starting average proof delay in milliseconds.
    constructor(
        address token_,
        address verifier_,
        Config memory config_,
        uint256 initialFeePerGas,
        uint256 initialAvgProofDelayMs
    ) ProverPool(token_, config_, initialFeePerGas, initialAvgProofDelayMs) Ownable(msg.sender) {
        if (verifier_ == address(0)) _revertConfigInvalid(FIELD_VERIFIER);
        verifier = IProofVerifier(verifier_);
    }

    /// @notice Replaces the config (owner only). Validated like the constructor's; emits `ConfigUpdated`.
    /// Blocks already proposed keep their snapshots (R', window, average delay).
    /// @param config_ The new config.
    function updateConfig(Config calldata config_) external onlyOwner {
        _setConfig(config_);
    }

    /// @notice Adds `amount` TKO wei from the caller to the treasury that pays rewards.
    /// @param amount Wei (> 0; needs an allowance).
    function fundTreasury(uint256 amount) external nonReentrant {
        if (amount == 0) revert ProverPoolZeroAmount();
        _state2.treasury = SafeCast.toUint128(uint256(_state2.treasury) + amount);
        emit TreasuryFunded(msg.sender, amount);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    // ---------------------------------------------------------------------------------------------
    // Proposals
    // ---------------------------------------------------------------------------------------------

    /// @notice Proposes a block of `gasUsed` gas, paying `feePerGas() * gasUsed` TKO (needs an allowance).
    /// Selects a prover by weight unless emergency mode is on or no prover has weight (an open block).
    /// @param gasUsed The block's gas (> 0).
    /// @return blockId The new block's id.
    function proposeBlock(uint32 gasUsed) external nonReentrant returns (uint256 blockId) {
        if (gasUsed == 0) revert BlockProtocolGasUsedOutOfRange(gasUsed, type(uint32).max);
        PoolState memory s = _loadState();
        PoolState2 memory s2 = _loadState2();
        _updateEmergencyOnProposal(s, s2);

        blockId = s.nextBlockId;
        s.nextBlockId = uint64(blockId + 1);
        uint256 proposalFee = PoolMath.proposalFee(s.feePerGas, gasUsed);
        s2.treasury = SafeCast.toUint128(uint256(s2.treasury) + proposalFee);

        address assigned;
        uint256 effectiveReward = s.feePerGas;
        if (s2.emergencyReason == EmergencyReason.None && s2.occupied != 0) {
            (assigned, effectiveReward) = _select(blockId, s.feePerGas, s.backlog);
        }
        bool open = assigned == address(0);
        if (open) {
            uint256 maxOpen = _cfgBlock.maxOpenBlocks;
            if (s.openBlocks >= maxOpen) revert BlockProtocolTooManyOpenBlocks(s.openBlocks, maxOpen);
            s.openBlocks += 1;
        }
        uint256 deadline = _recordBlock(blockId, assigned, gasUsed, s.feePerGas, effectiveReward, s.avgProofDelayMs);
        s.backlog += 1;
        _storeState(s);
        _storeState2(s2);
        emit BlockProposed(blockId, msg.sender, assigned, gasUsed, s.feePerGas, effectiveReward, deadline);
        token.safeTransferFrom(msg.sender, address(this), proposalFee);
    }

    /// @dev Step 2 of a proposal: leave emergency mode if the leave condition holds, then enter it on
    /// congestion. `backlog` is the number of unproven blocks before the new one.
    function _updateEmergencyOnProposal(PoolState memory s, PoolState2 memory s2) private {
        BlockConfig memory c1 = _cfgBlock;
        if (s2.emergencyReason != EmergencyReason.None && _canLeaveEmergency(s.backlog, c1)) {
            s2.emergencyReason = EmergencyReason.None;
            emit EmergencyModeChanged(false, uint8(EmergencyReason.None));
        }
        if (s2.emergencyReason == EmergencyReason.None && s.backlog >= c1.congestionBacklog) {
            s2.emergencyReason = EmergencyReason.Congestion;
            emit EmergencyModeChanged(true, uint8(EmergencyReason.Congestion));
        }
    }

    /// @dev Writes the block record (words 0 and 1) and returns its proof deadline.
    function _recordBlock(
        uint256 blockId,
        address assigned,
        uint32 gasUsed,
        uint64 fee,
        uint256 effectiveReward,
        uint64 avgMs
    ) private returns (uint256 deadline) {
        SelectionConfig memory c0 = _cfgSelection;
        uint256 window = PoolMath.proofWindow(avgMs, c0.proofWindowMultiplier, c0.minProofWindow, c0.maxProofWindow);
        // Words 0 and 1 of the record (layout next to `BlockRecord`); proven, slashed and word 2 stay 0.
        uint256 w0 = uint256(uint160(assigned)) | (uint256(uint40(block.timestamp)) << 160) | (uint256(gasUsed) << 200)
            | (assigned == address(0) ? uint256(1) << 232 : 0);
        uint256 w1 = uint256(fee) | (effectiveReward << 64) | (uint256(avgMs) << 128) | (window << 192);
        assembly ("memory-safe") {
            mstore(0x00, blockId)
            mstore(0x20, _blocks.slot)
            let base := keccak256(0x00, 0x40)
            sstore(base, w0)
            sstore(add(base, 1), w1)
        }
        deadline = block.timestamp + window;
    }

    /// @dev Weighted selection over the 32 slots; returns (address(0), F) when every weight is 0.
    /// The picked slot's current capacity drops by one; R' = effectiveRewardPerGas(R, F).
    function _select(uint256 blockId, uint256 fee, uint256 pending)
        private
        returns (address assigned, uint256 effectiveReward)
    {
        (uint256[MAX_SLOTS] memory prefix, uint256 total) = _scanPrefix(fee, pending);
        effectiveReward = fee;
        if (total == 0) return (address(0), effectiveReward);
        uint256 r = PoolMath.selectionSeed(blockhash(block.number - 1), blockId) % total;
        // Binary search for the first index whose running sum exceeds r (prefix[31] == total > r).
        uint256 index;
        assembly ("memory-safe") {
            let hi := 31
            for {} lt(index, hi) {} {
                let mid := shr(1, add(index, hi))
                switch lt(r, mload(add(prefix, shl(5, mid))))
                case 0 { index := add(mid, 1) }
                default { hi := mid }
            }
        }
        assigned = _slotOwner[index];
        _currentCapacities -= uint256(1) << (8 * index);
        uint256 rewardPerGas = (_slotWords[index >> 2] >> (((index & 3) << 6) + 32)) & 0xffffffff;
        effectiveReward = PoolMath.effectiveRewardPerGas(
            rewardPerGas, fee, _cfgSelection.rewardFloorBps, _cfgSelection.rewardCapBps
        );
    }

    // ---------------------------------------------------------------------------------------------
    // Proofs
    // ---------------------------------------------------------------------------------------------

    /// @notice Proves one block: `proveBlocks([blockId], proof)`.
    /// @param blockId The block.
    /// @param proof Proof bytes for the verifier.
    function proveBlock(uint256 blockId, bytes calldata proof) external nonReentrant {
        uint256[] memory ids = new uint256[](1);
        ids[0] = blockId;
        _proveBlocks(ids, proof);
    }

    /// @notice Proves up to `currentBatchSize()` blocks with one proof, in the given order. Inside a
    /// block's window only its assigned prover may prove it; after the window anyone may, and the
    /// assigned prover is slashed. Rewards accrue to the caller (see `claimRewards`).
    /// @param blockIds The blocks.
    /// @param proof Proof bytes for the verifier.
    function proveBlocks(uint256[] calldata blockIds, bytes calldata proof) external nonReentrant {
        _proveBlocks(blockIds, proof);
    }

    function _proveBlocks(uint256[] memory blockIds, bytes calldata proof) private {
        uint256 n = blockIds.length;
        if (n == 0) revert BlockProtocolEmptyBatch();
        uint256 maxBatch = currentBatchSize();
        if (n > maxBatch) revert BlockProtocolBatchTooLarge(n, maxBatch);
        if (!verifier.verifyProof(msg.sender, blockIds, proof)) revert BlockProtocolProofRejected();
        bool batched = n >= 2;
        for (uint256 i; i < n; ++i) {
            _proveOne(blockIds[i], batched);
        }
        // Leave emergency mode when the backlog has drained and enough provers are available.
        PoolState2 memory s2 = _loadState2();
        if (s2.emergencyReason != EmergencyReason.None) {
            PoolState memory s = _loadState();
            if (_canLeaveEmergency(s.backlog, _cfgBlock)) {
                _state2.emergencyReason = EmergencyReason.None;
                emit EmergencyModeChanged(false, uint8(EmergencyReason.None));
            }
        }
    }

    function _proveOne(uint256 blockId, bool batched) private {
        (BlockRecord memory blk, bool late) = _loadForProof(blockId);
        uint256 delay = block.timestamp - blk.proposedAt;
        bool inWindow = !blk.open && !late;
        // The reward is fixed before this block's own slash and failure check: the stabilization bonus is
        // for a proof that lands in emergency mode, not for the one that switches it on.
        bool stabilized = batched || _state2.emergencyReason != EmergencyReason.None;
        _markProven(blockId, blk, inWindow, delay);
        if (!blk.open) _settleAssigned(blockId, blk, late);
        uint256 paid = _payReward(blk, delay, inWindow, stabilized);
        emit BlockProven(blockId, msg.sender, paid, delay, late, blk.open, batched);
    }

    /// @dev Checks, in order: known id, not proven, caller allowed. `late = now > proposedAt + window`
    /// (a proof at exactly the deadline is in time).
    function _loadForProof(uint256 blockId) private view returns (BlockRecord memory blk, bool late) {
        uint256 next = _state.nextBlockId;
        if (blockId == 0 || blockId >= next) revert BlockProtocolUnknownBlock(blockId, next);
        blk = _blocks[blockId];
        if (blk.proven) revert BlockProtocolAlreadyProven(blockId);
        uint256 deadline = uint256(blk.proposedAt) + blk.proofWindow;
        late = block.timestamp > deadline;
        if (!blk.open && !late && msg.sender != blk.assignedProver) {
            revert BlockProtocolNotAssignedProver(blockId, blk.assignedProver, deadline);
        }
    }

    /// @dev Records the proof, `backlog -= 1` (and `openBlocks` for an open block), and on an in-window
    /// assigned proof moves F and the average delay (events on every such proof).
    function _markProven(uint256 blockId, BlockRecord memory blk, bool inWindow, uint256 delay) private {
        BlockRecord storage b = _blocks[blockId];
        b.proven = true;
        b.prover = msg.sender;
        b.provenAt = uint40(block.timestamp);
        PoolState memory s = _loadState();
        s.backlog -= 1;
        if (blk.open) s.openBlocks -= 1;
        if (inWindow) {
            BlockConfig memory c1 = _cfgBlock;
            uint256 oldFee = s.feePerGas;
            uint256 oldAvgMs = s.avgProofDelayMs;
            s.feePerGas = uint64(PoolMath.nextFeePerGas(oldFee, blk.rewardPerGas, c1.feeSmoothing));
            // The average is kept in milliseconds (delay is whole seconds): see docs/contracts.md.
            s.avgProofDelayMs = uint64(PoolMath.nextAvgProofDelay(oldAvgMs, delay * 1000, c1.delaySmoothing));
            emit FeePerGasChanged(blockId, oldFee, s.feePerGas, block.timestamp);
            emit AvgProofDelayChanged(blockId, oldAvgMs, s.avgProofDelayMs);
        }
        _storeState(s);
    }

    /// @dev For an assigned block: on a late proof slash the assigned prover and run the emergency
    /// *prover failure* check (backlog already without this block, before the capacity below returns);
    /// then give the assigned prover one capacity back if it still holds a slot, never above its max.
    function _settleAssigned(uint256 blockId, BlockRecord memory blk, bool late) private {
        if (late) {
            _blocks[blockId].slashed = true;
            _slash(blk.assignedProver, blockId, uint256(blk.rewardPerGas) * blk.gasUsed);
            if (_state2.emergencyReason == EmergencyReason.None) {
                PoolState memory s = _loadState();
                BlockConfig memory c1 = _cfgBlock;
                uint256 available = _availableProvers(s.backlog);
                if (available < c1.minAvailableProvers || s.backlog >= c1.congestionBacklog / 2) {
                    _state2.emergencyReason = EmergencyReason.ProverFailure;
                    emit EmergencyModeChanged(true, uint8(EmergencyReason.ProverFailure));
                }
            }
        }
        uint256 slot = _stakers[blk.assignedProver].slot;
        if (slot != 0) {
            uint256 shift = 8 * (slot - 1);
            uint256 caps = _currentCapacities;
            if ((caps >> shift) & 0xff < (_maxCapacities >> shift) & 0xff) {
                _currentCapacities = caps + (uint256(1) << shift);
            }
        }
    }

    /// @dev Credits `proofReward(...).total` to the caller, capped by the treasury as it stands after this
    /// block's slash (if any). Returns the amount credited.
    function _payReward(BlockRecord memory blk, uint256 delay, bool inWindow, bool stabilized)
        private
        returns (uint256 paid)
    {
        PoolState2 memory s2 = _loadState2();
        BlockConfig memory c1 = _cfgBlock;
        (,,, uint256 total) = PoolMath.proofReward(
            PoolMath.RewardParams({
                rewardPerGas: blk.rewardPerGas,
                gasUsed: blk.gasUsed,
                delay: delay,
                avgProofDelayMs: blk.avgProofDelayMs,
                assignedInWindow: inWindow,
                stabilized: stabilized,
                openRewardBps: c1.openRewardBps,
                perfBonusFastBps: c1.perfBonusFastBps,
                perfBonusBps: c1.perfBonusBps,
                stabilizationBonusBps: c1.stabilizationBonusBps
            })
        );
        // Rewards are paid from the treasury and never exceed it.
        paid = total < s2.treasury ? total : s2.treasury;
        if (paid != 0) {
            _state2.treasury = uint128(s2.treasury - paid);
            rewards[msg.sender] += paid;
            _totalRewards += paid;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Rewards
    // ---------------------------------------------------------------------------------------------

    /// @notice Pays the caller's unclaimed rewards.
    function claimRewards() external nonReentrant {
        uint256 amount = rewards[msg.sender];
        if (amount == 0) revert BlockProtocolNothingToClaim();
        rewards[msg.sender] = 0;
        _totalRewards -= amount;
        emit RewardsClaimed(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    // ---------------------------------------------------------------------------------------------
    // Emergency mode and batching
    // ---------------------------------------------------------------------------------------------

    /// @dev Leave condition: `backlog <= congestionBacklog/4` and available provers `>= minAvailableProvers`.
    function _canLeaveEmergency(uint256 pending, BlockConfig memory c1) private view returns (bool) {
        if (pending > c1.congestionBacklog / 4) return false;
        return _availableProvers(pending) >= c1.minAvailableProvers;
    }

    /// @notice Whether emergency mode is on (new blocks are open, batching is on).
    function isEmergency() external view returns (bool) {
        return _state2.emergencyReason != EmergencyReason.None;
    }

    /// @notice Why emergency mode is on (`None` when off).
    function emergencyReason() external view returns (EmergencyReason) {
        return _state2.emergencyReason;
    }

    /// @notice Most blocks one `proveBlocks` call may prove now:
    /// `emergency ? max(2, batchSize(backlog)) : batchSize(backlog)`. Batching is on when > 1.
    function currentBatchSize() public view returns (uint256) {
        LimitConfig memory c2 = _cfgLimit;
        uint256 size = PoolMath.batchSize(_state.backlog, c2.batchingBacklog, c2.batchDivisor, c2.maxBatchSize);
        if (_state2.emergencyReason != EmergencyReason.None && size < 2) size = 2;
        return size;
    }

    /// @notice The proof window a block proposed now would get (seconds).
    function currentProofWindow() external view returns (uint256) {
        SelectionConfig memory c0 = _cfgSelection;
        return PoolMath.proofWindow(_state.avgProofDelayMs, c0.proofWindowMultiplier, c0.minProofWindow, c0.maxProofWindow);
    }

    /// @notice One block's record.
    /// @param blockId The block (`1 … nextBlockId-1`).
    function getBlock(uint256 blockId) external view returns (BlockInfo memory) {
        uint256 next = _state.nextBlockId;
        if (blockId == 0 || blockId >= next) revert BlockProtocolUnknownBlock(blockId, next);
        // Decodes the three `BlockRecord` words (layout next to the struct) straight into the ABI encoding
        // of `BlockInfo` (13 static words): blockId, assignedProver, proposedAt, gasUsed, feePerGas,
        // rewardPerGas, proofWindow, avgProofDelayMs, provenAt, prover, open, proven, slashed.
        assembly ("memory-safe") {
            mstore(0x00, blockId)
            mstore(0x20, _blocks.slot)
            let base := keccak256(0x00, 0x40)
            let w0 := sload(base)
            let w1 := sload(add(base, 1))
            let w2 := sload(add(base, 2))
            let ptr := mload(0x40)
            mstore(ptr, blockId)
            mstore(add(ptr, 0x20), and(w0, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(add(ptr, 0x40), and(shr(160, w0), 0xffffffffff))
            mstore(add(ptr, 0x60), and(shr(200, w0), 0xffffffff))
            mstore(add(ptr, 0x80), and(w1, 0xffffffffffffffff))
            mstore(add(ptr, 0xa0), and(shr(64, w1), 0xffffffffffffffff))
            mstore(add(ptr, 0xc0), and(shr(192, w1), 0xffffffff))
            mstore(add(ptr, 0xe0), and(shr(128, w1), 0xffffffffffffffff))
            mstore(add(ptr, 0x100), and(shr(160, w2), 0xffffffffff))
            mstore(add(ptr, 0x120), and(w2, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(add(ptr, 0x140), and(shr(232, w0), 0xff))
            mstore(add(ptr, 0x160), and(shr(240, w0), 0xff))
            mstore(add(ptr, 0x180), shr(248, w0))
            return(ptr, 0x1a0)
        }
    }
}
